"""Fixtures for the organisation pages: kommuner, an organisation and the people who look at it."""

import pytest

from django.contrib.auth.models import Permission

from innoplatform.accounts.factories import UserFactory
from innoplatform.municipalities.models import Kommune
from innoplatform.organisations.factories import MembershipFactory, OrganisationFactory
from innoplatform.organisations.models import Membership


@pytest.fixture
def kommuner(db):
    """Skien and Porsgrunn from the kommune registry the migrations load."""
    return [Kommune.objects.get(number="4003"), Kommune.objects.get(number="4001")]


@pytest.fixture
def skien(kommuner):
    return kommuner[0]


@pytest.fixture
def organisation(skien):
    return OrganisationFactory(name="Skien kommune", sector="kommune", kommune=skien, orgnr="938583986")


def make_moderator():
    user = UserFactory(first_name="Mona", last_name="Moderator")
    user.user_permissions.add(Permission.objects.get(codename="moderate_organisations"))
    return user


@pytest.fixture
def moderator(db):
    return make_moderator()


@pytest.fixture
def org_admin(organisation):
    return MembershipFactory(
        organisation=organisation, role=Membership.Role.ADMIN, user=UserFactory(first_name="Anne", last_name="Admin")
    ).user


@pytest.fixture
def member(organisation):
    return MembershipFactory(organisation=organisation, user=UserFactory(first_name="Morten", last_name="Medlem")).user


@pytest.fixture
def outsider(db):
    return UserFactory(first_name="Ola", last_name="Utenfor")
