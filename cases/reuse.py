"""Who may mark a case as taken into use on behalf of a kommune, and the marking itself.

A user marks for a kommune only when they act for it: an approved member of an
organisation of sector kommune seated there, with a confirmed e-mail address.
The kommune on the profile is information only and gives no right to mark.
"""

from enum import StrEnum

from django.db import IntegrityError, transaction

from innoplatform.accounts.services import has_verified_email
from innoplatform.municipalities.models import Kommune
from innoplatform.organisations.public import acts_for_kommune, kommuner_acted_for

from .models import CasePage, CaseReuse


class Ineligible(StrEnum):
    """Why a user cannot mark reuse; the case page explains each one."""

    ANONYMOUS = "anonymous"
    UNVERIFIED = "unverified"
    NO_MEMBERSHIP = "no_membership"


def reuse_ineligibility(user, kommuner: list[Kommune] | None = None) -> Ineligible | None:
    """None when `user` may speak for at least one kommune; `kommuner` are those acted for, when already read."""
    if not user.is_authenticated:
        return Ineligible.ANONYMOUS
    if not has_verified_email(user):
        return Ineligible.UNVERIFIED
    if not (kommuner if kommuner is not None else kommuner_acted_for(user)):
        return Ineligible.NO_MEMBERSHIP
    return None


def reuse_kommuner(user) -> list[Kommune]:
    """The kommuner the user may mark reuse for: none without a confirmed e-mail address."""
    if not user.is_authenticated or not has_verified_email(user):
        return []
    return kommuner_acted_for(user)


def _check(user, kommune: Kommune) -> None:
    if not has_verified_email(user):
        raise PermissionError(Ineligible.UNVERIFIED)
    if not acts_for_kommune(user, kommune):
        raise PermissionError(Ineligible.NO_MEMBERSHIP)


def mark_reused(page: CasePage, user, kommune: Kommune) -> CaseReuse:
    """Record that `kommune`, which the user acts for, has taken the case into use (idempotent)."""
    _check(user, kommune)
    try:
        with transaction.atomic():
            return CaseReuse.objects.create(page=page, kommune=kommune, marked_by=user)
    except IntegrityError:
        return CaseReuse.objects.get(page=page, kommune=kommune)


def unmark_reused(page: CasePage, user, kommune: Kommune) -> None:
    """Withdraw the mark of `kommune`; anyone who acts for the kommune may, not only who set it."""
    _check(user, kommune)
    CaseReuse.objects.filter(page=page, kommune=kommune).delete()
