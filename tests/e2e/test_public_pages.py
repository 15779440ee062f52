"""Home page, kommune list, kommune page and the 404 page in a real browser."""

import re

import pytest
from playwright.sync_api import expect

from innoplatform.municipalities.models import Kommune

pytestmark = pytest.mark.e2e


def test_home_page_renders_with_navigation_and_kommuner_card(page, site, axe, shoot):
    response = page.goto(site + "/")
    assert response.status == 200
    expect(page).to_have_title("Innovasjonsplattformen")
    expect(page.get_by_role("heading", level=1)).to_have_text("Innovasjonsplattformen")

    main_nav = page.get_by_role("navigation", name="Hovedmeny")
    expect(main_nav.get_by_role("link", name="Kommuner")).to_have_attribute("href", "/kommuner/")
    expect(main_nav.get_by_role("link", name="Om plattformen")).to_be_visible()
    account_nav = page.get_by_role("navigation", name="Konto")
    expect(account_nav.get_by_role("link", name="Logg inn")).to_be_visible()
    expect(account_nav.get_by_role("link", name="Opprett konto")).to_be_visible()

    sections = page.get_by_role("region", name="Dette finner du her")
    card = sections.get_by_role("article").filter(has=page.get_by_role("heading", name="Kommuner"))
    expect(card).to_have_count(1)
    expect(card.get_by_role("link", name="Kommuner")).to_have_attribute("href", "/kommuner/")
    expect(card).to_contain_text("Finn din kommune")

    expect(page.get_by_role("heading", name="Hvorfor en felles plattform?")).to_be_visible()
    footer = page.get_by_role("contentinfo")
    expect(footer.get_by_role("link", name="Personvernerklæring")).to_be_visible()
    expect(footer.get_by_role("link", name="Tilgjengelighetserklæring")).to_be_visible()

    # The skip link is the first thing a keyboard user reaches, and it leads to <main>.
    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Hopp til hovedinnholdet")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_visible()

    axe(page)
    shoot("/", "home")


def test_kommune_list_filters_as_you_type_and_opens_kommune(page, site, axe, shoot):
    page.goto(site + "/kommuner/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Kommuner")
    count = page.locator("#kommune-count")
    expect(count).to_have_text("357 kommuner")
    kommune_links = page.locator("#kommune-groups").get_by_role("link")
    expect(kommune_links).to_have_count(357)
    axe(page)

    query = page.get_by_label("Finn kommune")
    expect(query).to_have_id("kommune-query")
    query.press_sequentially("ski", delay=30)

    expected = Kommune.objects.filter(name__icontains="ski").count()
    assert expected == 2  # Skiptvet and Skien
    expect(count).to_have_text(f"{expected} kommuner")
    expect(page.get_by_role("link", name="Skien", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="Skiptvet", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="Bergen", exact=True)).to_be_hidden()
    # Only the matching kommuner, and only their fylker's headings, are left visible.
    expect(page.locator("#kommune-groups li:visible")).to_have_count(expected)
    expect(page.get_by_role("heading", name="Telemark")).to_be_visible()
    expect(page.get_by_role("heading", name="Vestland")).to_be_hidden()
    axe(page)

    # A query without matches says so; clearing it brings the whole list back.
    query.fill("xyzzy")
    expect(count).to_have_text("0 kommuner")
    expect(page.get_by_text("Ingen kommuner passer med søket.")).to_be_visible()
    query.fill("")
    expect(count).to_have_text("357 kommuner")
    query.fill("ski")
    expect(count).to_have_text("2 kommuner")

    page.get_by_role("link", name="Skien", exact=True).click()
    expect(page).to_have_url(re.compile(r"/kommuner/4003-skien/$"))
    expect(page).to_have_title("Skien – Innovasjonsplattformen")
    expect(page.get_by_role("heading", level=1)).to_have_text("Skien")
    facts = page.locator("dl")
    expect(facts.locator("dt", has_text="Fylke").locator("+ dd")).to_have_text("Telemark")
    expect(facts.locator("dt", has_text="Kommunenummer").locator("+ dd")).to_have_text("4003")
    breadcrumbs = page.get_by_role("navigation", name="Brødsmulesti")
    expect(breadcrumbs.get_by_role("link", name="Skien")).to_have_attribute("aria-current", "page")
    neighbours = page.get_by_role("region", name="Andre kommuner i Telemark")
    expect(neighbours.get_by_role("link", name="Porsgrunn")).to_be_visible()
    axe(page)

    shoot("/kommuner/", "kommuner", check_axe=False)  # 357 links: axe takes seconds, and ran above
    shoot("/kommuner/4003-skien/", "kommune-skien")


def test_kommune_search_works_without_javascript(browser, site):
    """The filter form submits to the server when scripts are off (progressive enhancement)."""
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site + "/kommuner/")
        page.get_by_label("Finn kommune").fill("ski")
        page.get_by_role("button", name="Søk", exact=True).click()
        expect(page).to_have_url(re.compile(r"/kommuner/\?q=ski$"))
        expect(page.locator("#kommune-count")).to_have_text("2 kommuner")
        expect(page.get_by_role("link", name="Skien", exact=True)).to_be_visible()
        expect(page.get_by_role("link", name="Bergen", exact=True)).to_have_count(0)
    finally:
        context.close()


def test_unknown_address_shows_styled_404_page(page, site, axe, shoot):
    response = page.goto(site + "/finnes-ikke/")
    assert response.status == 404
    expect(page).to_have_title("Fant ikke siden – Innovasjonsplattformen")
    expect(page.get_by_role("banner").get_by_role("link", name="Innovasjonsplattformen")).to_be_visible()
    expect(page.get_by_role("navigation", name="Hovedmeny").get_by_role("link", name="Kommuner")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vi fant ikke siden")
    expect(page.get_by_role("main").get_by_role("link", name="Gå til forsiden")).to_have_attribute("href", "/")
    # The site's own stylesheet was applied (72rem wide container), not a bare error page.
    assert page.evaluate("getComputedStyle(document.querySelector('.site-container')).maxWidth") == "1152px"
    axe(page)
    shoot("/finnes-ikke/", "404")


def test_axe_check_runs_under_the_sites_csp_and_reports_violations(page, site, axe_runner):
    """The axe helper is no rubber stamp: the CSP does not stop it, and it reports a real problem."""
    response = page.goto(site + "/")
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp
    assert page.evaluate("typeof window.axe") == "undefined"
    clean = axe_runner.run(page)
    assert clean.response["testEngine"]["name"] == "axe-core"
    assert clean.violations_count == 0, clean.generate_report()

    # Break the page on purpose: an input without a label and an image without alt text.
    page.evaluate(
        """() => {
            const main = document.querySelector("main");
            main.insertAdjacentHTML("beforeend", '<input type="text"><img src="/static/missing.png">');
        }"""
    )
    broken = axe_runner.run(page)
    found = {violation["id"] for violation in broken.response["violations"]}
    assert {"label", "image-alt"} <= found, broken.generate_report()


def test_language_choice_in_the_header_switches_to_nynorsk_and_back(page, site, axe):
    page.goto(site + "/kommuner/")
    header = page.locator("header")
    header.get_by_role("button", name="Nynorsk").click()
    expect(page.locator("html")).to_have_attribute("lang", "nn")
    expect(page).to_have_url(site + "/kommuner/")
    expect(page.locator("header").get_by_role("button", name="Nynorsk")).to_have_attribute("aria-current", "true")
    axe(page)
    page.locator("header").get_by_role("button", name="Bokmål").click()
    expect(page.locator("html")).to_have_attribute("lang", "nb")


def test_api_documentation_page_is_accessible(page, site, axe):
    page.goto(site + "/api/")
    expect(page.get_by_role("heading", level=1)).to_have_text("API for utviklere")
    expect(page.get_by_role("heading", name="GET /api/cases/", exact=True)).to_be_visible()
    axe(page)


@pytest.mark.parametrize(
    ("player", "blocked"),
    [("https://www.youtube-nocookie.com/embed/abc123", False), ("https://www.youtube.com/embed/abc123", True)],
)
def test_video_embeds_are_allowed_by_the_content_security_policy(page, site, player, blocked):
    """A page with a YouTube embed frames the no-cookie player without a CSP violation; the tracking
    player would be refused (the control that shows the check can fail)."""
    from wagtail.embeds.embeds import get_embed_hash
    from wagtail.embeds.models import Embed

    from innoplatform.core.models import HomePage, StandardPage

    url = "https://www.youtube.com/watch?v=abc123"
    Embed.objects.create(
        url=url,
        hash=get_embed_hash(url),
        type="video",
        html=f'<iframe src="{player}" title="Video"></iframe>',
        provider_name="YouTube",
    )
    home = HomePage.objects.get()
    home.add_child(instance=StandardPage(title="Film", slug="film", body=[{"type": "embed", "value": url}]))
    violations = []
    page.on(
        "console",
        lambda message: violations.append(message.text) if "Content Security Policy" in message.text else None,
    )
    page.goto(site + "/film/")
    page.wait_for_load_state("load")
    frame = page.locator("iframe")
    expect(frame).to_have_attribute("src", player)
    assert bool(violations) is blocked, violations
