"""Test settings: fast hashing, local memory cache, e-mail delivered to mail.outbox, immediate tasks."""

from .base import *

DEBUG = False
SECRET_KEY = "test-only-key-not-secret-0123456789abcdefghijklmnopqrstuvwxyz"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Rolled-back test transactions send no signal the caches could follow: tests/core/test_page_cache.py and
# tests/core/test_derived.py turn them on and clear the cache themselves.
PAGE_CACHE_SECONDS = 0
DERIVED_CACHE_SECONDS = 0
STAFF_MFA_REQUIRED_BY_DEFAULT = False  # tests/accounts/test_mfa_required.py turns the requirement on

# Serve static files from the app folders without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
