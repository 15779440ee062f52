"""The kommune profile and the compare view in a real browser, with axe-core on both."""

import pytest
from playwright.sync_api import expect

from innoplatform.municipalities.demo import load_demo_population

pytestmark = pytest.mark.e2e

TELEMARK = ["4001", "4003", "4005", "4010", "4012", "4014", "4016", "4018"]


@pytest.fixture
def demo_population(site):
    load_demo_population(kommuner=TELEMARK)
    return site


def test_profile_charts_tables_and_downloads(page, demo_population, axe, shoot):
    page.goto(demo_population + "/kommuner/4003-skien/")
    expect(page.get_by_text("Demodata: genererte tall, ikke offisiell statistikk fra SSB.")).to_be_visible()
    expect(page.get_by_role("img", name="Aldersgrupper over tid")).to_be_visible()
    expect(page.get_by_role("img", name="Befolkningspyramide 2025 og 2040")).to_be_visible()
    page.get_by_text("Vis tallene i tabell").first.click()
    expect(page.get_by_role("table", name="Personer etter aldersgruppe og år, Skien")).to_be_visible()
    axe(page)

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Last ned tallene som CSV (Aldersgrupper over tid)").click()
    assert download_info.value.suggested_filename == "4003-skien-aldersgrupper.csv"

    page.get_by_label("Framskrivingsalternativ").select_option("HHMH")
    page.get_by_role("button", name="Vis alternativ").click()
    expect(page).to_have_url(demo_population + "/kommuner/4003-skien/?alternativ=HHMH")
    shoot("/kommuner/4003-skien/", "kommune-profile")


def test_compare_view(page, demo_population, axe, shoot):
    page.goto(demo_population + "/kommuner/sammenlign/")
    page.get_by_label("Kommune 1").fill("4003")
    page.get_by_label("Kommune 2").fill("Porsgrunn")
    page.get_by_role("button", name="Sammenlign").click()
    table = page.get_by_role("table")
    expect(table.get_by_role("columnheader", name="Skien")).to_be_visible()
    expect(table.get_by_role("columnheader", name="Porsgrunn")).to_be_visible()
    axe(page)
    shoot("/kommuner/sammenlign/?k=4003&k=4001&k=4005", "kommune-compare")
