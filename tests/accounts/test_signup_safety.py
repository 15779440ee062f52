"""Sign-up under pressure: the same address twice at once, links from SITE_URL, logged in after confirming."""

import re

import pytest
from allauth.account.models import EmailAddress

from django.contrib.auth import get_user_model
from django.contrib.sites.models import Site as DjangoSite
from django.core import mail
from django.db import connection
from django.urls import reverse

from innoplatform.accounts.forms import PlatformSignupForm
from innoplatform.core.site_setup import sync_site_identity
from tests.concurrency import post_at_once

User = get_user_model()
SIGNUP = {"email": "kari@kommune.example.no", "password1": "Sterkt-passord-42", "password2": "Sterkt-passord-42"}


@pytest.mark.django_db
def test_a_signup_that_loses_the_race_gets_the_usual_answer(client, home_page, monkeypatch):
    """Another request registers the address after this one passed validation and before it saves."""
    check_address = PlatformSignupForm.clean_email

    def other_request_wins_meanwhile(form):
        email = check_address(form)
        User.objects.create_user(email=email, password="Et-annet-passord-1")
        return email

    monkeypatch.setattr(PlatformSignupForm, "clean_email", other_request_wins_meanwhile)
    response = client.post(reverse("account_signup"), SIGNUP)
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert User.objects.filter(email=SIGNUP["email"]).count() == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite serialises writers; the race needs PostgreSQL")
def test_ten_parallel_signups_with_one_address_make_one_account(home_page):
    assert post_at_once(10, reverse("account_signup"), SIGNUP) == [302] * 10
    assert User.objects.filter(email=SIGNUP["email"]).count() == 1


@pytest.mark.django_db
def test_email_links_and_name_come_from_site_url(client, home_page, settings, django_capture_on_commit_callbacks):
    settings.SITE_URL = "https://innovasjon.example.no"
    sync_site_identity()
    assert DjangoSite.objects.get_current().domain == "innovasjon.example.no"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_signup"), SIGNUP)
    body = mail.outbox[0].body
    assert "https://innovasjon.example.no/konto/confirm-email/" in body
    assert "testserver" not in body and "127.0.0.1" not in body


@pytest.mark.django_db
def test_confirming_the_address_logs_the_new_user_in(client, home_page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_signup"), SIGNUP)
    key = re.search(r"/konto/confirm-email/([^/\s]+)/", mail.outbox[0].body).group(1)
    response = client.post(reverse("account_confirm_email", args=[key]), follow=True)
    assert EmailAddress.objects.get(email=SIGNUP["email"]).verified
    assert response.context["user"].is_authenticated
    assert response.context["user"].email == SIGNUP["email"]
