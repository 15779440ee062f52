"""What the application page shows each role: the application, and the actions the user may take on it."""

from django.http import HttpRequest

from innoplatform.core.vocabularies import Challenge, ServiceArea

from .. import applications as services
from ..assessing import weighted_total
from ..forms import DecisionForm, ReviewForm
from ..models import Application, ApplicationCode, Report
from ..permissions import Roles
from ..publishing import can_publish
from ..reporting import REPORTABLE

Status = Application.Status


def labels(codes: list[ApplicationCode], dimension: str, vocabulary) -> list[str]:
    return [str(vocabulary(c.code).label) for c in codes if c.dimension == dimension and c.code in vocabulary.values]


def detail_context(request: HttpRequest, application: Application, roles: Roles, **forms) -> dict:
    codes = list(application.codes.all())
    reports = {report.kind: report for report in application.reports.all()}
    criteria = list(application.call.criteria.all()) if application.call else []
    assessor = roles.can_assess(application)
    context = {
        "application": application,
        "roles": roles,
        "service_areas": labels(codes, ApplicationCode.Dimension.SERVICE_AREA, ServiceArea),
        "challenges": labels(codes, ApplicationCode.Dimension.CHALLENGE, Challenge),
        "office_view": roles.editor or roles.is_assessor(application),
        "budget_total": sum(line.amount_nok for line in application.budget_lines.all()),
        "own_share_total": sum(line.own_share_nok for line in application.budget_lines.all()),
        "reports": [reports[kind] for kind in (Report.Kind.INTERIM, Report.Kind.FINAL) if kind in reports],
        "is_applicant": roles.is_applicant(application),
        "can_edit": roles.is_applicant(application) and services.is_editable(application),
        "can_submit": roles.is_applicant(application) and application.status == Status.DRAFT,
        "can_withdraw": roles.is_applicant(application) and application.status in (Status.DRAFT, Status.SUBMITTED),
        "can_report": roles.is_applicant(application) and application.status in REPORTABLE,
        "can_assess": assessor
        and application.status in (Status.SUBMITTED, Status.UNDER_ASSESSMENT)
        and application.call is not None
        and application.call.has_closed,
        "can_decide": assessor and application.status == Status.UNDER_ASSESSMENT,
        "can_review": assessor,
        "can_publish": can_publish(roles, application),
        "conflict": (roles.is_assessor(application) or roles.editor) and roles.has_conflict(application),
        "decision_form": forms.get("decision_form") or DecisionForm(),
        "review_form": ReviewForm(),
        "report_kinds": Report.Kind,
    }
    if assessor:
        assessments = list(application.assessments.select_related("assessor").prefetch_related("scores__criterion"))
        scores: dict[int, list[int]] = {}
        for assessment in assessments:
            for score in assessment.scores.all():
                scores.setdefault(score.criterion_id, []).append(score.score)
        means = {pk: sum(values) / len(values) for pk, values in scores.items()}
        context["weighted_total"] = weighted_total(means, criteria)
        context["assessments"] = assessments
    return context
