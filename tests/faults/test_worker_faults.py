"""Faults under gunicorn with two workers and production settings: the database briefly locked by another
connection, and workers killed in the middle of a request.

A lock is held from a connection of the test's own while a visitor signs up or an organisation's member
publishes a collaboration post. Released after a moment, the request waits and succeeds. Kept while
the workers are killed, nothing of the request may remain: no account without its e-mail address, no
post without its places.
"""

import sqlite3
import threading
import time
from contextlib import contextmanager
from datetime import date, timedelta

import pytest
import requests

from tests.gunicorn_site import drop_scratch_database, gunicorn_site, scratch_database_url

PASSWORD = "Lang-og-trygg-2026"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The served site on a database of its own (the test database is not used)."""
    tmp_path = tmp_path_factory.mktemp("faults")
    name = f"innoplatform_faults_{int(time.time())}"
    url = scratch_database_url(tmp_path, name)
    try:
        with gunicorn_site(tmp_path, url) as served:
            served.database_url = url
            yield served
    finally:
        drop_scratch_database(name)


@contextmanager
def write_lock(site, table: str):
    """Hold the database so no request can write `table`: on SQLite the whole file (BEGIN IMMEDIATE), on
    PostgreSQL the table in EXCLUSIVE mode (reads go on; the first insert into it waits)."""
    url = site.database_url
    if url.startswith("sqlite"):
        connection = sqlite3.connect(url.removeprefix("sqlite:///"), isolation_level=None)
        connection.execute("BEGIN IMMEDIATE")
    else:
        import psycopg

        connection = psycopg.connect(url.replace("postgres://", "postgresql://"))
        connection.execute(f'LOCK TABLE "{table}" IN EXCLUSIVE MODE')
    try:
        yield connection
    finally:
        connection.rollback()
        connection.close()


def waiting_on_lock(site, table: str) -> bool:
    """Whether a request is now waiting for the lock (PostgreSQL: its insert into `table` is blocked)."""
    if site.database_url.startswith("sqlite"):
        time.sleep(2)  # SQLite shows no waiting connection: give the request time to reach its BEGIN
        return True
    import psycopg

    with psycopg.connect(site.database_url.replace("postgres://", "postgresql://"), autocommit=True) as connection:
        row = connection.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query ILIKE %s",
            [f'%INSERT INTO "{table}"%'],
        ).fetchone()
    return row[0] > 0


def in_background(function):
    result = {}

    def run():
        try:
            result["response"] = function()
        except requests.RequestException as error:
            result["error"] = error

    thread = threading.Thread(target=run)
    thread.start()
    return thread, result


def wait_until(condition, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the request never reached the lock"
        time.sleep(0.1)


def fresh_rate_limits(site) -> None:
    site.shell("from django.core.cache import cache\ncache.clear()")


def sign_up(site, email: str):
    browser = site.browser()
    return browser.post_form("/konto/signup/", {"email": email, "password1": PASSWORD, "password2": PASSWORD})


def accounts_of(site, email: str) -> list[str]:
    return site.shell(
        "from allauth.account.models import EmailAddress\n"
        "from innoplatform.accounts.models import User\n"
        f"print(User.objects.filter(email='{email}').count(), EmailAddress.objects.filter(email='{email}').count())"
    )


def test_a_sign_up_waits_for_a_brief_lock_and_succeeds(site):
    email = "venter@kommune.example.no"
    fresh_rate_limits(site)
    with write_lock(site, "account_emailaddress"):
        thread, result = in_background(lambda: sign_up(site, email))
        wait_until(lambda: waiting_on_lock(site, "account_emailaddress"))
        time.sleep(1.5)  # the lock is held a moment longer while the request waits
        assert "response" not in result
    thread.join(timeout=60)
    assert result["response"].status_code == 302, result
    assert accounts_of(site, email) == ["1 1"]


def test_a_worker_killed_during_a_sign_up_leaves_no_half_account(site):
    email = "avbrutt@kommune.example.no"
    fresh_rate_limits(site)
    with write_lock(site, "account_emailaddress"):
        thread, result = in_background(lambda: sign_up(site, email))
        wait_until(lambda: waiting_on_lock(site, "account_emailaddress"))
        site.kill_workers()
        thread.join(timeout=60)
    assert "error" in result or result["response"].status_code >= 500
    assert accounts_of(site, email) == ["0 0"]
    wait_until(lambda: len(site.workers()) == 2)  # gunicorn starts new workers
    assert requests.get(site.base + "/", timeout=30).status_code == 200


MEMBER = """
from allauth.account.models import EmailAddress
from innoplatform.accounts.models import User
from innoplatform.municipalities.models import Kommune
from innoplatform.organisations.models import Membership, Organisation
user = User.objects.create_user(email="medlem@skien.example.no", password="{password}")
EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
organisation = Organisation.objects.create(
    name="Skien kommune", slug="skien-kommune", orgnr="938583986", sector="kommune",
    kommune=Kommune.objects.get(number="4003"), verified=True,
)
Membership.objects.create(organisation=organisation, user=user, role="admin", status="approved")
print(organisation.pk)
"""


def member_browser(site) -> tuple:
    """A signed-in admin of Skien kommune's organisation, and the organisation's id."""
    found = site.shell(
        "from innoplatform.organisations.models import Organisation\n"
        "print(Organisation.objects.filter(slug='skien-kommune').values_list('pk', flat=True).first())"
    )
    organisation_pk = found[0] if found != ["None"] else site.shell(MEMBER.format(password=PASSWORD))[0]
    fresh_rate_limits(site)
    browser = site.browser()
    response = browser.post_form("/konto/login/", {"login": "medlem@skien.example.no", "password": PASSWORD})
    assert response.status_code == 302, response.text[:500]
    return browser, organisation_pk


def publish_post(browser, organisation_pk: str, title: str):
    from innoplatform.core.vocabularies import Challenge, ServiceArea

    return browser.post_form(
        "/partnere/nytt/",
        {
            "organisation": organisation_pk,
            "kind": "need",
            "title": title,
            "description": "Vi søker en partner til å prøve ut digitalt tilsyn om natta.",
            "service_areas": ServiceArea.values[0],
            "challenges": Challenge.values[0],
            "expires_on": (date.today() + timedelta(days=30)).isoformat(),
            "whole_country": "on",
            "handling": "publiser",
        },
    )


def posts_titled(site, title: str) -> list[str]:
    return site.shell(
        "from partners.models import CollaborationPost, PostCode\n"
        f"posts = CollaborationPost.objects.filter(title='{title}')\n"
        "print(posts.count(), PostCode.objects.filter(post__in=posts).count())"
    )


def test_a_post_waits_for_a_brief_lock_and_is_published_whole(site):
    browser, organisation_pk = member_browser(site)
    title = "Sensorer for nattilsyn"
    with write_lock(site, "partners_postcode"):
        thread, result = in_background(lambda: publish_post(browser, organisation_pk, title))
        wait_until(lambda: waiting_on_lock(site, "partners_postcode"))
        time.sleep(1.5)
        assert "response" not in result
    thread.join(timeout=60)
    assert result["response"].status_code == 302, result["response"].text[:2000]
    assert posts_titled(site, title) == ["1 2"]


def test_a_worker_killed_while_a_post_is_written_leaves_no_half_post(site):
    browser, organisation_pk = member_browser(site)
    title = "Avbrutt innlegg om velferdsteknologi"
    with write_lock(site, "partners_postcode"):
        thread, result = in_background(lambda: publish_post(browser, organisation_pk, title))
        wait_until(lambda: waiting_on_lock(site, "partners_postcode"))
        site.kill_workers()
        thread.join(timeout=60)
    assert "error" in result or result["response"].status_code >= 500
    assert posts_titled(site, title) == ["0 0"]
    wait_until(lambda: len(site.workers()) == 2)
