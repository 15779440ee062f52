"""Sign-up with verification, profile, personal data export, deletion and rate limits."""

import json
import re

import pytest
from allauth.account.models import EmailAddress

from django.core import mail
from django.urls import reverse

from innoplatform.accounts.factories import UserFactory
from innoplatform.accounts.models import User

pytestmark = pytest.mark.django_db


def test_signup_requires_email_verification_before_login(client, home_page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("account_signup"),
            {
                "email": "Kari.Nordmann@Kommune.example.no",
                "password1": "Sterkt-passord-42",
                "password2": "Sterkt-passord-42",
            },
        )
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    user = User.objects.get()
    assert user.email == "kari.nordmann@kommune.example.no"
    assert len(mail.outbox) == 1
    assert "[Innovasjonsplattformen]" in mail.outbox[0].subject

    client.logout()
    response = client.post(reverse("account_login"), {"login": user.email, "password": "Sterkt-passord-42"})
    assert response["Location"] == reverse("account_email_verification_sent")

    key = re.search(r"/konto/confirm-email/([^/\s]+)/", mail.outbox[0].body).group(1)
    client.post(reverse("account_confirm_email", args=[key]))
    assert EmailAddress.objects.get(user=user).verified

    response = client.post(reverse("account_login"), {"login": user.email, "password": "Sterkt-passord-42"})
    assert response["Location"] == reverse("accounts:profile")


def test_signup_shows_field_errors(client, home_page):
    response = client.post(
        reverse("account_signup"), {"email": "ikke-en-adresse", "password1": "kort", "password2": "annet"}
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert 'aria-invalid="true"' in content
    assert "ds-error-summary" in content
    assert not User.objects.exists()


def test_profile_requires_login(client):
    response = client.get(reverse("accounts:profile"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_profile_shows_user(logged_in_client, user):
    response = logged_in_client.get(reverse("accounts:profile"))
    assert response.status_code == 200
    content = response.content.decode()
    assert user.email in content
    assert user.job_title in content


def test_profile_edit_saves_and_validates(logged_in_client, user):
    response = logged_in_client.post(
        reverse("accounts:profile_edit"),
        {"first_name": "Kari", "last_name": "Nordmann", "job_title": "Innovasjonsleder"},
    )
    assert response["Location"] == reverse("accounts:profile")
    user.refresh_from_db()
    assert (user.first_name, user.last_name, user.job_title) == ("Kari", "Nordmann", "Innovasjonsleder")

    response = logged_in_client.post(reverse("accounts:profile_edit"), {"first_name": "x" * 200, "job_title": ""})
    assert response.status_code == 200
    assert response.context["form"].errors["first_name"]


def test_export_contains_personal_data_as_json(logged_in_client, user):
    response = logged_in_client.get(reverse("accounts:export"))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["konto"]["e-post"] == user.email
    assert data["e-postadresser"] == [{"e-post": user.email, "bekreftet": True, "primær": True}]


def test_export_holds_only_the_users_own_data_from_every_app(client, home_page):
    """Each app's part of the export (here the case library's) is filtered to the user asking."""
    from cases.factories import CaseIndexPageFactory, CasePageFactory
    from cases.models import CaseReuse
    from innoplatform.municipalities.models import Kommune

    owner, other = UserFactory(), UserFactory()
    index = CaseIndexPageFactory(parent=home_page)
    owners_case = CasePageFactory(parent=index, title="Eierens forslag", submitted_by=owner)
    others_case = CasePageFactory(parent=index, title="Den andres forslag", submitted_by=other)
    CaseReuse.objects.create(page=owners_case, kommune=Kommune.objects.get(number="4003"), marked_by=owner)
    CaseReuse.objects.create(page=others_case, kommune=Kommune.objects.get(number="3301"), marked_by=other)
    client.force_login(other)
    data = json.loads(client.get(reverse("accounts:export")).content)
    assert data["konto"]["e-post"] == other.email
    assert [item["tittel"] for item in data["eksempler"]["foreslått"]] == ["Den andres forslag"]
    assert [item["kommune"] for item in data["eksempler"]["markert_tatt_i_bruk"]] == ["Drammen"]
    assert owner.email not in json.dumps(data) and "Eierens forslag" not in json.dumps(data)


def test_delete_needs_password_and_confirmation(logged_in_client, user, password):
    response = logged_in_client.post(reverse("accounts:delete"), {"password": "feil-passord", "confirm": "on"})
    assert response.status_code == 200
    assert response.context["form"].errors["password"]
    response = logged_in_client.post(reverse("accounts:delete"), {"password": password})
    assert response.context["form"].errors["confirm"]
    assert User.objects.filter(pk=user.pk).exists()


def test_delete_removes_account_and_logs_out(logged_in_client, user, password, home_page):
    response = logged_in_client.post(reverse("accounts:delete"), {"password": password, "confirm": "on"}, follow=True)
    assert response.status_code == 200
    assert not User.objects.filter(pk=user.pk).exists()
    assert not EmailAddress.objects.filter(email=user.email).exists()
    assert "Kontoen din er slettet" in response.content.decode()
    assert not response.context["user"].is_authenticated


def test_delete_without_usable_password_needs_only_confirmation(client):
    user = UserFactory(password=None)
    user.set_unusable_password()
    user.save()
    client.force_login(user)
    client.post(reverse("accounts:delete"), {"confirm": "on"})
    assert not User.objects.filter(pk=user.pk).exists()


def test_export_is_rate_limited(logged_in_client, home_page, settings):
    allowed = int(settings.ACCOUNT_RATE_LIMITS["export_data"].split("/")[0])
    for _ in range(allowed):
        assert logged_in_client.get(reverse("accounts:export")).status_code == 200
    response = logged_in_client.get(reverse("accounts:export"))
    assert response.status_code == 429
    assert "For mange forsøk" in response.content.decode()


def test_login_failures_are_rate_limited(client, user, password, home_page):
    for _ in range(5):
        client.post(reverse("account_login"), {"login": user.email, "password": "feil"})
    response = client.post(reverse("account_login"), {"login": user.email, "password": password})
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not response.context["user"].is_authenticated


def test_profile_shows_sections_registered_by_other_apps(logged_in_client):
    from wagtail import hooks

    from innoplatform.core.page_sections import PageSection

    def organisations(request):
        return PageSection(title="Mine organisasjoner", template_name="includes/messages.html")

    with hooks.register_temporarily("register_profile_section", organisations):
        content = logged_in_client.get(reverse("accounts:profile")).content.decode()
    assert "Mine organisasjoner" in content


def test_oidc_login_is_off_by_default(client, home_page):
    content = client.get(reverse("account_login")).content.decode()
    assert "/konto/oidc/" not in content


@pytest.mark.parametrize(
    "url_name", ["account_email", "account_change_password", "mfa_index", "mfa_activate_totp", "account_logout"]
)
def test_account_management_pages_use_the_site_layout(logged_in_client, url_name):
    response = logged_in_client.get(reverse(url_name), follow=True)
    assert response.status_code == 200
    content = response.content.decode()
    assert "site-header" in content
    assert 'class="ds-heading"' in content


@pytest.mark.parametrize("url_name", ["account_reset_password", "account_login", "account_signup"])
def test_entrance_pages_use_the_site_layout(client, home_page, url_name):
    content = client.get(reverse(url_name)).content.decode()
    assert "site-header" in content
    assert 'class="ds-input"' in content


def test_change_email_sends_verification_to_new_address(logged_in_client, user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = logged_in_client.post(
            reverse("account_email"), {"action_add": "", "email": "ny.adresse@kommune.example.no"}
        )
    assert response.status_code == 302
    assert EmailAddress.objects.filter(user=user, email="ny.adresse@kommune.example.no", verified=False).exists()
    assert mail.outbox[-1].to == ["ny.adresse@kommune.example.no"]


def test_password_reset_mail_is_sent(client, user, home_page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account_reset_password"), {"email": user.email})
    assert response.status_code == 302
    assert mail.outbox[-1].to == [user.email]
    assert "/konto/password/reset/key/" in mail.outbox[-1].body


def test_profile_kommune_is_typed_and_matched(logged_in_client, user):
    url = reverse("accounts:profile_edit")
    logged_in_client.post(url, {"first_name": "Kari", "last_name": "N", "job_title": "", "kommune": "skien"})
    user.refresh_from_db()
    assert user.kommune.number == "4003"
    assert 'value="4003 Skien"' in logged_in_client.get(url).content.decode()
    logged_in_client.post(url, {"first_name": "Kari", "last_name": "N", "job_title": "", "kommune": ""})
    user.refresh_from_db()
    assert user.kommune is None


@pytest.mark.parametrize("typed", ["99999999999999999999999", "Herøy", "Skein"])
def test_profile_kommune_that_does_not_match_is_a_form_error(logged_in_client, user, typed):
    response = logged_in_client.post(
        reverse("accounts:profile_edit"), {"first_name": "Kari", "last_name": "N", "job_title": "", "kommune": typed}
    )
    assert response.status_code == 200
    errors = response.context["form"].errors["kommune"]
    assert errors and typed[:40] in errors[0]
    if typed == "Herøy":
        assert "1515 Herøy (Møre og Romsdal) eller 1818 Herøy (Nordland)" in errors[0]
    if typed == "Skein":
        assert "Mente du 4003 Skien?" in errors[0]
