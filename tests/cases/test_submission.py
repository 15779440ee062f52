"""Suggesting a case: login and verified e-mail required, sanitised, a draft in moderation, rate-limited."""

import pytest
from allauth.account.models import EmailAddress

from django.core import mail
from django.urls import reverse

from wagtail.models import WorkflowState

from cases.models import CasePage
from innoplatform.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

HOSTILE = '<p>Vi prøvde <strong>nattkamera</strong>.</p><script>alert(1)</script><img src=x onerror=alert(1)><a href="javascript:alert(1)">lenke</a>'


def form_data(kommune, **changes) -> dict:
    data = {
        "title": "Nattkamera i hjemmetjenesten",
        "summary": "Vi byttet noen nattbesøk med digitalt tilsyn.",
        "body": HOSTILE,
        "kommuner": [kommune.pk],
        "service_areas": ["helse-og-omsorg"],
        "sectors": ["kommune", "naeringsliv"],
        "challenges": ["aldring"],
        "phase": "pilotering",
        "status": "pilotering",
        "start_year": "2023",
        "results": "Færre vekkede brukere.",
    }
    data.update(changes)
    return data


@pytest.fixture
def member(kommuner):
    return UserFactory(kommune=kommuner[0])


def test_login_required(client, case_index):
    response = client.get(reverse("cases:suggest"))
    assert response.status_code == 302 and reverse("account_login") in response.url


def test_unverified_email_cannot_submit(client, case_index, kommuner):
    user = UserFactory(verified_email=False)
    EmailAddress.objects.create(user=user, email=user.email, verified=False, primary=True)
    client.force_login(user)
    assert "Du må bekrefte e-postadressen" in client.get(reverse("cases:suggest")).content.decode()
    client.post(reverse("cases:suggest"), form_data(kommuner[0]))
    assert not CasePage.objects.exists()


def test_submission_is_a_sanitised_draft_in_moderation(
    client, case_index, member, kommuners_first, django_capture_on_commit_callbacks
):
    client.force_login(member)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("cases:suggest"), form_data(kommuners_first))
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
    assert list(case.kommuner.all()) == [kommuners_first]
    state = WorkflowState.objects.get(object_id=str(case.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [member.email]
    assert "Redaksjonen leser forslaget" in mail.outbox[0].body

    receipt = client.get(response.url).content.decode()
    assert "Takk for forslaget" in receipt and "<strong>nattkamera</strong>" in receipt
    assert "<script>alert" not in receipt and "onerror" not in receipt


def test_plain_text_is_escaped_into_paragraphs(client, case_index, member, kommuners_first):
    client.force_login(member)
    client.post(reverse("cases:suggest"), form_data(kommuners_first, body="Første avsnitt & mer.\n\nAndre avsnitt."))
    html = str(CasePage.objects.get().get_latest_revision_as_object().body)
    assert "<p>Første avsnitt &amp; mer.</p>" in html and "<p>Andre avsnitt.</p>" in html


def test_invalid_form_shows_errors(client, case_index, member, kommuners_first):
    client.force_login(member)
    response = client.post(reverse("cases:suggest"), form_data(kommuners_first, title="", start_year="2999"))
    html = response.content.decode()
    assert response.status_code == 200 and "Skjemaet inneholder feil" in html
    assert "Startåret kan ikke være fram i tid" in html
    assert not CasePage.objects.exists()


def test_rate_limited(client, case_index, member, kommuners_first, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "suggest_case": "2/h/user"}
    client.force_login(member)
    for n in range(2):
        client.post(reverse("cases:suggest"), form_data(kommuners_first, title=f"Forslag {n}"))
    assert client.post(reverse("cases:suggest"), form_data(kommuners_first)).status_code == 429
    assert CasePage.objects.count() == 2


def test_submitter_is_told_when_published(
    client, case_index, member, kommuners_first, django_capture_on_commit_callbacks
):
    client.force_login(member)
    client.post(reverse("cases:suggest"), form_data(kommuners_first))
    case = CasePage.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        case.get_latest_revision().publish()
    assert len(mail.outbox) == 1 and "er nå publisert" in mail.outbox[0].body
    case.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        case.save_revision().publish()
    assert len(mail.outbox) == 1  # only the first publication


def test_other_users_cannot_see_the_receipt(client, case_index, member, kommuners_first):
    client.force_login(member)
    client.post(reverse("cases:suggest"), form_data(kommuners_first))
    client.force_login(UserFactory())
    assert client.get(reverse("cases:suggestion_received")).status_code == 404


@pytest.fixture
def kommuners_first(kommuner):
    return kommuner[0]


def test_no_library_no_form(client, home_page, member):
    client.force_login(member)
    assert client.get(reverse("cases:suggest")).status_code == 404
