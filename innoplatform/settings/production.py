"""Production: refuses to start without a real secret key; TLS and HSTS on; a cache every worker shares."""

from django.core.exceptions import ImproperlyConfigured

from .base import *
from .base import env

if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("SECRET_KEY must be set to a random value of at least 50 characters.")

DEBUG = False

# Rate limits count in the cache, so every worker must see the same counters:
# Redis when REDIS_URL is set, otherwise the database (`manage.py createcachetable`,
# which `migrate` runs through the core app). `check --deploy` refuses a per-process cache.
if not env("REDIS_URL"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "innoplatform_cache"}}

# Mail waits in the database queue (`manage.py db_worker`) so it can be retried when SMTP fails.
TASKS = {
    "default": {
        "BACKEND": {
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
            "database": "django_tasks_db.DatabaseBackend",
        }[env("TASKS_BACKEND", default="database")]
    }
}
# Search documents are written by a task after the editor's transaction commits (see search/sync.py).
SEARCH_SYNC = env("SEARCH_SYNC", default="task")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# The rate limits count per visitor's address: behind the reverse proxy (docs/deployment.md) that is the
# last address the proxies add to X-Forwarded-For. TRUSTED_PROXY_COUNT is how many proxies you control.
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=1)
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
