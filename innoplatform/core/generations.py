"""Content generations on the shared cache: how every app server learns that what it derived is out of date.

Any committed write through the ORM starts a new generation for the whole site and for the app whose
model was written. Sessions, the task queue, the admin log and content types are left out: they are
never shown. The page cache (`page_cache.py`) keys whole pages by the site's generation; derived data
(`derived.py`) by the generations of the apps it is read from. Writes outside the ORM, such as the
bulk SQL of an SSB import, call `invalidate(app)` themselves.
"""

import logging
import secrets

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

SITE = "site"
UNSHOWN_APPS = frozenset({"sessions", "django_tasks_database", "admin", "contenttypes"})

logger = logging.getLogger(__name__)


def key(name: str) -> str:
    return f"content-generation:{name}"


def invalidate(*apps: str) -> None:
    """Start a new generation for the site and for `apps`: nothing derived before now is used again.

    Runs after the write has committed: an unreachable cache must not turn a saved change into an
    error page, and serves nothing stale, since nothing is then read from it either.
    """
    token = secrets.token_hex(8)
    try:
        cache.set_many({key(name): token for name in (SITE, *apps)}, None)
    except Exception:
        logger.warning("The content generation could not be renewed", exc_info=True)


def fill_missing(found: dict, names: tuple[str, ...]) -> dict[str, str]:
    """The generations of `names`, given what one `get_many` found; a missing one is started (once, by `add`)."""
    generations = {}
    for name in names:
        generation = found.get(key(name))
        if generation is None:
            generation = cache.get_or_set(key(name), lambda: secrets.token_hex(8), None)
        generations[name] = generation
    return generations


def _content_changed(sender, **kwargs) -> None:
    # Migrations' historical models (module "__fake__") write before the cache table exists.
    app = sender._meta.app_label
    if sender.__module__ != "__fake__" and app not in UNSHOWN_APPS:
        transaction.on_commit(lambda: invalidate(app))


def connect_signals() -> None:
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_content_changed, dispatch_uid=f"content-generation-{signal}")
