"""The people of the funding tests: applicants of kommune A, a user of kommune B, a partner's member,
assessors of the right and of another office, and an editor; an open call and a draft of kommune A."""

from dataclasses import dataclass

import pytest

from django.contrib.auth.models import Group, Permission

from funding.factories import ApplicationFactory, FundingCallFactory
from funding.models import ApplicationPartner, OfficeDesk
from funding.offices import Office
from innoplatform.accounts.factories import UserFactory
from innoplatform.municipalities.models import Fylke, Kommune
from innoplatform.municipalities.registry import load_registry
from innoplatform.organisations.factories import MembershipFactory, OrganisationFactory


def member_of(organisation, **user_fields):
    user = UserFactory(**user_fields)
    MembershipFactory(organisation=organisation, user=user)
    return user


@dataclass
class FundingWorld:
    kommune_a: Kommune
    kommune_b: Kommune
    applicant: object
    other_kommune_user: object
    partner_member: object
    assessor: object
    other_assessor: object
    editor: object
    partner: object
    office_org: object
    call: object
    application: object


@pytest.fixture
def world(db) -> FundingWorld:
    if not Kommune.objects.exists():  # a transactional test before this one emptied the tables
        load_registry(Fylke, Kommune)
    kommune_a = Kommune.objects.get(number="3401")  # Kongsvinger, Innlandet
    kommune_b = Kommune.objects.get(number="3403")  # Hamar, Innlandet
    org_a = OrganisationFactory(name="Kongsvinger kommune", sector="kommune", kommune=kommune_a)
    org_b = OrganisationFactory(name="Hamar kommune", sector="kommune", kommune=kommune_b)
    partner = OrganisationFactory(name="Høgskolen i Innlandet", sector="fou", kommune=kommune_b)
    office_org = OrganisationFactory(name="Statsforvalteren i Innlandet", sector="stat", kommune=kommune_b)
    other_office_org = OrganisationFactory(name="Statsforvalteren i Vestland", sector="stat")
    OfficeDesk.objects.create(office=Office.INNLANDET, organisation=office_org)
    OfficeDesk.objects.create(office=Office.VESTLAND, organisation=other_office_org)
    editor = UserFactory(email="redaktor@innovasjon.example.no")
    editors, _created = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(Permission.objects.get(codename="manage_funding"))
    editor.groups.add(editors)
    call = FundingCallFactory(office=Office.INNLANDET, title="Innovasjonsmidler 2027", slug="innovasjonsmidler-2027")
    application = ApplicationFactory(call=call, lead_kommune=kommune_a, title="Digitalt nattilsyn")
    ApplicationPartner.objects.create(
        application=application, organisation=partner, name=partner.name, role="Følgeforskning"
    )
    return FundingWorld(
        kommune_a=kommune_a,
        kommune_b=kommune_b,
        applicant=member_of(org_a, email="soker@kongsvinger.example.no"),
        other_kommune_user=member_of(org_b, email="ansatt@hamar.example.no"),
        partner_member=member_of(partner, email="forsker@inn.example.no"),
        assessor=member_of(office_org, email="saksbehandler@statsforvalteren.example.no"),
        other_assessor=member_of(other_office_org, email="saksbehandler@vestland.example.no"),
        editor=editor,
        partner=partner,
        office_org=office_org,
        call=call,
        application=application,
    )
