"""Suggesting a case: login and verified e-mail required, sanitised, a draft in moderation, once per form, rate-limited."""

import uuid

import pytest
from allauth.account.models import EmailAddress

from django.core import mail
from django.db import connection
from django.urls import reverse

from wagtail.models import WorkflowState

from cases.models import CasePage
from innoplatform.accounts.factories import UserFactory
from tests.concurrency import post_at_once

pytestmark = pytest.mark.django_db

HOSTILE = '<p>Vi prøvde <strong>nattkamera</strong>.</p><script>alert(1)</script><img src=x onerror=alert(1)><a href="javascript:alert(1)">lenke</a>'


def form_data(*kommuner: str, partners=(), funding=(), **changes) -> dict:
    """A complete suggestion as the browser posts it; `kommuner` as typed ("9101 Nordby", "Fjellvik")."""
    data = {
        "form_token": str(uuid.uuid4()),
        "title": "Nattkamera i hjemmetjenesten",
        "summary": "Vi byttet noen nattbesøk med digitalt tilsyn.",
        "body": HOSTILE,
        "kommuner": list(kommuner) or ["9101 Nordby"],
        "service_areas": ["helse-og-omsorg"],
        "sectors": ["kommune", "naeringsliv"],
        "challenges": ["aldring"],
        "phase": "pilotering",
        "status": "pilotering",
        "start_year": "2023",
        "results": "Færre vekkede brukere.",
        "contact_name": "Kari Nordmann",
        "contact_role": "Prosjektleder, Nordby kommune",
        "contact_email": "kari@nordby.kommune.no",
        "partnere-TOTAL_FORMS": str(max(2, len(partners))),
        "partnere-INITIAL_FORMS": "0",
        "finansiering-TOTAL_FORMS": str(max(1, len(funding))),
        "finansiering-INITIAL_FORMS": "0",
    }
    for n, (name, sector) in enumerate(partners):
        data |= {f"partnere-{n}-name": name, f"partnere-{n}-sector": sector}
    for n, (source, amount) in enumerate(funding):
        data |= {f"finansiering-{n}-source": source, f"finansiering-{n}-amount_nok": amount}
    data.update(changes)
    return data


@pytest.fixture
def member(kommuner):
    return UserFactory(kommune=kommuner[0], first_name="Kari", last_name="Nordmann", job_title="Prosjektleder")


def suggest(client, data):
    return client.post(reverse("cases:suggest"), data)


def test_login_required(client, case_index):
    response = client.get(reverse("cases:suggest"))
    assert response.status_code == 302 and reverse("account_login") in response.url


def test_unverified_email_cannot_submit(client, case_index, kommuner):
    user = UserFactory(verified_email=False)
    EmailAddress.objects.create(user=user, email=user.email, verified=False, primary=True)
    client.force_login(user)
    assert "Du må bekrefte e-postadressen" in client.get(reverse("cases:suggest")).content.decode()
    suggest(client, form_data())
    assert not CasePage.objects.exists()


def test_the_empty_form_starts_from_the_profile(client, case_index, member):
    client.force_login(member)
    html = client.get(reverse("cases:suggest")).content.decode()
    assert 'value="9101 Nordby"' in html
    assert 'value="Kari Nordmann"' in html and 'value="Prosjektleder"' in html
    assert '<option value="9202 Dalen">' in html
    assert 'name="form_token"' in html


def test_submission_is_a_sanitised_draft_in_moderation(
    client, case_index, member, kommuner, django_capture_on_commit_callbacks
):
    client.force_login(member)
    data = form_data(
        "9101 Nordby",
        "fjellvik",
        partners=[("Senter for omsorgsforskning", "fou"), ("Nattvakt AS", "naeringsliv")],
        funding=[("Skjønnsmidler fra Statsforvalteren", "450000")],
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = suggest(client, data)
    assert response.status_code == 302 and response.url == reverse("cases:suggestion_received")
    case = CasePage.objects.get()
    assert not case.live and case.get_parent().specific == case_index
    assert case.submitted_by == member and case.owner == member
    draft = case.get_latest_revision_as_object()
    html = str(draft.body)
    assert "<strong>nattkamera</strong>" in html
    for bad in ("<script", "onerror", "javascript:", "<img"):
        assert bad not in html
    assert draft.service_areas == ["helse-og-omsorg"] and draft.sectors == ["kommune", "naeringsliv"]
    assert [k.number for k in case.kommuner.all()] == ["9101", "9102"]
    assert [(p.name, p.sector) for p in draft.partners.all()] == [
        ("Senter for omsorgsforskning", "fou"),
        ("Nattvakt AS", "naeringsliv"),
    ]
    assert [(f.source, f.amount_nok) for f in draft.funding.all()] == [("Skjønnsmidler fra Statsforvalteren", 450000)]
    assert (draft.contact_name, draft.contact_email) == ("Kari Nordmann", "kari@nordby.kommune.no")
    state = WorkflowState.objects.get(object_id=str(case.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    receipts = [message for message in mail.outbox if message.to == [member.email]]
    assert len(receipts) == 1 and "Redaksjonen leser forslaget" in receipts[0].body
    assert receipts[0].subject == "[Innovasjonsplattformen] Takk for forslaget: Nattkamera i hjemmetjenesten"

    receipt = client.get(response.url).content.decode()
    assert "Takk for forslaget" in receipt and "<strong>nattkamera</strong>" in receipt
    assert "<script>alert" not in receipt and "onerror" not in receipt


def test_plain_text_is_escaped_into_paragraphs(client, case_index, member):
    client.force_login(member)
    suggest(client, form_data(body="Første avsnitt & mer.\n\nAndre avsnitt."))
    html = str(CasePage.objects.get().get_latest_revision_as_object().body)
    assert "<p>Første avsnitt &amp; mer.</p>" in html and "<p>Andre avsnitt.</p>" in html


def test_invalid_form_shows_errors(client, case_index, member):
    client.force_login(member)
    data = form_data(title="", start_year="2999", **{"partnere-0-name": "Uten sektor"})
    html = suggest(client, data).content.decode()
    assert "Skjemaet inneholder feil" in html
    assert "Startåret kan ikke være fram i tid" in html
    assert "Partner 1, sektor: Du må fylle ut dette feltet." in html
    assert not CasePage.objects.exists()


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("Fjelvik", "Vi fant ingen kommune som heter «Fjelvik». Mente du 9102 Fjellvik?"),
        ("99999999999999999999999", "Vi fant ingen kommune som heter «99999999999999999999999»."),
        ("Atlantis", "Skriv navnet eller det firesifrede kommunenummeret."),
    ],
)
def test_unknown_kommuner_are_named_back(client, case_index, member, typed, message):
    client.force_login(member)
    response = suggest(client, form_data("9101", typed))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not CasePage.objects.exists()


def test_a_newline_in_the_title_is_a_form_error_not_a_mail_header(client, case_index, member):
    client.force_login(member)
    response = suggest(client, form_data(title="Nattkamera\nBcc: alle@example.com"))
    assert response.status_code == 200
    assert "Skriv dette på én linje." in response.content.decode()
    assert not CasePage.objects.exists()


@pytest.mark.parametrize(
    ("button", "expected"),
    [
        ("kommuner", 'id="id_kommuner_4"'),
        ("partnere", 'name="partnere-2-name"'),
        ("finansiering", "finansiering-1-source"),
    ],
)
def test_add_buttons_show_one_more_row_and_save_nothing(client, case_index, member, button, expected):
    client.force_login(member)
    data = form_data("9101", "9102", "9201", legg_til=button, title="")
    html = suggest(client, data).content.decode()
    assert expected in html
    assert "Skjemaet inneholder feil" not in html
    assert 'value="9201"' in html
    assert not CasePage.objects.exists()


def test_the_same_form_sent_twice_makes_one_draft(client, case_index, member):
    client.force_login(member)
    data = form_data()
    first, second = suggest(client, data), suggest(client, data)
    assert first.url == second.url == reverse("cases:suggestion_received")
    assert CasePage.objects.count() == 1
    data["form_token"] = str(uuid.uuid4())
    suggest(client, data)
    assert CasePage.objects.count() == 2


def test_a_form_without_its_token_is_refused_with_a_message(client, case_index, member):
    client.force_login(member)
    data = form_data()
    del data["form_token"]
    assert "Skjemaet manglet en nøkkel" in suggest(client, data).content.decode()
    assert not CasePage.objects.exists()


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite serialises writers; the race needs PostgreSQL")
def test_two_posts_of_one_form_at_the_same_moment_make_one_draft(case_index, member):
    assert post_at_once(2, reverse("cases:suggest"), form_data(), user=member) == [302, 302]
    assert CasePage.objects.count() == 1


def test_rate_limited(client, case_index, member, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "suggest_case": "2/h/user"}
    client.force_login(member)
    for n in range(2):
        suggest(client, form_data(title=f"Forslag {n}"))
    assert suggest(client, form_data()).status_code == 429
    assert CasePage.objects.count() == 2


def test_submitter_is_told_when_published_in_norwegian_with_the_public_link(
    client, case_index, member, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://innovasjon.example.no"
    from innoplatform.core.site_setup import sync_site_identity

    sync_site_identity()
    client.force_login(member)
    suggest(client, form_data())
    case = CasePage.objects.get()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        case.get_latest_revision().publish()
    assert [message.to for message in mail.outbox] == [[member.email]]
    body = mail.outbox[0].body
    assert "er nå publisert" in body and f"https://innovasjon.example.no{case_index.url}" in body
    assert "/admin/" not in body and "localhost" not in body
    case.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        case.save_revision().publish()
    assert len(mail.outbox) == 1  # only the first publication


def test_the_suggestion_is_kept_when_smtp_is_down(
    client, case_index, member, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    client.force_login(member)
    with django_capture_on_commit_callbacks(execute=True):
        response = suggest(client, form_data())
    assert response.url == reverse("cases:suggestion_received")
    assert CasePage.objects.get().title == "Nattkamera i hjemmetjenesten"
    assert "e-posten kan komme litt senere" in client.get(response.url).content.decode()


def test_other_users_cannot_see_the_receipt(client, case_index, member):
    client.force_login(member)
    suggest(client, form_data())
    other = UserFactory()
    client.force_login(other)
    session = client.session
    session["cases_last_suggestion"] = CasePage.objects.get().pk
    session.save()
    assert client.get(reverse("cases:suggestion_received")).status_code == 404


def test_no_library_no_form(client, home_page, member):
    client.force_login(member)
    assert client.get(reverse("cases:suggest")).status_code == 404
