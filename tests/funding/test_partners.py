"""Partners of an application come from the registry, and a statsforvalter office is never one of them:
its assessors would all be disqualified."""

import pytest

from django.urls import reverse

from funding import applications
from funding.applications import PartnerRow
from funding.forms import PartnerForm
from funding.lifecycle import FundingError
from funding.models import Application, OfficeDesk
from innoplatform.organisations.models import Organisation
from tests.funding.test_application_pages import form_data

OFFICE_AS_PARTNER = "Et statsforvalterembete kan ikke være partner i en søknad."


def partners_of(world) -> list:
    return [p.organisation for p in Application.objects.get(pk=world.application.pk).partners.all()]


def test_the_offices_are_not_offered_as_partners(client, world):
    client.force_login(world.applicant)
    page = client.get(reverse("funding:application_edit", args=[world.application.pk])).content.decode()
    assert f'<option value="{world.partner.pk}"' in page
    for desk in OfficeDesk.objects.select_related("organisation"):
        assert f'<option value="{desk.organisation.pk}"' not in page


def test_a_posted_office_is_refused_on_the_partner_field(client, world):
    client.force_login(world.applicant)
    url = reverse("funding:application_edit", args=[world.application.pk])
    data = form_data(world, title="Med statsforvalteren som partner")
    data["partnere-0-organisation"] = str(world.office_org.pk)
    response = client.post(url, data)
    assert response.status_code == 200
    assert response.context["partners"].forms[0].errors["organisation"]
    assert 'id="id_partnere-0-organisation_error"' in response.content.decode()
    assert Application.objects.get(pk=world.application.pk).title == "Digitalt nattilsyn"
    assert partners_of(world) == [world.partner]


def test_the_service_refuses_an_office_as_partner(world):
    data = applications.stored_data(world.application)
    data.partners = [PartnerRow(world.partner, "Følgeforskning"), PartnerRow(world.office_org, "Veiledning")]
    with pytest.raises(FundingError) as refused:
        applications.save_application(world.applicant, world.application, data)
    assert refused.value.fields == {"partners": OFFICE_AS_PARTNER}
    assert partners_of(world) == [world.partner]


def test_the_page_names_the_partners_when_the_service_refuses(client, world, monkeypatch):
    """A form that still offered the office (an organisation made an office meanwhile) is caught by the service."""
    monkeypatch.setattr(PartnerForm.base_fields["organisation"], "queryset", Organisation.objects.filter(verified=True))
    client.force_login(world.applicant)
    data = form_data(world, title="Med statsforvalteren som partner")
    data["partnere-1-organisation"] = str(world.office_org.pk)
    response = client.post(reverse("funding:application_edit", args=[world.application.pk]), data)
    assert response.context["partners"].non_form_errors() == [OFFICE_AS_PARTNER]
    assert OFFICE_AS_PARTNER in response.content.decode()
    assert Application.objects.get(pk=world.application.pk).title == "Digitalt nattilsyn"
    assert partners_of(world) == [world.partner]
