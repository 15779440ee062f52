"""The application's status machine: which change is allowed from which status, made so two requests cannot both make it.

draft → submitted → under assessment → granted / partly granted / rejected →
reporting due → reported → closed; a draft or a submitted application not yet
under assessment can be withdrawn. A returned final report puts a reported
project back to reporting due.
"""

from django.utils import timezone

from . import search_sync
from .models import Application

Status = Application.Status

TRANSITIONS: dict[str, frozenset[str]] = {
    Status.DRAFT: frozenset({Status.SUBMITTED, Status.WITHDRAWN}),
    Status.SUBMITTED: frozenset({Status.UNDER_ASSESSMENT, Status.WITHDRAWN}),
    Status.UNDER_ASSESSMENT: frozenset({Status.GRANTED, Status.PARTLY_GRANTED, Status.REJECTED}),
    Status.GRANTED: frozenset({Status.REPORTING_DUE, Status.REPORTED}),
    Status.PARTLY_GRANTED: frozenset({Status.REPORTING_DUE, Status.REPORTED}),
    Status.REPORTING_DUE: frozenset({Status.REPORTED}),
    Status.REPORTED: frozenset({Status.CLOSED, Status.REPORTING_DUE}),
}


class FundingError(Exception):
    """A refused action; `reason` is a code the views put into words, `fields` names what is missing."""

    def __init__(self, reason: str, fields: dict[str, str] | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.fields = fields or {}


def can_move(current: str, target: str) -> bool:
    return target in TRANSITIONS.get(current, frozenset())


def move(application: Application, target: str) -> None:
    """Change the status if the machine allows it from the status in the database, else FundingError("status").

    The update is conditional on the status read, so of two requests racing for the same change only one wins.
    The search is told, since an update sends no save signal: a grant appears in it when it becomes public.
    """
    if not can_move(application.status, target):
        raise FundingError("status")
    changes = {"status": target, "updated_at": timezone.now()}
    if target == Status.SUBMITTED:
        changes["submitted_at"] = timezone.now()
    updated = Application.objects.filter(pk=application.pk, status=application.status).update(**changes)
    if not updated:
        raise FundingError("status")
    for name, value in changes.items():
        setattr(application, name, value)
    search_sync.grant_changed(application)
