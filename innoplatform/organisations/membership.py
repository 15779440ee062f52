"""Joining an organisation, approving members and their roles, and who may do what for an organisation.

A user asks to join; an admin of the organisation or a moderator approves or
turns the request down. A user whose verified e-mail address is in one of the
organisation's registered domains is approved at once. The last admin cannot
leave or lose the role, so an organisation always has someone who can approve.
"""

from allauth.account.models import EmailAddress

from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import Membership, Organisation


class MembershipError(Exception):
    """An action on a membership that is not allowed; `reason` is a code the views explain in words."""

    def __init__(self, reason: str):
        self.reason = reason
        super().__init__(reason)


def is_moderator(user) -> bool:
    return user.is_authenticated and user.is_active and user.has_perm("organisations.moderate_organisations")


def verified_domains(user) -> set[str]:
    """The domains of the user's verified e-mail addresses, in lower case."""
    if not user.is_authenticated:
        return set()
    addresses = EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True)
    return {address.rsplit("@", 1)[-1].lower() for address in addresses if "@" in address}


def membership_of(user, organisation: Organisation) -> Membership | None:
    if not user.is_authenticated:
        return None
    return Membership.objects.filter(user=user, organisation=organisation).first()


def is_member(user, organisation: Organisation) -> bool:
    """Whether the user is an approved member (any role) of the organisation."""
    return (
        user.is_authenticated
        and Membership.objects.filter(user=user, organisation=organisation, status=Membership.Status.APPROVED).exists()
    )


def is_admin(user, organisation: Organisation) -> bool:
    return (
        user.is_authenticated
        and Membership.objects.filter(
            user=user, organisation=organisation, status=Membership.Status.APPROVED, role=Membership.Role.ADMIN
        ).exists()
    )


def can_manage(user, organisation: Organisation) -> bool:
    """Admins of the organisation and moderators approve members, change roles and edit the organisation."""
    return is_admin(user, organisation) or is_moderator(user)


def request_membership(user, organisation: Organisation) -> Membership:
    """Ask to join (idempotent); approved at once when a confirmed address is in one of the domains of a
    verified organisation (an unverified one's domains are only its own claim)."""
    if not user.is_authenticated:
        raise MembershipError("anonymous")
    domains = verified_domains(user)
    if not domains:
        raise MembershipError("unverified")
    automatic = organisation.verified and organisation.domains.filter(domain__in=domains).exists()
    try:
        with transaction.atomic():
            membership = Membership.objects.create(
                user=user,
                organisation=organisation,
                status=Membership.Status.APPROVED if automatic else Membership.Status.PENDING,
                decided_at=timezone.now() if automatic else None,
            )
    except IntegrityError:
        membership = Membership.objects.get(user=user, organisation=organisation)
        if membership.status == Membership.Status.REJECTED:
            Membership.objects.filter(pk=membership.pk).update(
                status=Membership.Status.APPROVED if automatic else Membership.Status.PENDING,
                decided_at=timezone.now() if automatic else None,
                decided_by=None,
            )
            membership.refresh_from_db()
    return membership


def create_organisation_as_admin(user, **fields) -> Organisation:
    """Register a new organisation; the user who registers it is its first admin. It starts unverified."""
    with transaction.atomic():
        organisation = Organisation.objects.create(**fields, verified=False)
        Membership.objects.create(
            user=user,
            organisation=organisation,
            role=Membership.Role.ADMIN,
            status=Membership.Status.APPROVED,
            decided_at=timezone.now(),
        )
    return organisation


def decide(actor, membership: Membership, *, approve: bool) -> Membership:
    """Approve or turn down a request to join; only the organisation's admins and moderators may."""
    if not can_manage(actor, membership.organisation):
        raise MembershipError("not_allowed")
    if membership.user_id == actor.pk and not is_moderator(actor):
        raise MembershipError("own_membership")
    membership.status = Membership.Status.APPROVED if approve else Membership.Status.REJECTED
    membership.decided_at, membership.decided_by = timezone.now(), actor
    membership.save(update_fields=["status", "decided_at", "decided_by"])
    return membership


def _admins_left(organisation: Organisation, without: Membership) -> int:
    return (
        Membership.objects.filter(
            organisation=organisation, status=Membership.Status.APPROVED, role=Membership.Role.ADMIN
        )
        .exclude(pk=without.pk)
        .count()
    )


def set_role(actor, membership: Membership, role: str) -> Membership:
    """Make an approved member an admin or a member; the last admin keeps the role."""
    if not can_manage(actor, membership.organisation):
        raise MembershipError("not_allowed")
    if role not in Membership.Role.values or not membership.is_approved:
        raise MembershipError("invalid")
    if (
        role == Membership.Role.MEMBER
        and membership.role == Membership.Role.ADMIN
        and not _admins_left(membership.organisation, membership)
    ):
        raise MembershipError("last_admin")
    membership.role = role
    membership.save(update_fields=["role"])
    return membership


def end_membership(actor, membership: Membership) -> None:
    """A member leaves, or an admin or moderator removes them; the last admin cannot go."""
    if actor.pk != membership.user_id and not can_manage(actor, membership.organisation):
        raise MembershipError("not_allowed")
    if (
        membership.is_approved
        and membership.role == Membership.Role.ADMIN
        and not _admins_left(membership.organisation, membership)
    ):
        raise MembershipError("last_admin")
    membership.delete()


def verify_organisation(actor, organisation: Organisation, *, verified: bool = True) -> None:
    """A moderator marks an organisation as checked (or unchecked)."""
    if not is_moderator(actor):
        raise MembershipError("not_allowed")
    organisation.verified = verified
    organisation.verified_at = timezone.now() if verified else None
    organisation.save(update_fields=["verified", "verified_at", "updated_at"])
