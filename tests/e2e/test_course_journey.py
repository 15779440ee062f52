"""A participant's whole way through a course in Chromium: from sign-up to a certificate and a case suggestion."""

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from django.core import mail

from cases.library import ensure_case_index
from courses.library import ensure_course_index
from tests.courses.conftest import small_course

pytestmark = pytest.mark.e2e

EMAIL = "ola.hansen@skien.kommune.example"
PASSWORD = "Kanelbolle-med-kardemomme-7"


@pytest.fixture
def course(site):
    ensure_case_index()
    return small_course(ensure_course_index())


def sign_up_and_confirm(page, site):
    page.goto(site + "/konto/signup/")
    page.get_by_label("E-postadresse").fill(EMAIL)
    page.get_by_label("Passord", exact=True).fill(PASSWORD)
    page.get_by_label("Gjenta passordet").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Opprett konto").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sjekk e-posten din")
    link = re.search(r"https?://\S+/konto/confirm-email/\S+/", mail.outbox[-1].body).group(0)
    page.goto(site + urlsplit(link).path)
    page.get_by_role("main").get_by_role("button", name="Bekreft").click()
    expect(page).to_have_url(site + "/konto/profil/")


def answer_quiz(page, right: bool):
    quiz = page.get_by_role("region", name="Test deg selv")
    first = quiz.get_by_role("group", name=re.compile("Hvem må være med fra starten"))
    first.get_by_label("Ledelsen" if right else "Bare IT").check()
    second = quiz.get_by_role("group", name=re.compile("Hva hører til forankring"))
    second.get_by_label("Et tydelig mandat").check()
    if right:
        second.get_by_label("Ressurser satt av").check()
    quiz.get_by_role("button", name=re.compile("Sjekk svarene|Prøv igjen")).click()


def test_from_sign_up_to_certificate_and_case_suggestion(page, site, course, axe, browser):
    sign_up_and_confirm(page, site)

    # Enrol from the course page.
    page.goto(site + course.url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Innovasjon i kommunen")
    page.get_by_role("button", name="Meld meg på").click()
    expect(page.get_by_role("status").first).to_contain_text("Du er påmeldt «Innovasjon i kommunen».")
    axe(page)
    page.get_by_role("link", name="Begynn på kurset").click()

    # Lesson 1: read and mark done.
    expect(page.get_by_role("heading", level=1)).to_have_text("Hvorfor innovere?")
    axe(page)
    page.get_by_role("button", name="Merk leksjonen som fullført").click()
    expect(page.get_by_role("region", name="Din framdrift")).to_contain_text("Fullført")
    page.get_by_role("link", name="Forankre i ledelsen →").click()

    # Lesson 2: a wrong answer first, then the quiz is passed; the reflection is saved.
    answer_quiz(page, right=False)
    quiz = page.get_by_role("region", name="Test deg selv")
    expect(quiz).to_contain_text("Siste forsøk: 0 % riktig.")
    expect(quiz).to_contain_text("Nei, innovasjon er mer enn teknologi.")
    axe(page)
    answer_quiz(page, right=True)
    expect(page.get_by_role("region", name="Test deg selv")).to_contain_text("Bestått.")
    reflection = page.get_by_role("region", name="Refleksjon")
    reflection.get_by_label("Hvilken utfordring vil du arbeide med?").fill(
        "Nattbesøk som vekker brukerne i hjemmetjenesten."
    )
    reflection.get_by_role("button", name="Lagre svaret").click()
    expect(page.get_by_role("status").first).to_contain_text("Svaret ditt er lagret.")

    # Leave and come back: «Fortsett der du slapp» leads on.
    page.goto(site + "/")
    page.goto(site + "/kurs/mine/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mine kurs")
    expect(page.get_by_role("main")).to_contain_text("2 av 3 leksjoner fullført (67 %)")
    axe(page)
    page.goto(site + course.url)
    page.get_by_role("link", name="Fortsett der du slapp").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Snakk med brukerne")  # the first lesson not done

    # Module 2 is open now; finishing its required lesson completes the course.
    page.get_by_role("region", name="Refleksjon").get_by_label("Hva sa brukerne?").fill("De vil ha faste tider.")
    page.get_by_role("region", name="Refleksjon").get_by_role("button", name="Lagre svaret").click()
    page.get_by_role("button", name="Merk leksjonen som fullført").click()
    expect(page.get_by_role("status").first).to_contain_text("Gratulerer, du har fullført kurset!")
    assert any("Kursbevis" in message.subject for message in mail.outbox)

    # The certificate, checked by someone who is not logged in.
    page.goto(site + course.url)
    page.get_by_role("link", name="Se kursbeviset").click()
    code = page.url.rstrip("/").rsplit("/", 1)[-1]
    expect(page.get_by_role("heading", level=1)).to_have_text("Kursbevis")
    axe(page)
    anonymous = browser.new_context()
    try:
        check = anonymous.new_page()
        check.goto(f"{site}/kurs/bevis/{code.lower()}/")
        expect(check.get_by_role("main")).to_contain_text("har fullført kurset «Innovasjon i kommunen»")
        expect(check.get_by_role("main")).to_contain_text(f"Kode: {code}")
        assert check.goto(f"{site}/kurs/bevis/AAAA-BBBB-CCCC/").status == 404
    finally:
        anonymous.close()

    # The project becomes a case suggestion, pre-filled with what was written.
    page.goto(site + f"/kurs/{course.pk}/prosjekt/")
    expect(page.get_by_role("main")).to_contain_text("Nattbesøk som vekker brukerne i hjemmetjenesten.")
    axe(page)
    page.get_by_role("button", name="Del prosjektet som eksempel").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Foreslå et eksempel")
    expect(page.get_by_label("Sammendrag")).to_have_value("Nattbesøk som vekker brukerne i hjemmetjenesten.")
    expect(page.get_by_label("Beskrivelse")).to_contain_text("De vil ha faste tider.")
