"""The user's organisations on the profile, and their memberships in the personal data export."""

import json

import pytest

from django.urls import reverse

from innoplatform.accounts.extensions import contributed_personal_data
from innoplatform.organisations.factories import MembershipFactory, OrganisationFactory
from innoplatform.organisations.models import Membership

pytestmark = pytest.mark.django_db


def test_the_profile_lists_memberships_and_requests_but_not_turned_down_ones(client, organisation, member):
    MembershipFactory(
        user=member, organisation=OrganisationFactory(name="Ventende forening"), status=Membership.Status.PENDING
    )
    MembershipFactory(
        user=member, organisation=OrganisationFactory(name="Avslått AS"), status=Membership.Status.REJECTED
    )
    client.force_login(member)
    html = client.get(reverse("accounts:profile")).content.decode()
    assert "Organisasjonene dine" in html and organisation.get_absolute_url() in html
    assert "Ventende forening" in html and "venter på godkjenning" in html and "Avslått AS" not in html


def test_a_user_without_organisations_is_told_where_to_find_one(client, outsider):
    client.force_login(outsider)
    html = client.get(reverse("accounts:profile")).content.decode()
    assert "Du er ikke medlem av noen organisasjon ennå" in html and reverse("organisations:list") in html


def test_memberships_are_in_the_personal_data_export(organisation, org_admin):
    data = json.loads(json.dumps(contributed_personal_data(org_admin)))
    assert data["organisasjoner"] == [
        {
            "organisasjon": "Skien kommune",
            "organisasjonsnummer": "938583986",
            "rolle": "admin",
            "status": "approved",
            "bedt_om": Membership.objects.get(user=org_admin).requested_at.isoformat(),
            "avgjort": None,
        }
    ]
