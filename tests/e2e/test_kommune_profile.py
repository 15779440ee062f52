"""The kommune profile and the compare view in a real browser, with axe-core on both.

Runs on the demo (SSB's 2024 population, generated history and projections) and
on a database where some kommuner have observed figures only, as after importing
SSB's 07459 for the whole country and a projection for Telemark alone.
"""

import csv

import pytest
from playwright.sync_api import expect

from innoplatform.municipalities.demo import load_demo_population

pytestmark = pytest.mark.e2e

TELEMARK = ["4001", "4003", "4005", "4010", "4012", "4014", "4016", "4018"]


@pytest.fixture
def demo_population(site):
    load_demo_population(kommuner=TELEMARK)
    return site


@pytest.fixture
def observed_only(demo_population):
    """Bergen with SSB's 2024 figures and no projection, beside the Telemark demo."""
    from innoplatform.municipalities.demo.base import read_base
    from innoplatform.municipalities.demography.summaries import refresh_demographic_summaries
    from innoplatform.municipalities.models import PopulationDataset, PopulationFigure

    observed = PopulationDataset.objects.get(table="07459")
    bergen = read_base()["4601"]
    PopulationFigure.objects.bulk_create(
        PopulationFigure(
            dataset=observed,
            region_code="4601",
            year=2024,
            sex=sex,
            age_from=age,
            age_to=age if age < 105 else None,
            value=count,
        )
        for sex, counts in bergen.items()
        for age, count in enumerate(counts)
    )
    refresh_demographic_summaries()
    return demo_population


def test_profile_charts_tables_and_downloads(page, demo_population, axe, shoot):
    page.goto(demo_population + "/kommuner/4003-skien/")
    expect(page.get_by_text("Demodata: genererte tall, ikke offisiell statistikk fra SSB.")).to_be_visible()
    expect(page.get_by_text("Folketallet for 2024 er SSBs offisielle tall.", exact=False)).to_be_visible()
    expect(page.locator(".profile-figure__value").first).to_have_text("56 619")
    expect(page.get_by_role("img", name="Aldersgrupper over tid")).to_be_visible()
    expect(page.get_by_role("img", name="Befolkningspyramide 2024 og 2040")).to_be_visible()
    page.get_by_text("Vis tallene i tabell").first.click()
    expect(page.get_by_role("table", name="Personer etter aldersgruppe og år, Skien")).to_be_visible()
    expect(page.get_by_role("table", name="Hjemmetjenester")).to_be_visible()
    axe(page)

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Last ned tallene som CSV (Aldersgrupper over tid)").click()
    download = download_info.value
    assert download.suggested_filename == "4003-skien-aldersgrupper.csv"
    with open(download.path(), encoding="utf-8-sig", newline="") as handle:
        source = next(csv.reader(handle, delimiter=";"))[0]
    assert source.startswith("Kilde: Statistisk sentralbyrå (SSB), tabell 07459: registrert befolkning 2024;")
    assert "generert demodata: befolkning 2015–2023" in source

    compare = page.get_by_role("link", name="Sammenlign med de mest like kommunene")
    assert compare.get_attribute("href").count("k=") == 6

    page.get_by_label("Framskrivingsalternativ").select_option("LLML")
    page.get_by_role("button", name="Vis alternativ").click()
    expect(page).to_have_url(demo_population + "/kommuner/4003-skien/?alternativ=LLML")
    shoot("/kommuner/4003-skien/", "kommune-profile")


def test_observed_only_profile(page, observed_only, axe, shoot):
    page.goto(observed_only + "/kommuner/4601-bergen/")
    expect(
        page.get_by_text("Det er ikke lastet inn noen befolkningsframskriving for Bergen.", exact=False)
    ).to_be_visible()
    expect(page.get_by_text("Bare 2024 er lastet inn", exact=False)).to_be_visible()
    expect(page.get_by_role("img", name="Befolkningspyramide 2024")).to_be_visible()
    expect(page.get_by_role("img", name="Aldersgrupper over tid")).to_have_count(0)
    expect(page.get_by_text("Kommuner med lignende utvikling")).to_have_count(0)
    page.get_by_text("Slik lastes tallene inn (for driftsansvarlige)").click()
    expect(page.get_by_text("manage.py fetch_ssb --table 14288 --import", exact=False)).to_be_visible()
    axe(page)
    shoot("/kommuner/4601-bergen/", "kommune-profile-observed-only")


def test_compare_view(page, observed_only, axe, shoot):
    page.goto(observed_only + "/kommuner/sammenlign/")
    page.get_by_label("Kommune 1").fill("4003")
    page.get_by_label("Kommune 2").fill("Bergen")
    page.get_by_role("button", name="Sammenlign").click()
    table = page.get_by_role("table")
    expect(table.get_by_role("columnheader", name="Skien")).to_be_visible()
    expect(table.get_by_role("columnheader", name="Bergen")).to_be_visible()
    expect(page.get_by_text("Ingen befolkningsframskriving er lastet inn for Bergen", exact=False)).to_be_visible()
    axe(page)
    shoot("/kommuner/sammenlign/?k=4003&k=4001&k=4005&k=4601", "kommune-compare")
