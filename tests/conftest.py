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
