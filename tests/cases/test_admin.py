"""Editors create and edit cases in the Wagtail admin, with codes as checkboxes and validation."""

import pytest

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cases.factories import CasePageFactory
from cases.models import CasePage, Dimension
from innoplatform.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


def case_form(kommune, **changes) -> dict:
    data = {
        "title": "Nattkamera",
        "slug": "nattkamera",
        "introduction": "Kort sammendrag.",
        "body": streamfield([("paragraph", rich_text("<p>Tekst.</p>"))]),
        "kommuner": [kommune.pk],
        "phase": "pilotering",
        "status": "pilotering",
        "start_year": 2023,
        "sectors": ["kommune", "fou"],
        "service_areas": ["helse-og-omsorg"],
        "challenges": ["aldring"],
        "tags": "velferdsteknologi",
        "partners": inline_formset([{"name": "Forskningsmiljø", "sector": "fou"}]),
        "result_figures": inline_formset([]),
        "funding": inline_formset([{"source": "Skjønnsmidler", "programme": "", "amount_nok": 100000}]),
        "results_text": "",
        "contact_name": "",
        "contact_role": "",
        "contact_email": "",
    }
    data.update(changes)
    lists = {key: data.pop(key) for key in ("kommuner", "sectors", "service_areas", "challenges")}
    return {**nested_form_data(data), **lists, "action-publish": "action-publish"}


def test_editor_creates_a_case(editor_client, case_index, kommuner):
    url = reverse("wagtailadmin_pages:add", args=["cases", "casepage", case_index.pk])
    assert editor_client.get(url).status_code == 200
    response = editor_client.post(url, case_form(kommuner[0]))
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    case = CasePage.objects.get(slug="nattkamera")
    draft = case.get_latest_revision_as_object()
    assert draft.sectors == ["kommune", "fou"] and draft.challenges == ["aldring"]
    assert case.live and [k.pk for k in draft.kommuner.all()] == [kommuner[0].pk]
    assert draft.partners.all()[0].name == "Forskningsmiljø"


def test_codes_and_kommune_are_required(editor_client, case_index, kommuner):
    url = reverse("wagtailadmin_pages:add", args=["cases", "casepage", case_index.pk])
    response = editor_client.post(url, case_form(kommuner[0], kommuner=[], sectors=[], start_year=1800))
    form = response.context["form"]
    assert "kommuner" in form.errors and "sectors" in form.errors and "start_year" in form.errors
    assert not CasePage.objects.exists()


def test_edit_form_shows_current_codes(editor_client, case_index, kommuner):
    case = CasePageFactory(
        parent=case_index, codes={Dimension.SECTOR: ["frivillig"], Dimension.SERVICE_AREA: ["kultur"]}
    )
    response = editor_client.get(reverse("wagtailadmin_pages:edit", args=[case.pk]))
    assert response.context["form"].initial["sectors"] == ["frivillig"]
    assert response.context["form"].initial["service_areas"] == ["kultur"]


def test_preview_of_a_new_and_an_existing_case(editor_client, case_index, kommuner):
    add = reverse("wagtailadmin_pages:preview_on_add", args=["cases", "casepage", case_index.pk])
    assert editor_client.post(add, case_form(kommuner[0])).json()["is_valid"]
    html = editor_client.get(add).content.decode()
    assert "Nattkamera" in html and "Kommunene som var med" in html and "Vi har tatt dette i bruk" not in html

    case = CasePageFactory(parent=case_index, kommuner=[kommuner[1]])
    edit = reverse("wagtailadmin_pages:preview_on_edit", args=[case.pk])
    assert editor_client.post(edit, case_form(kommuner[0], slug=case.slug, title="Endret tittel")).json()["is_valid"]
    assert "Endret tittel" in editor_client.get(edit).content.decode()
