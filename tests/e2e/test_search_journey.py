"""Search in a real browser: type-ahead in the header, results with tabs and facets, «Mente du», the empty
state, and the plain form without JavaScript; axe on each page."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


@pytest.fixture
def indexed(site):
    from cases.demo import load_demo_cases
    from search.indexing import rebuild

    load_demo_cases()
    rebuild()
    return site


def header_search(page):
    return page.get_by_role("search", name="Søk på plattformen")


def test_type_ahead_results_tabs_facets_and_did_you_mean(page, indexed, axe, shoot):
    page.goto(indexed + "/")
    # With its list of suggestions, the search field is a combobox.
    field = header_search(page).get_by_role("combobox", name="Søk på plattformen")
    field.press_sequentially("velferdstek", delay=30)
    suggestions = page.locator("#site-search-suggestions option")
    expect(suggestions.first).to_be_attached()
    assert any(
        "elferdsteknologi" in value or "hjemme" in value.lower()
        for value in suggestions.evaluate_all("o => o.map(x => x.value)")
    )

    field.fill("sykehjemmene")
    field.press("Enter")
    expect(page).to_have_url(re.compile(r"/sok/\?q=sykehjemmene"))
    expect(page.get_by_role("heading", level=2, name=re.compile(r"\d+ treff for «sykehjemmene»"))).to_be_visible()
    expect(page.locator(".search-hit__snippet mark").first).to_be_visible()
    axe(page)

    page.get_by_role("navigation", name="Treff etter type").get_by_role("link", name=re.compile("^Eksempler")).click()
    expect(page).to_have_url(re.compile(r"type=case"))
    page.get_by_role("group", name="Tjenesteområde").get_by_label(re.compile("^Helse og omsorg")).check()
    page.get_by_role("button", name="Bruk filtrene").click()
    expect(page.get_by_role("link", name=re.compile("Fjern filteret Tjenesteområde: Helse og omsorg"))).to_be_visible()
    axe(page)

    page.goto(indexed + "/sok/?q=sykehejm")
    page.get_by_role("link", name="sykehjemmet").click()
    expect(page).to_have_url(re.compile(r"q=sykehjemmet"))
    expect(page.get_by_role("heading", level=2, name=re.compile(r"treff for «sykehjemmet»"))).to_be_visible()

    page.goto(indexed + "/sok/?q=romfartsprogram")
    expect(page.get_by_text("Vi fant ingenting for «romfartsprogram».")).to_be_visible()
    axe(page)
    shoot("/sok/?q=eldre", "search-results")
    shoot("/sok/?q=eldre&type=case", "search-cases")


def test_the_header_field_is_a_plain_form_without_javascript(browser, indexed):
    context = browser.new_context(java_script_enabled=False, locale="nb-NO")
    try:
        page = context.new_page()
        page.goto(indexed + "/kommuner/")
        header_search(page).get_by_role("combobox").fill("teknologi")
        header_search(page).get_by_role("button", name="Søk på hele plattformen").click()
        expect(page).to_have_url(re.compile(r"/sok/\?q=teknologi"))
        expect(page.locator(".search-hit").first).to_be_visible()
    finally:
        context.close()
