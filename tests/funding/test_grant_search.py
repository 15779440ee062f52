"""Public grants in the search: what a grant's document holds, that only public grants are in it, and keeping it in step."""

import pytest

from funding import lifecycle
from funding.factories import ApplicationFactory, grant
from funding.models import Application
from funding.offices import Office
from funding.search_sync import grant_changed
from search.models import SearchDocument
from tests.funding.test_insight import NON_PUBLIC, hidden_applications, kommune, make_grant

Status = Application.Status


def document(application: Application) -> SearchDocument | None:
    return SearchDocument.objects.filter(doc_type="grant", object_id=application.pk).first()


@pytest.fixture
def sensor(world):
    return make_grant(
        "Sensorer i hjemmetjenesten",
        "3401",
        office=Office.INNLANDET,
        year=2023,
        co=("3403",),
        service_areas=("helse-og-omsorg",),
        challenges=("aldring",),
        partners=("Høgskolen i Innlandet",),
        summary="Nattilsyn med sensorer i stedet for besøk.",
        problem="Flere eldre og færre nattevakter.",
        contact_phone="99 88 77 66",
    )


def test_a_public_grant_is_indexed_with_its_facets_and_without_contact_details(sensor):
    row = document(sensor)
    assert row.title == "Sensorer i hjemmetjenesten" and row.url == sensor.get_public_url()
    assert row.summary == "Nattilsyn med sensorer i stedet for besøk."
    assert "Flere eldre og færre nattevakter." in row.body
    assert "Kongsvinger" in row.body and "Hamar" in row.body and "Høgskolen i Innlandet" in row.body
    assert "Helse og omsorg" in row.body and "Statsforvalteren i Innlandet" in row.body
    assert row.facets == {
        "kontor": ["innlandet"],
        "ar": ["2023"],
        "tjenesteomrade": ["helse-og-omsorg"],
        "utfordring": ["aldring"],
    }
    for secret in ("Kari Nordmann", "kari@kommune.example.no", "99 88 77 66", "Godt prosjekt"):
        assert secret not in f"{row.title} {row.summary} {row.body}"


def test_applications_that_are_not_public_are_never_indexed(world):
    hidden = hidden_applications(world)
    assert [application for application in hidden if document(application)] == []
    assert document(world.application) is None


def test_grant_changed_indexes_an_application_that_became_public_through_an_update(world):
    application = ApplicationFactory(call=world.call, lead_kommune=world.kommune_a, status=Status.UNDER_ASSESSMENT)
    grant(application, 300_000, status=Status.UNDER_ASSESSMENT)  # the allocation is saved before the status moves
    assert document(application) is None
    Application.objects.filter(pk=application.pk).update(status=Status.PARTLY_GRANTED)
    assert document(application) is None  # QuerySet.update() sends no signal
    grant_changed(application)
    assert document(application).title == application.title


@pytest.mark.parametrize("status", NON_PUBLIC)
def test_grant_changed_takes_out_an_application_that_is_no_longer_public(sensor, status):
    Application.objects.filter(pk=sensor.pk).update(status=status)
    assert document(sensor) is not None
    grant_changed(sensor)
    assert document(sensor) is None


def test_a_status_change_between_public_statuses_keeps_the_document(sensor):
    lifecycle.move(sensor, Status.REPORTING_DUE)
    grant_changed(sensor)
    assert document(sensor) is not None


def test_a_renamed_kommune_reaches_the_grants_it_takes_part_in(sensor):
    hamar = kommune("3403")
    hamar.name = "Hamar by"
    hamar.save()
    assert "Hamar by" in document(sensor).body


def test_new_codes_and_partners_reach_the_document(sensor):
    sensor.codes.create(dimension="challenge", code="arbeidskraft")
    sensor.partners.create(name="Frivilligsentralen")
    row = document(sensor)
    assert row.facets["utfordring"] == ["aldring", "arbeidskraft"] and "Frivilligsentralen" in row.body


def test_the_search_finds_grants_and_filters_them_by_office(client, sensor):
    make_grant("Sensorer på Askøy", "4627", office=Office.VESTLAND, year=2025)
    body = client.get("/api/search/?q=sensorer&type=grant").json()
    assert {hit["title"] for hit in body["results"]} == {"Sensorer i hjemmetjenesten", "Sensorer på Askøy"}
    assert {option["value"] for option in body["facets"]["kontor"]} == {"innlandet", "vestland"}
    labels = {option["value"]: option["label"] for option in body["facets"]["kontor"]}
    assert labels["vestland"] == "Statsforvalteren i Vestland"
    filtered = client.get("/api/search/?q=sensorer&type=grant&kontor=vestland").json()
    assert [hit["title"] for hit in filtered["results"]] == ["Sensorer på Askøy"]
    askoy = Application.objects.get(title="Sensorer på Askøy")
    assert filtered["results"][0]["url"].endswith(f"/tilskudd/{askoy.pk}/")


def test_the_search_page_has_a_tab_for_grants(client, sensor):
    html = client.get("/sok/?q=sensorer").content.decode()
    assert "Tildelinger" in html and "Sensorer i hjemmetjenesten" in html
