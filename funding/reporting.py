"""Reports from granted projects: the applicants write and submit them, the office approves or returns them.

Submitting the final report makes the project reported; approving it closes the
project, returning it (with a comment) makes the report due again.
"""

from django.db import transaction
from django.utils import timezone

from . import lifecycle, notices
from .lifecycle import FundingError
from .models import Application, Report
from .permissions import Roles

Status = Application.Status
REPORTABLE = (Status.GRANTED, Status.PARTLY_GRANTED, Status.REPORTING_DUE)
REPORT_FIELDS = ("activities", "results", "key_figures", "lessons", "spent_nok", "spending_comment", "in_operation")
REQUIRED_FIELDS = ("activities", "results", "lessons")


def report_for(application: Application, kind: str) -> Report:
    """The application's report of this kind, unsaved when none is written yet."""
    return next((r for r in application.reports.all() if r.kind == kind), None) or Report(
        application=application, kind=kind
    )


def save_report(user, application: Application, kind: str, values: dict, *, submit: bool) -> Report:
    """Save what the applicants wrote; with `submit`, also deliver it when complete.

    An incomplete report asked to be delivered is still saved as a draft, and FundingError("incomplete")
    names what is missing, so nothing written is lost.
    """
    report, missing = _store(user, application, kind, values, submit=submit)
    if missing:
        raise FundingError("incomplete", missing)
    return report


@transaction.atomic
def _store(user, application: Application, kind: str, values: dict, *, submit: bool) -> tuple[Report, dict]:
    locked = Application.objects.select_for_update().get(pk=application.pk)
    if not Roles.of(user).is_applicant(locked):
        raise FundingError("not_applicant")
    if locked.status not in REPORTABLE:
        raise FundingError("not_reportable")
    report = Report.objects.filter(application=locked, kind=kind).first() or Report(application=locked, kind=kind)
    if report.status in (Report.Status.SUBMITTED, Report.Status.APPROVED):
        raise FundingError("report_locked")
    for name in REPORT_FIELDS:
        if name in values:
            setattr(report, name, values[name])
    missing = {}
    if submit:
        missing = {name: "required" for name in REQUIRED_FIELDS if not str(getattr(report, name) or "").strip()}
        if kind == Report.Kind.FINAL and report.spent_nok is None:
            missing["spent_nok"] = "required"
    if submit and not missing:
        report.status = Report.Status.SUBMITTED
        report.submitted_at = timezone.now()
    report.save()
    if report.status == Report.Status.SUBMITTED:
        if kind == Report.Kind.FINAL:
            lifecycle.move(locked, Status.REPORTED)
        notices.report_submitted(locked, report)
    return report, missing


@transaction.atomic
def review_report(user, report: Report, *, approve: bool, comment: str = "") -> Report:
    """The office approves a submitted report, or returns it with a comment for the applicants to improve."""
    locked = Report.objects.select_for_update(of=("self",)).select_related("application").get(pk=report.pk)
    application = locked.application
    roles = Roles.of(user)
    if not (roles.editor or roles.is_assessor(application)) or roles.has_conflict(application):
        raise FundingError("not_assessor")
    if locked.status != Report.Status.SUBMITTED:
        raise FundingError("status")
    if not approve and not comment.strip():
        raise FundingError("invalid", {"office_comment": "required"})
    locked.office_comment = comment.strip()
    if approve:
        locked.status, locked.approved_at, locked.approved_by = Report.Status.APPROVED, timezone.now(), user
    else:
        locked.status = Report.Status.RETURNED
    locked.save()
    if locked.kind == Report.Kind.FINAL:
        lifecycle.move(application, Status.CLOSED if approve else Status.REPORTING_DUE)
    notices.report_reviewed(application, locked)
    return locked
