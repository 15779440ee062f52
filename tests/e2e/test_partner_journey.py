"""Partners in a real browser: join an organisation, post a need, see a matching offer with its reasons,
send interest, and the other side replies; axe on every page on the way; hostile HTML never runs."""

import re

import pytest
from playwright.sync_api import expect

from innoplatform.accounts.factories import DEFAULT_PASSWORD, UserFactory
from innoplatform.municipalities.models import Kommune
from innoplatform.organisations.models import Membership, Organisation, OrganisationDomain
from partners.factories import publish_post

pytestmark = pytest.mark.e2e

OFFER_TITLE = "Følgeforskning på velferdsteknologi i hjemmetjenesten"
NEED_TITLE = "Forskningspartner til pilot med digitalt nattilsyn"
HOSTILE = (
    '<p onclick="alert(1)">Vi har <strong>besøksvenner</strong>.</p><script>alert(2)</script>'
    '<img src=x onerror="alert(3)"><a href="javascript:alert(4)">les mer</a>'
)


@pytest.fixture
def partners(site):
    skien = Organisation.objects.create(
        name="Skien kommune",
        slug="skien-kommune",
        orgnr="938583986",
        sector="kommune",
        kommune=Kommune.objects.get(number="4003"),
        verified=True,
    )
    OrganisationDomain.objects.create(organisation=skien, domain="skien.kommune.no")
    usn = Organisation.objects.create(
        name="Universitetet i Sørøst-Norge",
        slug="universitetet-i-sorost-norge",
        orgnr="974802314",
        sector="fou",
        kommune=Kommune.objects.get(number="4003"),
        verified=True,
    )
    researcher = UserFactory(first_name="Ingrid", last_name="Forsker", email="ingrid@usn.example.no")
    Membership.objects.create(organisation=usn, user=researcher, role="admin", status="approved")
    publish_post(
        usn,
        "offer",
        OFFER_TITLE,
        "Vi forsker på velferdsteknologi og digitalt tilsyn i eldreomsorgen, og følger kommuners "
        "utprøving med gevinstmåling og brukerintervjuer.",
        service_areas=["helse-og-omsorg"],
        challenges=["aldring"],
        seeking=["kommune"],
        fylker=["40"],
    )
    adviser = UserFactory(first_name="Kari", last_name="Rådgiver", email="kari@skien.kommune.no")
    return {"skien": skien, "usn": usn, "researcher": researcher, "adviser": adviser}


def log_in(page, site, user):
    page.goto(site + "/konto/login/")
    page.get_by_label("E-post").fill(user.email)
    page.get_by_label("Passord", exact=True).fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Logg inn").click()
    expect(page.get_by_role("navigation", name="Konto").get_by_role("button", name="Logg ut")).to_be_visible()


def log_out(page):
    page.get_by_role("navigation", name="Konto").get_by_role("button", name="Logg ut").click()


def test_join_post_match_interest_reply(page, site, partners, axe):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))

    # Join: the adviser's confirmed address is on Skien's domain, so the request is approved at once.
    log_in(page, site, partners["adviser"])
    page.goto(site + "/organisasjoner/")
    axe(page)
    page.get_by_role("link", name="Skien kommune").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Skien kommune")
    page.get_by_role("button", name="Be om å bli medlem").click()
    expect(page.get_by_text(re.compile("Du er med i organisasjonen"))).to_be_visible()
    axe(page)

    # Post a need.
    page.goto(site + "/partnere/nytt/")
    axe(page)
    page.get_by_label(re.compile("^Behov")).check()
    page.get_by_label("Tittel").fill(NEED_TITLE)
    page.get_by_label("Beskrivelse").fill(
        "Hjemmetjenesten i Skien vil prøve ut sensorer og digitalt nattilsyn hos eldre som bor hjemme. "
        "Vi trenger en forskningspartner som kan måle effekter og gevinster."
    )
    page.get_by_role("group", name="Tjenesteområder").get_by_label("Helse og omsorg").check()
    page.get_by_role("group", name=re.compile("^Utfordringer")).get_by_label(re.compile("^Aldring")).check()
    page.get_by_role("group", name=re.compile("^Sektorer dere søker")).get_by_label("Forskning og utdanning").check()
    page.get_by_role("button", name="Publiser", exact=True).last.click()

    # The post, with the matching offer and why it matches.
    expect(page.get_by_role("heading", level=1)).to_have_text(NEED_TITLE)
    matches = page.locator(".partner-matches")
    expect(matches.get_by_role("link", name=OFFER_TITLE)).to_be_visible()
    expect(matches.get_by_text(re.compile("Begge gjelder helse og omsorg", re.I)).first).to_be_visible()
    axe(page)
    need_url = page.url
    log_out(page)

    # The researcher sends interest from the need.
    log_in(page, site, partners["researcher"])
    page.goto(need_url)
    page.get_by_role("link", name="Meld interesse").click()
    axe(page)
    page.get_by_label("Hva vi kan bidra med").fill("Vi har fulgt tre kommuner med nattilsyn og kan måle gevinster.")
    page.get_by_label("Hva vi ønsker oss").fill("Et første møte i januar.")
    page.get_by_role("button", name="Send interessen").click()
    expect(page.get_by_text("Vi har fulgt tre kommuner med nattilsyn")).to_be_visible()
    log_out(page)

    # The adviser sees it in the dashboard and replies in the thread.
    log_in(page, site, partners["adviser"])
    page.goto(site + "/partnere/interesse/")
    axe(page)
    page.get_by_role("link", name=re.compile(NEED_TITLE)).first.click()
    expect(page.get_by_text("Vi har fulgt tre kommuner med nattilsyn")).to_be_visible()
    axe(page)
    page.get_by_role("textbox", name="Svar").fill("Takk! Passer tirsdag 12. januar?")
    page.get_by_role("button", name="Send svaret").click()
    expect(page.get_by_text("Takk! Passer tirsdag 12. januar?")).to_be_visible()
    # Nobody's address is shown to the other side unless they chose to share it.
    expect(page.get_by_text("ingrid@usn.example.no")).to_have_count(0)
    page.goto(site + "/partnere/mine/")
    expect(page.get_by_role("link", name=NEED_TITLE)).to_be_visible()
    axe(page)
    assert dialogs == []


def test_hostile_html_in_posts_organisations_and_threads_never_runs(page, site, partners, axe, shoot):
    from partners.interest import InterestData, send_interest

    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    usn = partners["usn"]
    usn.description = HOSTILE
    usn.save()
    post = publish_post(usn, "offer", "Besøksvenner for eldre", HOSTILE, service_areas=["helse-og-omsorg"])
    Membership.objects.create(organisation=partners["skien"], user=partners["adviser"], status="approved")
    need = publish_post(partners["skien"], "need", "Frivillige sjåfører", "Vi trenger sjåfører.")
    interest = send_interest(
        partners["researcher"],
        need,
        usn,
        InterestData(offer=HOSTILE, wish=HOSTILE, contact='<b onclick="alert(5)">x</b>'),
    )
    log_in(page, site, partners["adviser"])
    page.goto(site + f"/partnere/interesse/{interest.pk}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Universitetet i Sørøst-Norge")
    axe(page)
    page.goto(site + usn.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_have_text("Universitetet i Sørøst-Norge")
    page.goto(site + post.get_absolute_url())
    expect(page.locator(".partner-post__body strong")).to_have_text("besøksvenner")
    page.locator(".partner-post__body p").first.click()
    page.goto(site + "/partnere/")
    expect(page.get_by_role("link", name="Besøksvenner for eldre")).to_be_visible()
    axe(page)
    assert dialogs == []
    assert page.locator("script:text('alert')").count() == 0
    shoot("/partnere/", "partners-list")
    shoot(post.get_absolute_url(), "partners-post")
