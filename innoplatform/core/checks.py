"""Deployment checks of the platform's own: what `manage.py check --deploy` must refuse.

Rate limits (login, sign-up, the platform's own actions) count in the cache. A
cache that lives inside one process gives every gunicorn worker its own counters,
so an attacker who is blocked by one worker simply gets the next: production needs
a cache every worker shares (Redis, or the database cache as the embedded fallback).
"""

from django.conf import settings
from django.core import checks

PROCESS_LOCAL_CACHES = frozenset(
    {
        "django.core.cache.backends.locmem.LocMemCache",
        "django.core.cache.backends.dummy.DummyCache",
    }
)


@checks.register(checks.Tags.caches, deploy=True)
def check_shared_cache(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if backend not in PROCESS_LOCAL_CACHES:
        return []
    return [
        checks.Error(
            f"The default cache ({backend}) is not shared between processes, so rate limits do not hold "
            "across workers.",
            hint="Set REDIS_URL, or use django.core.cache.backends.db.DatabaseCache (the production default "
            "without REDIS_URL).",
            id="core.E001",
        )
    ]


@checks.register(checks.Tags.compatibility, deploy=True)
def check_queued_tasks(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """Immediate tasks run inside the request: a failed e-mail is logged and lost, never retried."""
    backend = settings.TASKS.get("default", {}).get("BACKEND", "")
    if backend != "django_tasks.backends.immediate.ImmediateBackend":
        return []
    return [
        checks.Warning(
            "Background tasks run immediately, so e-mail that fails to send is not retried.",
            hint="Set TASKS_BACKEND=database (the production default) and run `manage.py db_worker`.",
            id="core.W002",
        )
    ]
