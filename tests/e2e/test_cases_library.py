"""The case library in a real browser: axe on the index and a case page, the reuse journey, hostile suggestions."""

import re

import pytest
from playwright.sync_api import expect

from innoplatform.accounts.factories import DEFAULT_PASSWORD, UserFactory
from innoplatform.municipalities.models import Kommune

pytestmark = pytest.mark.e2e

CASE_TITLE = "Digitalt tilsyn om natta ga roligere netter i hjemmetjenesten"
HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(1)><p>Vi prøvde <strong>nattkamera</strong>.</p>"


@pytest.fixture
def library(site):
    from cases.demo import load_demo_cases

    load_demo_cases()
    return site


def log_in(page, site, user):
    page.goto(site + "/konto/login/")
    page.get_by_label("E-post").fill(user.email)
    page.get_by_label("Passord", exact=True).fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Logg inn").click()
    expect(page.get_by_role("navigation", name="Konto").get_by_role("button", name="Logg ut")).to_be_visible()


def test_index_and_case_page_pass_axe(page, library, axe, shoot):
    page.goto(library + "/eksempler/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Eksempler")
    axe(page)
    page.goto(library + "/eksempler/?tjenesteomrade=helse-og-omsorg&fase=ny-praksis&sorter=tittel")
    expect(page.get_by_role("link", name=re.compile("Fjern filteret Fase: Ny praksis"))).to_be_visible()
    axe(page)
    page.goto(library + "/eksempler/digitalt-tilsyn-om-natta-hjemmetjenesten/")
    expect(page.get_by_role("heading", level=1)).to_have_text(CASE_TITLE)
    axe(page)
    shoot("/eksempler/?tjenesteomrade=helse-og-omsorg", "cases-index")
    shoot("/eksempler/digitalt-tilsyn-om-natta-hjemmetjenesten/", "cases-case")


def test_search_filter_open_mark_reuse_and_see_it_on_the_kommune_page(page, library, axe):
    from innoplatform.organisations.factories import MembershipFactory, OrganisationFactory

    bodo = Kommune.objects.get(number="1804")
    user = UserFactory(kommune=bodo)
    # Acting for Bodø takes approved membership in its kommune organisation, not the profile's kommune.
    MembershipFactory(organisation=OrganisationFactory(name="Bodø kommune", sector="kommune", kommune=bodo), user=user)

    # Search and filter without JavaScript-only controls: the form submits and the URL carries the state.
    page.goto(library + "/eksempler/")
    page.get_by_role("searchbox", name="Søk i eksempler").fill("nattbesøk")
    page.get_by_role("button", name="Søk", exact=True).click()
    expect(page).to_have_url(re.compile(r"q=nattbes"))
    page.get_by_role("group", name="Tjenesteområde").get_by_label(re.compile("^Helse og omsorg")).check()
    page.get_by_role("button", name="Bruk filtrene").click()
    expect(page).to_have_url(re.compile(r"tjenesteomrade=helse-og-omsorg"))
    expect(page.get_by_role("heading", name=re.compile(r"^\d+ eksempel"))).to_be_visible()
    page.get_by_role("link", name=CASE_TITLE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(CASE_TITLE)

    # Not logged in: the page explains how to become eligible.
    reuse = page.get_by_role("region", name="Kommuner som har tatt dette i bruk")
    expect(reuse).to_contain_text("Logg inn for å markere det")
    case_url = page.url

    log_in(page, library, user)
    page.goto(case_url)
    page.get_by_role("button", name="Vi har tatt dette i bruk i Bodø").click()
    expect(page.get_by_text("Bodø er nå markert")).to_be_visible()
    reuse = page.get_by_role("region", name="Kommuner som har tatt dette i bruk")
    expect(reuse.get_by_role("link", name="Bodø")).to_be_visible()
    axe(page)

    reuse.get_by_role("link", name="Bodø").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Bodø"))
    adopted = page.get_by_role("heading", name="Eksempler Bodø har tatt i bruk")
    expect(adopted).to_be_visible()
    expect(page.get_by_role("link", name=CASE_TITLE)).to_be_visible()


def test_hostile_suggestion_cannot_run_script(page, library, axe):
    from cases.models import CasePage

    user = UserFactory(kommune=Kommune.objects.get(number="3407"))
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    log_in(page, library, user)
    page.goto(library + "/casebibliotek/foresla/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Foreslå et eksempel")
    axe(page)
    page.get_by_label("Tittel").fill('Nattkamera <script>alert("tittel")</script>')
    page.get_by_label("Sammendrag").fill("<img src=x onerror=alert(2)> Færre nattbesøk.")
    page.get_by_label("Beskrivelse").fill(HOSTILE)
    kommuner = page.get_by_role("group", name="Kommuner som var med")
    expect(kommuner.get_by_label("Kommune 1")).to_have_value("3407 Gjøvik")
    kommuner.get_by_label("Kommune 2").fill("østre toten")
    partner = page.get_by_role("group", name="Partner 1")
    partner.get_by_label("Navn på partneren").fill('<b onmouseover="alert(3)">Høgskolen</b>')
    partner.get_by_label("Sektor").select_option("fou")
    page.get_by_role("group", name="Tjenesteområder").get_by_label("Helse og omsorg").check()
    page.get_by_role("group", name="Sektorer som deltok").get_by_label("Kommune", exact=True).check()
    page.get_by_label("Fase i innovasjonsprosessen").select_option("pilotering")
    page.get_by_label("Startår").fill("2024")
    page.get_by_role("button", name="Send forslaget til redaksjonen").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Takk for forslaget")
    axe(page)
    preview = page.get_by_role("region", name="Slik lagret vi teksten")
    expect(preview.get_by_text("nattkamera", exact=True)).to_be_visible()
    assert preview.locator("script, img, [onerror]").count() == 0
    expect(preview).to_contain_text('Nattkamera <script>alert("tittel")</script>')  # shown as text, not markup
    page.wait_for_load_state("load")  # every inline script and error handler has had its chance by now
    assert dialogs == []

    draft = CasePage.objects.get(submitted_by=user).get_latest_revision_as_object()
    html = str(draft.body)
    assert "<script" not in html and "onerror" not in html and "<img" not in html
    case = CasePage.objects.get(submitted_by=user)
    assert not case.live
    assert [k.name for k in case.kommuner.all()] == ["Gjøvik", "Østre Toten"]
    assert draft.partners.get().name == '<b onmouseover="alert(3)">Høgskolen</b>'  # stored as text, shown escaped


def test_suggestion_form_grows_without_javascript(page, library, axe):
    log_in(page, library, UserFactory())
    page.goto(library + "/casebibliotek/foresla/")
    kommuner = page.get_by_role("group", name="Kommuner som var med")
    for number, name in enumerate(("Bodø", "Gjøvik", "Skien"), start=1):
        kommuner.get_by_label(f"Kommune {number}").fill(name)
    kommuner.get_by_role("button", name="Legg til én kommune til").click()
    kommuner = page.get_by_role("group", name="Kommuner som var med")
    expect(kommuner.get_by_label("Kommune 4")).to_have_value("")
    expect(kommuner.get_by_label("Kommune 3")).to_have_value("Skien")
    expect(page.get_by_role("alert")).to_have_count(0)
    page.get_by_role("button", name="Legg til én partner til").click()
    expect(page.get_by_role("group", name="Partner 3")).to_be_visible()
    axe(page)
    kommuner.get_by_label("Kommune 4").fill("Skein")
    kommuner.get_by_label("Kommune 4").press("Enter")  # Enter sends the form, not the first "Legg til" button
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Mente du 4003 Skien?")
    axe(page)


def test_suggestion_form_reports_errors_accessibly(page, library, axe):
    log_in(page, library, UserFactory())
    page.goto(library + "/casebibliotek/foresla/")
    page.get_by_role("button", name="Send forslaget til redaksjonen").click()
    summary = page.get_by_role("alert")
    expect(summary.get_by_role("heading", name="Skjemaet inneholder feil")).to_be_visible()
    summary.get_by_role("link", name=re.compile("^Tittel")).click()
    expect(page.get_by_label("Tittel")).to_be_focused()
    expect(page.get_by_label("Tittel")).to_have_attribute("aria-invalid", "true")
    axe(page)
