"""What other apps may ask about organisations: whom a user acts for, and whether they act for a kommune.

Acting for a kommune means being an approved member of a verified organisation of
sector kommune seated in it; the kommune on the user's profile is information only,
and an organisation anyone may register is not trusted until a moderator has checked it.
"""

from django.db.models import QuerySet

from innoplatform.core.vocabularies import Sector
from innoplatform.municipalities.models import Kommune

from .membership import can_manage, is_admin, is_member, is_moderator
from .models import Membership, Organisation

__all__ = [
    "acts_for_kommune",
    "can_manage",
    "is_admin",
    "is_member",
    "is_moderator",
    "kommuner_acted_for",
    "member_organisations",
]


def member_organisations(user) -> QuerySet[Organisation]:
    """The organisations the user is an approved member of."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(
        memberships__user=user, memberships__status=Membership.Status.APPROVED
    ).select_related("kommune")


def kommuner_acted_for(user) -> list[Kommune]:
    """The kommuner the user may act for: the seats of their verified kommune-sector organisations (one query)."""
    if not user.is_authenticated:
        return []
    return list(
        Kommune.objects.filter(
            organisations__sector=Sector.KOMMUNE,
            organisations__verified=True,
            organisations__memberships__user=user,
            organisations__memberships__status=Membership.Status.APPROVED,
        )
        .distinct()
        .order_by("name")
    )


def acts_for_kommune(user, kommune: Kommune) -> bool:
    return (
        user.is_authenticated
        and Membership.objects.filter(
            user=user,
            status=Membership.Status.APPROVED,
            organisation__sector=Sector.KOMMUNE,
            organisation__verified=True,
            organisation__kommune=kommune,
        ).exists()
    )
