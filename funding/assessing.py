"""Assessment: each assessor scores each criterion 1–5, and the office sees the applications ranked by weighted total."""

from dataclasses import dataclass

from django.db import transaction

from . import lifecycle
from .lifecycle import FundingError
from .models import Application, Assessment, AssessmentCriterion, FundingCall, Score
from .permissions import Roles

Status = Application.Status
ASSESSABLE = (Status.SUBMITTED, Status.UNDER_ASSESSMENT)


@dataclass(frozen=True)
class ScoreInput:
    criterion: AssessmentCriterion
    score: int
    comment: str = ""


def weighted_total(scores: dict[int, float], criteria: list[AssessmentCriterion]) -> float | None:
    """The weighted mean score (1–5) over the criteria, from each criterion's mean score; None before any score."""
    weights = sum(c.weight for c in criteria if c.pk in scores)
    if not weights:
        return None
    return round(sum(scores[c.pk] * c.weight for c in criteria if c.pk in scores) / weights, 2)


@transaction.atomic
def save_assessment(
    user, application: Application, *, no_conflict: bool, scores: list[ScoreInput], comment: str = ""
) -> Assessment:
    """Store the user's scores; the first assessment of a closed call's application starts its assessment."""
    locked = Application.objects.select_for_update(of=("self",)).select_related("call").get(pk=application.pk)
    roles = Roles.of(user)
    if roles.has_conflict(locked):
        raise FundingError("conflict")
    if not roles.can_assess(locked):
        raise FundingError("not_assessor")
    if not no_conflict:
        raise FundingError("declaration", {"no_conflict": ""})
    if locked.status not in ASSESSABLE or locked.call is None or not locked.call.has_closed:
        raise FundingError("not_assessable")
    criteria = {c.pk for c in locked.call.criteria.all()}
    if {row.criterion.pk for row in scores} != criteria or any(not 1 <= row.score <= 5 for row in scores):
        raise FundingError("scores")
    assessment, _created = Assessment.objects.update_or_create(
        application=locked, assessor=user, defaults={"no_conflict": True, "comment": comment}
    )
    assessment.scores.all().delete()
    Score.objects.bulk_create(
        Score(assessment=assessment, criterion=row.criterion, score=row.score, comment=row.comment) for row in scores
    )
    if locked.status == Status.SUBMITTED:
        lifecycle.move(locked, Status.UNDER_ASSESSMENT)
    return assessment


@dataclass(frozen=True)
class RankedApplication:
    application: Application
    total: float | None
    assessors: int
    criterion_means: tuple[float | None, ...]
    """The mean score of each criterion, in the call's order of criteria."""


@dataclass(frozen=True)
class Ranking:
    call: FundingCall
    criteria: list[AssessmentCriterion]
    rows: list[RankedApplication]
    sought_nok: int
    granted_nok: int


def ranking(call: FundingCall) -> Ranking:
    """The call's submitted and decided applications, best weighted total first (six queries).

    The co-applicants and partners are loaded with them, so the page can tell which rows the reader is
    disqualified from without a query per row.
    """
    criteria = list(call.criteria.all())
    applications = list(
        call.applications.exclude(status__in=(Status.DRAFT, Status.WITHDRAWN))
        .select_related("lead_kommune", "allocation")
        .prefetch_related("co_kommuner", "partners")
        .order_by("pk")
    )
    sums: dict[int, dict[int, list[int]]] = {}
    assessors: dict[int, set[int]] = {}
    for application_id, assessor_id, criterion_id, score in Score.objects.filter(
        assessment__application__in=applications
    ).values_list("assessment__application_id", "assessment__assessor_id", "criterion_id", "score"):
        sums.setdefault(application_id, {}).setdefault(criterion_id, []).append(score)
        assessors.setdefault(application_id, set()).add(assessor_id)
    rows = []
    for application in applications:
        means = {c: sum(v) / len(v) for c, v in sums.get(application.pk, {}).items()}
        rows.append(
            RankedApplication(
                application,
                weighted_total(means, criteria),
                len(assessors.get(application.pk, ())),
                tuple(means.get(criterion.pk) for criterion in criteria),
            )
        )
    rows.sort(key=lambda row: (row.total is None, -(row.total or 0), row.application.title))
    sought = sum(row.application.amount_sought_nok or 0 for row in rows)
    return Ranking(call, criteria, rows, sought, call.granted_nok)
