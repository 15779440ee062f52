"""Who may do what with funding, checked on the server for every view.

- An applicant acts for the lead or a co-applicant kommune: a confirmed e-mail address and
  approved membership of the kommune's verified organisation (the kommune on a profile is
  information only, as everywhere on the platform).
- A partner's approved members read the applications their organisation is named in.
- An assessor is an approved member of the verified organisation that is a statsforvalter
  office (`OfficeDesk`); they see and assess only applications to their office's calls,
  and never one their own kommune or organisation takes part in.
- Editors (`funding.manage_funding`, and superusers) may do everything.
"""

from dataclasses import dataclass

from innoplatform.accounts.services import has_verified_email
from innoplatform.organisations.models import Membership
from innoplatform.organisations.public import kommuner_acted_for, member_organisations

from .models import Application, OfficeDesk


def is_editor(user) -> bool:
    return user.is_authenticated and user.is_active and user.has_perm("funding.manage_funding")


def assessor_offices(user) -> set[str]:
    """The office codes whose verified organisation the user is an approved member of (one query)."""
    if not user.is_authenticated:
        return set()
    return set(
        OfficeDesk.objects.filter(
            organisation__verified=True,
            organisation__memberships__user=user,
            organisation__memberships__status=Membership.Status.APPROVED,
        ).values_list("office", flat=True)
    )


def applicant_kommune_ids(user) -> set[int]:
    """The kommuner the user may apply for (two queries); none without a confirmed e-mail address."""
    if not has_verified_email(user):
        return set()
    return {kommune.pk for kommune in kommuner_acted_for(user)}


@dataclass(frozen=True)
class Roles:
    """What one user is, read once per request: enough to answer every question about any application."""

    kommune_ids: frozenset[int]
    organisation_ids: frozenset[int]
    offices: frozenset[str]
    editor: bool

    @classmethod
    def of(cls, user) -> "Roles":
        if not user.is_authenticated:
            return cls(frozenset(), frozenset(), frozenset(), False)
        return cls(
            frozenset(applicant_kommune_ids(user)),
            frozenset(member_organisations(user).values_list("pk", flat=True)),
            frozenset(assessor_offices(user)),
            is_editor(user),
        )

    def is_applicant(self, application: Application) -> bool:
        return bool(self.kommune_ids & involved_kommune_ids(application))

    def is_partner(self, application: Application) -> bool:
        return bool(self.organisation_ids & partner_organisation_ids(application))

    def is_assessor(self, application: Application) -> bool:
        return application.office in self.offices

    def has_conflict(self, application: Application) -> bool:
        """A kommune or organisation the user acts for takes part in the application."""
        return self.is_applicant(application) or self.is_partner(application)

    def can_view(self, application: Application) -> bool:
        return (
            self.editor
            or self.is_applicant(application)
            or (self.is_partner(application) and application.status != Application.Status.DRAFT)
            or (self.is_assessor(application) and application.status != Application.Status.DRAFT)
        )

    def can_assess(self, application: Application) -> bool:
        return (self.editor or self.is_assessor(application)) and not self.has_conflict(application)

    def can_manage_office(self, office: str) -> bool:
        return self.editor or office in self.offices


def involved_kommune_ids(application: Application) -> set[int]:
    return {application.lead_kommune_id, *(kommune.pk for kommune in application.co_kommuner.all())}


def partner_organisation_ids(application: Application) -> set[int]:
    return {partner.organisation_id for partner in application.partners.all() if partner.organisation_id}
