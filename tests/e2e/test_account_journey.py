"""Sign up, confirm the e-mail, log in, edit the profile, export the data and delete the account."""

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from django.core import mail

from innoplatform.accounts.models import User

pytestmark = pytest.mark.e2e

EMAIL = "kari.nordmann@eksempel.no"
PASSWORD = "Blåbærsyltetøy-på-vaffel-2025"
WRONG_LOGIN = "E-postadressen eller passordet er feil."


def log_in(page, site, email, password):
    page.goto(site + "/konto/login/")
    page.get_by_label("E-postadresse").fill(email)
    page.get_by_label("Passord", exact=True).fill(password)
    page.get_by_role("main").get_by_role("button", name="Logg inn").click()


def test_account_life_cycle(page, site, axe, shoot):
    # Sign up.
    page.goto(site + "/")
    page.get_by_role("navigation", name="Konto").get_by_role("link", name="Opprett konto").click()
    expect(page).to_have_url(site + "/konto/signup/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Opprett konto")
    axe(page)
    page.get_by_label("E-postadresse").fill(EMAIL)
    page.get_by_label("Passord", exact=True).fill(PASSWORD)
    page.get_by_label("Gjenta passordet").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Opprett konto").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Sjekk e-posten din")
    expect(page.get_by_role("main")).to_contain_text("Vi har sendt deg en e-post")
    axe(page)

    # The confirmation mail: the live server runs in this process, so it lands in the locmem outbox.
    assert len(mail.outbox) == 1, [message.subject for message in mail.outbox]
    message = mail.outbox[0]
    assert message.to == [EMAIL]
    assert message.subject.startswith("[Innovasjonsplattformen] ")
    links = re.findall(r"https?://\S+/konto/confirm-email/\S+/", message.body)
    assert len(links) == 1, message.body
    confirm_path = urlsplit(links[0]).path

    # Logging in before confirming is refused.
    log_in(page, site, EMAIL, PASSWORD)
    expect(page).to_have_url(site + "/konto/confirm-email/")
    expect(page.get_by_role("navigation", name="Konto").get_by_role("button", name="Logg ut")).to_have_count(0)

    # Confirm the address: the link shows a page with a button that POSTs, and confirming logs the user in.
    page.goto(site + confirm_path)
    expect(page.get_by_role("heading", level=1)).to_have_text("Bekreft e-postadressen")
    expect(page.get_by_role("main")).to_contain_text(EMAIL)
    axe(page)
    page.get_by_role("main").get_by_role("button", name="Bekreft").click()
    expect(page).to_have_url(site + "/konto/profil/")
    expect(page.get_by_role("status").first).to_contain_text(f"Takk! E-postadressen {EMAIL} er bekreftet.")
    assert User.objects.get(email=EMAIL).emailaddress_set.get().verified
    expect(page.get_by_role("heading", level=1)).to_have_text("Min profil")
    about = page.get_by_role("region", name="Om deg")
    expect(about.locator("dt", has_text="E-post").locator("+ dd")).to_have_text(EMAIL)
    expect(about.locator("dt", has_text="Navn").locator("+ dd")).to_have_text("Ikke oppgitt")
    expect(about.locator("dt", has_text="Kommune").locator("+ dd")).to_have_text("Ikke oppgitt")
    account_nav = page.get_by_role("navigation", name="Konto")
    expect(account_nav.get_by_role("button", name="Logg ut")).to_be_visible()
    expect(account_nav.get_by_role("link", name="Logg inn")).to_have_count(0)
    axe(page)

    # Edit name, job title and kommune.
    about.get_by_role("link", name="Endre profilen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Endre profil")
    axe(page)
    page.get_by_label("Fornavn").fill("Kari")
    page.get_by_label("Etternavn").fill("Nordmann")
    page.get_by_label("Stilling").fill("Rådgiver innovasjon, Skien kommune")
    page.get_by_label("Kommunen du jobber i").fill("Skien")
    page.get_by_role("button", name="Lagre").click()
    expect(page).to_have_url(site + "/konto/profil/")
    expect(page.get_by_role("status")).to_contain_text("Profilen er oppdatert.")
    expect(about.locator("dt", has_text="Navn").locator("+ dd")).to_have_text("Kari Nordmann")
    expect(about.locator("dt", has_text="Stilling").locator("+ dd")).to_have_text("Rådgiver innovasjon, Skien kommune")
    kommune_link = about.locator("dt", has_text="Kommune").locator("+ dd").get_by_role("link", name="Skien")
    expect(kommune_link).to_have_attribute("href", "/kommuner/4003-skien/")
    axe(page)
    shoot("/konto/profil/", "profile", storage_state=page.context.storage_state())
    shoot("/konto/profil/rediger/", "profile-edit", storage_state=page.context.storage_state())

    # Download the personal data export.
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Last ned mine data").click()
    download = download_info.value
    assert re.fullmatch(r"innovasjonsplattformen-mine-data-\d{4}-\d{2}-\d{2}\.json", download.suggested_filename)
    data = json.loads(Path(download.path()).read_text(encoding="utf-8"))
    assert data["konto"]["e-post"] == EMAIL
    assert data["konto"]["fornavn"] == "Kari"
    assert data["konto"]["stilling"] == "Rådgiver innovasjon, Skien kommune"
    assert data["konto"]["kommune"] == "Skien (4003)"
    assert data["e-postadresser"] == [{"e-post": EMAIL, "bekreftet": True, "primær": True}]

    # Log out and back in.
    page.get_by_role("navigation", name="Konto").get_by_role("button", name="Logg ut").click()
    expect(page.get_by_role("navigation", name="Konto").get_by_role("link", name="Logg inn")).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("Du er logget ut.")
    log_in(page, site, EMAIL, PASSWORD)
    expect(page).to_have_url(site + "/konto/profil/")

    # Delete the account: a wrong password and a missing confirmation are refused first.
    page.get_by_role("link", name="Slett kontoen min").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Slett kontoen din")
    shoot("/konto/profil/slett/", "delete", storage_state=page.context.storage_state())
    axe(page)
    page.get_by_label("Passord").fill("feil-passord-123")
    page.get_by_role("button", name="Slett kontoen for godt").click()
    errors = page.get_by_role("alert")
    expect(errors).to_contain_text("Passordet er feil.")
    expect(page.get_by_label("Passord")).to_have_attribute("aria-invalid", "true")
    axe(page)
    assert User.objects.filter(email=EMAIL).exists()

    page.get_by_label("Passord").fill(PASSWORD)
    page.get_by_label("Jeg forstår at kontoen").check()
    page.get_by_role("button", name="Slett kontoen for godt").click()
    expect(page).to_have_url(site + "/")
    expect(page.get_by_role("status")).to_contain_text("Kontoen din er slettet.")
    expect(page.get_by_role("navigation", name="Konto").get_by_role("link", name="Logg inn")).to_be_visible()
    assert not User.objects.filter(email=EMAIL).exists()

    # The old credentials no longer work.
    log_in(page, site, EMAIL, PASSWORD)
    expect(page).to_have_url(site + "/konto/login/")
    expect(page.get_by_role("alert")).to_contain_text(WRONG_LOGIN)
    axe(page)

    shoot("/konto/login/", "login")
    shoot("/konto/signup/", "signup")
