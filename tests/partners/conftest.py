"""Organisations of every sector, each with a member, for the partner tests."""

import pytest

from innoplatform.accounts.factories import UserFactory
from innoplatform.municipalities.models import Kommune
from innoplatform.organisations.factories import OrganisationFactory
from innoplatform.organisations.models import Membership


def organisation_with_member(name: str, sector: str, kommune_number: str | None, **fields):
    organisation = OrganisationFactory(
        name=name,
        sector=sector,
        kommune=Kommune.objects.get(number=kommune_number) if kommune_number else None,
        **fields,
    )
    member = UserFactory()
    Membership.objects.create(organisation=organisation, user=member, role="admin", status="approved")
    return organisation, member


@pytest.fixture
def skien(db):
    return organisation_with_member("Skien kommune", "kommune", "4003")[0]


@pytest.fixture
def usn(db):
    return organisation_with_member("Universitetet i Sørøst-Norge", "fou", "4003")[0]
