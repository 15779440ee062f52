"""Who may mark a case as taken into use on behalf of a kommune, and the marking itself."""

from enum import StrEnum

from django.db import IntegrityError, transaction

from innoplatform.accounts.services import has_verified_email

from .models import CasePage, CaseReuse


class Ineligible(StrEnum):
    """Why a user cannot mark reuse; the case page explains each one."""

    ANONYMOUS = "anonymous"
    NO_KOMMUNE = "no_kommune"
    UNVERIFIED = "unverified"


def reuse_ineligibility(user) -> Ineligible | None:
    """None when `user` may speak for a kommune: logged in, a kommune on the profile, a verified e-mail."""
    if not user.is_authenticated:
        return Ineligible.ANONYMOUS
    if not user.kommune_id:
        return Ineligible.NO_KOMMUNE
    if not has_verified_email(user):
        return Ineligible.UNVERIFIED
    return None


def mark_reused(page: CasePage, user) -> CaseReuse:
    """Record that the user's kommune has taken the case into use (idempotent)."""
    if reason := reuse_ineligibility(user):
        raise PermissionError(reason)
    try:
        with transaction.atomic():
            return CaseReuse.objects.create(page=page, kommune_id=user.kommune_id, marked_by=user)
    except IntegrityError:
        return CaseReuse.objects.get(page=page, kommune_id=user.kommune_id)


def unmark_reused(page: CasePage, user) -> None:
    """Withdraw the mark of the user's kommune; any eligible colleague may do so."""
    if reason := reuse_ineligibility(user):
        raise PermissionError(reason)
    CaseReuse.objects.filter(page=page, kommune_id=user.kommune_id).delete()
