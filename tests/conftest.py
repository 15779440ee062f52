"""Fixtures shared by the whole suite."""

import pytest

from innoplatform.accounts.factories import DEFAULT_PASSWORD, UserFactory
from innoplatform.core.site_setup import ensure_home_page


@pytest.fixture
def home_page(db):
    return ensure_home_page()


@pytest.fixture
def user(db):
    return UserFactory()


@pytest.fixture
def password():
    return DEFAULT_PASSWORD


@pytest.fixture
def logged_in_client(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def admin_client(client, home_page):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


@pytest.fixture(autouse=True)
def _mail_through_the_queue(settings):
    """Django's test set-up swaps EMAIL_BACKEND for its outbox; put the platform's queue back in front of it,
    so tests see mail only after commit (use `django_capture_on_commit_callbacks(execute=True)`)."""
    settings.EMAIL_BACKEND = "innoplatform.core.mail.QueuedEmailBackend"


@pytest.fixture(autouse=True)
def _clear_cache():
    """Rate-limit counters live in the cache; every test starts with fresh ones."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


SKIPPED_FOR_MISSING_SSB_DATA: list[str] = []


def pytest_runtest_logreport(report):
    """Note every test that skipped because a real SSB file was missing."""
    if (
        report.skipped
        and isinstance(report.longrepr, tuple)
        and any(word in str(report.longrepr[2]) for word in ("SSB", "KOSTRA"))
    ):
        SKIPPED_FOR_MISSING_SSB_DATA.append(report.nodeid)


def pytest_sessionfinish(session, exitstatus):
    """With SSB_DATA_REQUIRED set (as .ci/run sets it), a test that skipped for missing SSB data fails the run."""
    import os

    if os.environ.get("SSB_DATA_REQUIRED") and SKIPPED_FOR_MISSING_SSB_DATA:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        reporter.write_line(
            f"SSB_DATA_REQUIRED: {len(SKIPPED_FOR_MISSING_SSB_DATA)} test(s) skipped for missing SSB files "
            f"(SSB_DATA_DIR={os.environ.get('SSB_DATA_DIR', '')}):",
            red=True,
        )
        for nodeid in SKIPPED_FOR_MISSING_SSB_DATA:
            reporter.write_line(f"  {nodeid}", red=True)
        session.exitstatus = 1
