"""The decision on an application, and the guarantee that a call never grants more than its frame.

Three layers keep the frame: the call's row is locked for the transaction
(`SELECT … FOR UPDATE` on PostgreSQL; SQLite's transactions are taken
IMMEDIATE and so run one writer at a time), the running total is raised by a
conditional UPDATE that matches only while the new total stays within the
frame, and a CHECK constraint on the table refuses any total above it.
"""

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from . import lifecycle, notices
from .lifecycle import FundingError
from .models import Allocation, Application, FundingCall
from .permissions import Roles

Status = Application.Status


def decide(user, application: Application, *, amount_nok: int, reason: str) -> Allocation:
    """Grant `amount_nok` (0 rejects) with `reason`; the decision e-mail goes to the applicants after commit."""
    with transaction.atomic():
        locked = Application.objects.select_for_update().get(pk=application.pk)
        roles = Roles.of(user)
        if roles.has_conflict(locked):
            raise FundingError("conflict")
        if not (roles.editor or roles.is_assessor(locked)):
            raise FundingError("not_assessor")
        if locked.status != Status.UNDER_ASSESSMENT or locked.call_id is None:
            raise FundingError("status")
        if not reason.strip():
            raise FundingError("invalid", {"reason": "required"})
        sought = locked.amount_sought_nok or 0
        if amount_nok < 0 or amount_nok > sought:
            raise FundingError("invalid", {"amount_nok": "above_sought"})
        call = FundingCall.objects.select_for_update().get(pk=locked.call_id)
        if amount_nok:
            raised = FundingCall.objects.filter(pk=call.pk, granted_nok__lte=F("frame_nok") - amount_nok).update(
                granted_nok=F("granted_nok") + amount_nok
            )
            if not raised:
                raise FundingError("over_frame")
        target = (
            Status.REJECTED if amount_nok == 0 else Status.GRANTED if amount_nok == sought else Status.PARTLY_GRANTED
        )
        lifecycle.move(locked, target)
        decided_at = timezone.now()
        # A grant counts in the year it was decided, as the offices report them.
        Application.objects.filter(pk=locked.pk).update(year=timezone.localtime(decided_at).year)
        allocation = Allocation.objects.create(
            application=locked, amount_nok=amount_nok, reason=reason.strip(), decided_by=user, decided_at=decided_at
        )
        notices.decision_made(locked, allocation)
    return allocation
