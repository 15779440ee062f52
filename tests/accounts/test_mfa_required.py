"""Editors, moderators and superusers turn on two-step login before they use the admin or moderate."""

import time

import pytest
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    SECRET_SESSION_KEY,
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
)

from django.contrib.auth.models import AnonymousUser, Group
from django.contrib.messages import get_messages
from django.test import RequestFactory
from django.urls import get_resolver, reverse

from innoplatform.accounts.factories import DEFAULT_PASSWORD, UserFactory
from innoplatform.accounts.mfa_required import MODERATION_VIEWS, MfaRequiredMiddleware, must_enrol_mfa
from innoplatform.accounts.models import SecuritySettings
from innoplatform.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

ACTIVATE = reverse("mfa_activate_totp")
WHY = "Før du kan bruke administrasjonen eller moderere, må du slå på innlogging i to trinn."


@pytest.fixture(autouse=True)
def required():
    """The requirement on, as a new site has it (the test settings start without it)."""
    security = SecuritySettings.load()
    security.require_mfa_for_staff = True
    security.save()
    return security


def staff(group: str):
    user = UserFactory()
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor():
    return staff("Editors")


@pytest.fixture
def moderator():
    return staff("Moderators")


def with_app(user):
    TOTP.activate(user, generate_totp_secret())
    return user


def reauthenticated(client, user):
    """Logged in with the password just now, as allauth asks before two-step login is turned on."""
    client.force_login(user)
    assert client.post(reverse("account_reauthenticate"), {"password": DEFAULT_PASSWORD}).status_code == 302


def texts(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_a_new_site_requires_it(settings):
    SecuritySettings.objects.all().delete()
    del settings.STAFF_MFA_REQUIRED_BY_DEFAULT
    assert SecuritySettings.load().require_mfa_for_staff is True


def test_superusers_change_the_setting_in_the_admin(client):
    client.force_login(with_app(UserFactory(is_superuser=True)))
    page = client.get(
        reverse("wagtailsettings:edit", args=["accounts", "securitysettings"]), follow=True
    ).content.decode()
    assert "Krev innlogging i to trinn for redaktører og moderatorer" in page


def test_an_editor_without_the_app_is_sent_to_turn_it_on(client, editor):
    client.force_login(editor)
    response = client.get("/admin/pages/")
    assert response.status_code == 302 and response["Location"] == ACTIVATE
    assert any(WHY in text for text in texts(response))


def test_the_reason_is_shown_on_the_next_page(client, editor):
    reauthenticated(client, editor)
    page = client.get("/admin/", follow=True)
    assert page.redirect_chain == [(ACTIVATE, 302)]
    html = page.content.decode()
    assert WHY in html and "Redaktører og moderatorer kan endre og godkjenne innhold" in html


@pytest.mark.parametrize("group", ["Editors", "Moderators"])
def test_with_the_app_the_admin_opens(client, group):
    client.force_login(with_app(staff(group)))
    response = client.get("/admin/")
    assert response.status_code == 200


def test_a_superuser_is_staff_too(client):
    superuser = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(superuser)
    assert client.get("/admin/")["Location"] == ACTIVATE
    with_app(superuser)
    assert client.get("/admin/").status_code == 200


def test_with_the_setting_off_the_admin_opens_without_the_app(client, editor, required):
    required.require_mfa_for_staff = False
    required.save()
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200


def test_a_participant_is_not_sent_anywhere(client, user):
    client.force_login(user)
    response = client.get("/admin/")
    assert response.get("Location") != ACTIVATE
    assert client.get(reverse("organisations:list")).status_code == 200


def test_the_two_step_pages_and_logging_out_stay_open(client, editor):
    reauthenticated(client, editor)
    activate = client.get(ACTIVATE)
    assert activate.status_code == 200 and "Skann QR-koden under med appen." in activate.content.decode()
    assert client.get(reverse("mfa_index")).status_code == 200
    assert "Vil du logge ut?" in client.get(reverse("account_logout")).content.decode()
    response = client.post(reverse("wagtailadmin_logout"))
    assert response.status_code == 302 and response["Location"] != ACTIVATE
    assert "_auth_user_id" not in client.session


def test_a_moderator_is_sent_away_from_moderating_outside_the_admin(client, moderator):
    organisation = OrganisationFactory(verified=False)
    client.force_login(moderator)
    members = client.get(reverse("organisations:members", args=[organisation.slug]))
    assert members["Location"] == ACTIVATE
    verify = client.post(
        reverse("organisations:verify", args=[organisation.slug]),
        {"verified": "ja"},
        HTTP_REFERER=f"http://testserver{organisation.get_absolute_url()}",
    )
    assert verify["Location"] == ACTIVATE
    organisation.refresh_from_db()
    assert organisation.verified is False


def test_a_moderator_with_the_app_moderates(client, moderator):
    organisation = OrganisationFactory(verified=False)
    client.force_login(with_app(moderator))
    client.post(reverse("organisations:verify", args=[organisation.slug]), {"verified": "ja"})
    organisation.refresh_from_db()
    assert organisation.verified is True


def current_code(secret: str) -> str:
    """The code an authenticator app shows now."""
    return format_hotp_value(hotp_value(secret, int(time.time()) // mfa_settings.TOTP_PERIOD))


@pytest.mark.django_db(transaction=True)
def test_after_turning_it_on_the_way_back_is_offered(client):
    """Transactional: allauth adds the authenticator and tells of it after the commit, within the request."""
    Group.objects.get_or_create(name="Editors")  # a transactional test starts from an emptied database
    editor = staff("Editors")
    reauthenticated(client, editor)
    client.get("/admin/pages/?p=2")
    client.get(ACTIVATE)
    code = current_code(client.session[SECRET_SESSION_KEY])
    response = client.post(ACTIVATE, {"code": code}, follow=True)
    assert Authenticator.objects.filter(user=editor, type=Authenticator.Type.TOTP).exists()
    assert response.redirect_chain[-1][0] == reverse("mfa_view_recovery_codes")
    html = response.content.decode()
    assert "Ta vare på reservekodene før du går videre." in html
    assert '<a class="ds-link" href="/admin/pages/?p=2">Gå tilbake til siden du skulle til</a>' in html
    assert client.get("/admin/pages/?p=2").status_code == 200


def test_a_form_sent_from_another_site_is_not_a_way_back(client, moderator):
    organisation = OrganisationFactory(verified=False)
    client.force_login(moderator)
    client.post(
        reverse("organisations:verify", args=[organisation.slug]),
        {"verified": "ja"},
        HTTP_REFERER="https://angriper.example/",
    )
    assert "accounts.mfa_required.destination" not in client.session


def test_the_way_back_is_the_page_the_form_was_sent_from(client, moderator):
    organisation = OrganisationFactory(verified=False)
    client.force_login(moderator)
    page = f"http://testserver{organisation.get_absolute_url()}"
    client.post(reverse("organisations:verify", args=[organisation.slug]), {"verified": "ja"}, HTTP_REFERER=page)
    assert client.session["accounts.mfa_required.destination"] == page


def test_the_policy_costs_one_query_and_none_for_anonymous(django_assert_num_queries, editor, user):
    with django_assert_num_queries(0):
        assert must_enrol_mfa(AnonymousUser()) is False
    with django_assert_num_queries(1):
        assert must_enrol_mfa(user) is False
    with_app(editor)
    with django_assert_num_queries(1):
        assert must_enrol_mfa(editor) is False


def test_staff_without_the_app_must_enrol(editor):
    assert must_enrol_mfa(editor) is True
    editor.is_active = False
    assert must_enrol_mfa(editor) is False


def request_for(path: str, user):
    request = RequestFactory().get(path)
    request.user = user
    request.resolver_match = get_resolver().resolve(path)
    return request


@pytest.mark.parametrize("path", ["/", "/organisasjoner/", "/konto/2fa/totp/activate/"])
def test_other_pages_cost_no_query(django_assert_num_queries, editor, user, path):
    middleware = MfaRequiredMiddleware(lambda request: None)
    for who in (AnonymousUser(), user, editor):
        with django_assert_num_queries(0):
            assert middleware.process_view(request_for(path, who), None, (), {}) is None


def test_the_admin_costs_anonymous_visitors_no_query(django_assert_num_queries):
    middleware = MfaRequiredMiddleware(lambda request: None)
    with django_assert_num_queries(0):
        assert middleware.process_view(request_for("/admin/", AnonymousUser()), None, (), {}) is None


def test_every_moderation_view_exists():
    """A renamed view would quietly lose its guard."""
    resolver = get_resolver()
    for view_name in MODERATION_VIEWS:
        namespace, name = view_name.split(":")
        assert name in resolver.namespace_dict[namespace][1].reverse_dict, view_name
