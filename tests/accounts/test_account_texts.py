"""The account pages and e-mails speak plain bokmål and name the platform, never the host."""

import re
from html import unescape

import pytest
from allauth.account.adapter import get_adapter
from allauth.core import context as allauth_context
from allauth.mfa.models import Authenticator

from django.contrib.sites.models import Site
from django.core import mail
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from innoplatform.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

BAD_PHRASES = ["Vennligst", "Bekreftelsese-post", "Glemt ditt passord?", "127.0.0.1", "example.com", "testserver"]
ENGLISH_WORDS = [
    "Sign In",
    "Sign Up",
    "Sign Out",
    "Password",
    "Email",
    "Forgot",
    "Remember",
    "Please",
    "Confirm",
    "account",
    "Hello",
    "Thank you",
    "Two-Factor",
    "Recovery",
    "Authentication",
    "Activate",
    "Deactivate",
    "Verification",
]
EMAIL = "kari.nordmann@nordre-follo.kommune.no"
PASSWORD = "Sterkt-passord-42"


@pytest.fixture(autouse=True)
def _platform_address(settings):
    """The platform's public name and address, as `sync_site_identity` writes them from SITE_URL."""
    settings.SITE_URL = "https://innovasjonsplattformen.no"
    Site.objects.update_or_create(
        pk=settings.SITE_ID, defaults={"domain": "innovasjonsplattformen.no", "name": "Innovasjonsplattformen"}
    )
    Site.objects.clear_cache()


def main_text(response) -> str:
    """The visible text of the page's <main>, without header and footer (the footer names 'English')."""
    html = response.content.decode()
    main = re.search(r"<main\b.*?</main>", html, re.S).group(0)
    main = re.sub(r"<(script|style)\b.*?</\1>", " ", main, flags=re.S)
    text = " ".join(unescape(re.sub(r"<[^>]+>", " ", main)).split())
    return re.sub(r" ([.,:;!?])", r"\1", text)


def assert_plain_bokmal(text: str) -> None:
    for phrase in BAD_PHRASES:
        assert phrase not in text, f"{phrase!r} in {text!r}"
    for word in ENGLISH_WORDS:
        assert not re.search(rf"\b{re.escape(word)}\b", text), f"English {word!r} in {text!r}"


def get(client, url_name, *args, expect: str, **kwargs) -> str:
    response = client.get(reverse(url_name, args=args), **kwargs)
    assert response.status_code == 200, response.status_code
    text = main_text(response)
    assert expect in text, text
    assert_plain_bokmal(text)
    return text


# Pages


@pytest.mark.parametrize(
    ("url_name", "expect"),
    [
        ("account_login", "Glemt passordet?"),
        ("account_signup", "Du trenger bare e-postadressen din og et passord."),
        ("account_reset_password", "Vi sender deg en lenke, så du kan lage et nytt passord."),
        ("account_reset_password_done", "Åpne lenken i e-posten for å lage et nytt passord."),
        ("account_email_verification_sent", "Finner du ikke e-posten? Se i søppelpostmappen."),
        ("account_inactive", "Kontoen er ikke aktiv"),
        ("account_reset_password_from_key_done", "Du har fått et nytt passord."),
    ],
)
def test_entrance_pages_are_in_plain_bokmal(client, home_page, url_name, expect):
    get(client, url_name, expect=expect)


def test_login_page_labels_come_in_bokmal(client, home_page):
    text = get(client, "account_login", expect="Er du ny her? Opprett en konto.")
    assert "E-postadresse" in text
    assert "Passord" in text
    assert "Husk meg" in text


def test_bad_links_are_explained(client, home_page):
    get(client, "account_confirm_email", "ugyldig-nokkel", expect="Lenken er ugyldig eller for gammel.")
    get(client, "account_reset_password_from_key", "1", "ugyldig", expect="Lenken for nytt passord er ugyldig.")


def test_confirm_email_page_asks_for_one_click(client, home_page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_signup"), {"email": EMAIL, "password1": PASSWORD, "password2": PASSWORD})
    key = re.search(r"/konto/confirm-email/([^/\s]+)/", mail.outbox[-1].body).group(1)
    text = get(client, "account_confirm_email", key, expect="Trykk på knappen for å bekrefte at")
    assert EMAIL in text


@pytest.mark.parametrize(
    ("url_name", "expect"),
    [
        ("account_logout", "Vil du logge ut?"),
        ("account_email", "Ny e-postadresse"),
        ("account_change_password", "Passordet du har nå"),
        ("mfa_index", "Innlogging i to trinn"),
        ("account_reauthenticate", "Bekreft at det er deg"),
    ],
)
def test_management_pages_are_in_plain_bokmal(logged_in_client, url_name, expect):
    get(logged_in_client, url_name, expect=expect)


def test_activating_two_step_login_asks_for_the_password_first(logged_in_client):
    response = logged_in_client.get(reverse("mfa_activate_totp"), follow=True)
    text = main_text(response)
    assert "Bekreft at det er deg" in text
    assert_plain_bokmal(text)


def reauthenticated(client, user, password):
    client.force_login(user)
    response = client.post(reverse("account_reauthenticate"), {"password": password})
    assert response.status_code == 302


def test_two_step_login_pages_are_in_plain_bokmal(client, user, password):
    reauthenticated(client, user, password)
    text = get(client, "mfa_activate_totp", expect="Skann QR-koden under med appen.")
    assert "Kode fra autentiseringsappen" in text
    assert "Hemmelig nøkkel" in text


def test_set_password_page_for_an_account_without_one(client):
    user = UserFactory(password=None)
    user.set_unusable_password()
    user.save()
    client.force_login(user)
    get(client, "account_set_password", expect="Kontoen din har ikke noe passord ennå.")


# Messages from allauth's Python code


def test_wrong_password_is_explained_in_bokmal(client, user, home_page):
    response = client.post(reverse("account_login"), {"login": user.email, "password": "feil-passord"})
    text = main_text(response)
    assert "E-postadressen eller passordet er feil." in text
    assert_plain_bokmal(text)


def test_signup_errors_are_in_bokmal(client, home_page):
    response = client.post(
        reverse("account_signup"), {"email": EMAIL, "password1": PASSWORD, "password2": PASSWORD + "x"}
    )
    text = main_text(response)
    assert "Passordene er ikke like." in text
    assert_plain_bokmal(text)


def test_login_message_is_in_bokmal(client, user, password, home_page):
    response = client.post(reverse("account_login"), {"login": user.email, "password": password}, follow=True)
    assert "Du er logget inn som" in main_text(response)


# E-mails


def assert_platform_mail(message, subject: str, *phrases: str) -> None:
    assert message.subject == f"[Innovasjonsplattformen] {subject}"
    body = message.body
    assert body.startswith("Hei!")
    assert "Vennlig hilsen\nInnovasjonsplattformen\ninnovasjonsplattformen.no" in body
    for phrase in phrases:
        assert phrase in body, body
    assert_plain_bokmal(message.subject + "\n" + body)


def test_signup_mail(client, home_page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_signup"), {"email": EMAIL, "password1": PASSWORD, "password2": PASSWORD})
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [EMAIL]
    assert_platform_mail(
        message,
        "Bekreft e-postadressen din",
        "Takk for at du har opprettet en konto på Innovasjonsplattformen.",
        "https://innovasjonsplattformen.no/konto/confirm-email/",
    )


def test_signup_with_a_known_address_mails_the_owner(client, user, home_page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_signup"), {"email": user.email, "password1": PASSWORD, "password2": PASSWORD})
    assert_platform_mail(
        mail.outbox[-1],
        "Du har allerede en konto",
        "Det finnes allerede en konto med denne adressen.",
        "https://innovasjonsplattformen.no/konto/password/reset/",
    )


def test_password_reset_mail(client, user, home_page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_reset_password"), {"email": user.email})
    assert mail.outbox[-1].to == [user.email]
    assert_platform_mail(
        mail.outbox[-1],
        "Lag et nytt passord",
        "Vi har fått en forespørsel om nytt passord til kontoen din på Innovasjonsplattformen.",
        "https://innovasjonsplattformen.no/konto/password/reset/key/",
        "Passordet ditt er ikke endret.",
    )


def test_password_reset_for_an_unknown_address(client, home_page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_reset_password"), {"email": "ukjent@nordre-follo.kommune.no"})
    assert_platform_mail(
        mail.outbox[-1],
        "Vi fant ingen konto med denne adressen",
        "Vi har ingen konto med denne adressen.",
        "https://innovasjonsplattformen.no/konto/signup/",
    )


def test_new_address_mail(logged_in_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        logged_in_client.post(reverse("account_email"), {"action_add": "", "email": "ny@nordre-follo.kommune.no"})
    assert mail.outbox[-1].to == ["ny@nordre-follo.kommune.no"]
    assert_platform_mail(
        mail.outbox[-1],
        "Bekreft den nye e-postadressen din",
        "Du har lagt til denne e-postadressen på kontoen din på Innovasjonsplattformen.",
        "https://innovasjonsplattformen.no/konto/confirm-email/",
    )


NOTIFICATIONS = [
    ("account/email/email_changed", {"from_email": "a@b.no", "to_email": "c@d.no"}, "E-postadressen din er endret"),
    ("account/email/email_confirm", {}, "E-postadressen din er bekreftet"),
    ("account/email/email_deleted", {"deleted_email": "a@b.no"}, "En e-postadresse er fjernet fra kontoen din"),
    ("account/email/password_changed", {}, "Passordet ditt er endret"),
    ("account/email/password_reset", {}, "Du har laget et nytt passord"),
    ("account/email/password_set", {}, "Kontoen din har fått et passord"),
    ("mfa/email/totp_activated", {}, "Innlogging i to trinn er slått på"),
    ("mfa/email/totp_deactivated", {}, "Innlogging i to trinn er slått av"),
    ("mfa/email/recovery_codes_generated", {}, "Nye reservekoder"),
    ("socialaccount/email/account_connected", {"provider": "ID-porten"}, "Ny innloggingstjeneste på kontoen din"),
    (
        "socialaccount/email/account_disconnected",
        {"provider": "ID-porten"},
        "En innloggingstjeneste er koblet fra kontoen din",
    ),
]


def render_mail(template_prefix: str, context: dict):
    request = RequestFactory().get("/")
    ctx = {
        "email": EMAIL,
        "current_site": Site.objects.get_current(),
        "timestamp": timezone.now(),
        "ip": "192.0.2.10",
        "user_agent": "Firefox",
    }
    ctx.update(context)
    with allauth_context.request_context(request):
        return get_adapter(request).render_mail(template_prefix, EMAIL, ctx)


@pytest.mark.parametrize(("template_prefix", "context", "subject"), NOTIFICATIONS)
def test_security_notifications(template_prefix, context, subject):
    message = render_mail(template_prefix, context)
    assert_platform_mail(
        message,
        subject,
        "Vi sender deg denne e-posten fordi det er gjort en endring på kontoen din på Innovasjonsplattformen:",
        "IP-adresse: 192.0.2.10",
        "Var det ikke du?",
    )
    for value in context.values():
        assert value in message.body


def test_login_code_mail():
    message = render_mail("account/email/login_code", {"code": "ABC123"})
    assert_platform_mail(message, "Innloggingskoden din", "ABC123")


def test_recovery_codes_pages_are_in_plain_bokmal(client, user, password):
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes

    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": "x"})
    RecoveryCodes.activate(user)
    reauthenticated(client, user, password)
    text = get(client, "mfa_view_recovery_codes", expect="Hver kode kan bare brukes én gang.")
    assert "Ubrukte koder" in text
    get(client, "mfa_index", expect="reservekoder igjen")
    get(client, "mfa_generate_recovery_codes", expect="Kodene du har nå, slutter da å virke.")
    get(client, "mfa_deactivate_totp", expect="Slå av innlogging i to trinn")
