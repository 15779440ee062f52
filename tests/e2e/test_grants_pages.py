"""The public grant list and one grant page in a real browser: filters, the chart with its table, axe."""

import pytest
from playwright.sync_api import expect

from funding.models import Report
from funding.offices import Office
from tests.funding.test_insight import make_grant

pytestmark = pytest.mark.e2e


@pytest.fixture
def grants(site):
    sensor = make_grant(
        "Sensorer i hjemmetjenesten",
        "3401",
        year=2023,
        amount=400_000,
        co=("3403",),
        service_areas=("helse-og-omsorg",),
        challenges=("aldring",),
        partners=("Høgskolen i Innlandet",),
        status="reported",
    )
    Report.objects.create(
        application=sensor,
        kind=Report.Kind.INTERIM,
        status=Report.Status.APPROVED,
        activities="Vi installerte sensorer hos 40 brukere.",
        results="Færre unødvendige nattbesøk.",
        key_figures="40 % færre nattbesøk",
        lessons="Start med de ansatte.",
    )
    make_grant("Velferdsteknologi i Bergen", "4601", office=Office.VESTLAND, year=2024, amount=1_000_000)
    make_grant(
        "Felles innbyggerdialog i Østfold",
        "3101",
        office=Office.OSTFOLD_BUSKERUD_OSLO_AKERSHUS,
        year=2025,
        amount=750_000,
    )
    return sensor


def test_grant_list_filters_and_has_the_chart_with_its_table(page, site, grants, axe, shoot):
    page.goto(site + "/tilskudd/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Tildelte innovasjonsmidler")
    expect(page.get_by_role("heading", name="3 prosjekter")).to_be_visible()
    expect(page.get_by_role("img", name="Tildelt per statsforvalter")).to_be_visible()
    table = page.get_by_role("table", name="Tildelt i kroner per statsforvalter og år")
    expect(table.get_by_role("row")).to_have_count(5)  # header, three offices, the total
    axe(page)

    page.get_by_label("Statsforvalteren i Vestland").check()
    page.get_by_role("button", name="Bruk filtrene").click()
    expect(page.get_by_role("heading", name="1 prosjekt", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="Velferdsteknologi i Bergen")).to_be_visible()
    expect(page.get_by_role("link", name="Sensorer i hjemmetjenesten")).to_have_count(0)
    axe(page)
    shoot("/tilskudd/", "grants", check_axe=True)


def test_grant_page_shows_the_project_and_its_approved_report(page, site, grants, axe, shoot):
    page.goto(site + grants.get_public_url())
    expect(page.get_by_role("heading", level=1)).to_have_text("Sensorer i hjemmetjenesten")
    expect(page.get_by_role("link", name="Hamar", exact=True)).to_be_visible()
    expect(page.get_by_text("Vi installerte sensorer hos 40 brukere.")).to_be_visible()
    axe(page)
    shoot(grants.get_public_url(), "grant")
