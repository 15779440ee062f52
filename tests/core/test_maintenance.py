"""A read-only or locked database: writes get the 503 «vedlikehold» answer, reads keep working."""

import logging

import psycopg.errors
import pytest

from django.db import IntegrityError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.test import Client
from django.urls import path

from innoplatform import urls as site_urls
from innoplatform.core.maintenance import RETRY_AFTER_SECONDS, is_maintenance_error
from tests.read_only import read_only_database

MAINTENANCE_TEXT = "Nettstedet er under vedlikehold"
TYPED_TEXT_LOST = "Det du skrev, er ikke lagret"


def locked(request: HttpRequest) -> HttpResponse:
    raise OperationalError("database is locked")


def missing_table(request: HttpRequest) -> HttpResponse:
    raise OperationalError("no such table: cases_casepage")


def remember_then_write(request: HttpRequest) -> HttpResponse:
    request.session["draft"] = request.POST["text"]
    request.user.save()
    return HttpResponse("lagret")


urlpatterns = [
    path("test/laast/", locked),
    path("api/test/laast/", locked),
    path("test/mangler-tabell/", missing_table),
    path("test/utkast/", remember_then_write),
    *site_urls.urlpatterns,
]

pytestmark = pytest.mark.urls(__name__)


@pytest.fixture
def request_log(caplog):
    """Records of this module's logger and of django.request, which does not propagate to the root logger."""
    django_request = logging.getLogger("django.request")
    django_request.addHandler(caplog.handler)
    caplog.set_level(logging.WARNING)
    yield caplog
    django_request.removeHandler(caplog.handler)


@pytest.fixture
def site_in_use(client, user, home_page):
    """A logged-in visitor on a site that has been shown once, so its settings row exists as it would in use."""
    client.force_login(user)
    assert client.get("/").status_code == 200
    return client


@pytest.mark.django_db(transaction=True)
def test_form_post_on_read_only_database_gets_styled_503_and_says_to_copy_the_text(site_in_use, user, request_log):
    with read_only_database():
        response = site_in_use.post(
            "/konto/profil/rediger/", {"first_name": "Kari-under-vedlikehold", "last_name": "Nordmann"}
        )
    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert "no-cache" in response["Cache-Control"]
    content = response.content.decode()
    assert MAINTENANCE_TEXT in content and TYPED_TEXT_LOST in content
    assert "site-header" in content  # the site's own layout, not the plain fallback
    user.refresh_from_db()
    assert user.first_name != "Kari-under-vedlikehold"
    assert [(r.name, r.levelname) for r in request_log.records] == [("innoplatform.core.maintenance", "WARNING")]


@pytest.mark.django_db(transaction=True)
def test_post_without_typed_text_does_not_speak_of_lost_text(site_in_use):
    with read_only_database():
        response = site_in_use.post("/konto/logout/", {"csrfmiddlewaretoken": "fra-skjemaet"})
    assert response.status_code == 503
    content = response.content.decode()
    assert MAINTENANCE_TEXT in content and TYPED_TEXT_LOST not in content


@pytest.mark.django_db(transaction=True)
def test_pages_keep_working_on_read_only_database(site_in_use):
    with read_only_database():
        home = site_in_use.get("/")
        profile = site_in_use.get("/konto/profil/")
    assert home.status_code == 200 and "Dette finner du her" in home.content.decode()
    assert profile.status_code == 200 and MAINTENANCE_TEXT not in profile.content.decode()


@pytest.mark.django_db(transaction=True)
def test_session_changed_before_the_refused_write_still_gets_503(site_in_use):
    """Django saves no session after a 5xx, so the changed session does not turn the answer into a 400."""
    with read_only_database():
        response = site_in_use.post("/test/utkast/", {"text": "Mitt utkast"})
    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert TYPED_TEXT_LOST in response.content.decode()


@pytest.mark.django_db
def test_page_renders_plain_when_the_site_cannot_be_read_either(client, user, home_page):
    """Inside the test's transaction the refused write breaks the connection, so every later read fails too."""
    client.force_login(user)
    with read_only_database():
        response = client.post("/konto/profil/rediger/", {"first_name": "Kari"})
    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    content = response.content.decode()
    assert MAINTENANCE_TEXT in content and TYPED_TEXT_LOST in content
    assert "site-header" not in content


@pytest.mark.django_db
def test_locked_database_gets_503(client, home_page):
    response = client.get("/test/laast/")
    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert MAINTENANCE_TEXT in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "accept"),
    [("/api/test/laast/", "text/html"), ("/test/laast/", "application/json")],
    ids=["api path", "accept header"],
)
def test_json_requests_get_json_503(client, url, accept):
    response = client.get(url, headers={"accept": accept})
    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert "vedlikehold" in response.json()["detail"]


@pytest.mark.django_db
def test_browser_accept_header_gets_the_page(client, home_page):
    response = client.get("/test/laast/", headers={"accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert response.status_code == 503
    assert response["Content-Type"].startswith("text/html")


@pytest.mark.django_db
def test_other_database_errors_stay_server_errors(home_page):
    response = Client(raise_request_exception=False).get("/test/mangler-tabell/")
    assert response.status_code == 500
    assert "Retry-After" not in response


def django_error_from(driver_error: Exception, django_class: type[Exception] = OperationalError) -> Exception:
    """The exception Django raises for a driver error: its own class, with the driver's error as the cause."""
    try:
        raise django_class(*driver_error.args) from driver_error
    except django_class as error:
        return error


@pytest.mark.parametrize("sqlstate", ["25006", "55P03", "57P01", "57P03"])
def test_postgresql_read_only_lock_and_shutdown_states_are_maintenance(sqlstate):
    assert is_maintenance_error(django_error_from(psycopg.errors.lookup(sqlstate)("melding fra serveren")))


def test_other_postgresql_states_are_not_maintenance():
    unique_violation = psycopg.errors.lookup("23505")("duplicate key value violates unique constraint")
    assert not is_maintenance_error(django_error_from(unique_violation, IntegrityError))


@pytest.mark.parametrize("message", ["attempt to write a readonly database", "database is locked"])
def test_sqlite_read_only_and_locked_messages_are_maintenance(message):
    assert is_maintenance_error(OperationalError(message))


def test_only_database_errors_are_maintenance():
    assert not is_maintenance_error(ValueError("database is locked"))
