"""The organisation list with its search and sector filter, and what one organisation's page shows.

Both read a fixed number of queries whatever the number of organisations or members.
"""

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import QueryDict

from innoplatform.accounts.services import has_verified_email
from innoplatform.core.vocabularies import Sector

from .membership import is_moderator
from .models import Membership, Organisation

PAGE_SIZE = 20
MAX_QUERY_LENGTH = 100


@dataclass(frozen=True)
class DirectoryFilters:
    """The list's search as read from the address: a name (or organisation number) and a sector."""

    query: str = ""
    sector: str = ""

    @classmethod
    def from_querydict(cls, params) -> "DirectoryFilters":
        query = " ".join(params.get("q", "").replace("\x00", " ").split())[:MAX_QUERY_LENGTH]
        sector = params.get("sektor", "")
        return cls(query=query, sector=sector if sector in Sector.values else "")

    @property
    def is_active(self) -> bool:
        return bool(self.query or self.sector)

    def querystring(self) -> str:
        params = QueryDict(mutable=True)
        if self.query:
            params["q"] = self.query
        if self.sector:
            params["sektor"] = self.sector
        return params.urlencode()


def search_organisations(filters: DirectoryFilters) -> QuerySet[Organisation]:
    organisations = Organisation.objects.select_related("kommune").order_by("name", "pk")
    if filters.query:
        digits = filters.query.replace(" ", "")
        if digits.isdigit():
            organisations = organisations.filter(orgnr__startswith=digits)
        else:
            organisations = organisations.filter(name__icontains=filters.query)
    if filters.sector:
        organisations = organisations.filter(sector=filters.sector)
    return organisations


def directory_page(filters: DirectoryFilters, page_number) -> Page:
    return Paginator(search_organisations(filters), PAGE_SIZE).get_page(page_number)


@dataclass(frozen=True)
class Viewer:
    """What the person looking at an organisation's page is to it, and so what the page offers them."""

    membership: Membership | None
    verified_email: bool
    moderator: bool
    admin: bool

    @property
    def can_manage(self) -> bool:
        return self.admin or self.moderator


def viewer_of(user, organisation: Organisation) -> Viewer:
    if not user.is_authenticated:
        return Viewer(membership=None, verified_email=False, moderator=False, admin=False)
    membership = Membership.objects.filter(user=user, organisation=organisation).first()
    return Viewer(
        membership=membership,
        verified_email=has_verified_email(user),
        moderator=is_moderator(user),
        admin=membership is not None and membership.is_approved and membership.role == Membership.Role.ADMIN,
    )


def approved_members(organisation: Organisation) -> list[Membership]:
    """The approved members with their users, admins first, then by name."""
    return list(
        Membership.objects.filter(organisation=organisation, status=Membership.Status.APPROVED)
        .select_related("user")
        .order_by("role", "user__first_name", "user__last_name", "pk")
    )


def pending_count(organisation: Organisation) -> int:
    return Membership.objects.filter(organisation=organisation, status=Membership.Status.PENDING).count()


def admin_addresses(organisation: Organisation) -> list[str]:
    """Where to tell the organisation's admins that someone asks to join."""
    return list(
        Membership.objects.filter(
            organisation=organisation, status=Membership.Status.APPROVED, role=Membership.Role.ADMIN
        ).values_list("user__email", flat=True)
    )


def pending_requests(organisation: Organisation) -> list[Membership]:
    return list(
        Membership.objects.filter(organisation=organisation, status=Membership.Status.PENDING)
        .select_related("user")
        .order_by("requested_at", "pk")
    )
