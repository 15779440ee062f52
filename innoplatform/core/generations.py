"""Content generations on the shared cache: how every app server learns that what it derived is out of date.

Any committed write through the ORM starts a new generation for the whole site and for the app whose
model was written, once per commit however many rows it wrote. Sessions, the task queue, the
admin log and content types are left out: they are never shown. So are models that declare
`renews_content_generation = False`, tables written in bulk whose writers renew the generation
themselves; without a receiver, Django deletes their rows without loading them. The page cache
(`page_cache.py`) keys whole pages by the site's generation; derived data (`derived.py`) by the
generations of the apps it is read from. Writes outside the ORM call `invalidate(app)` themselves.
"""

import logging
import secrets

from django.apps import apps as registry
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

SITE = "site"
PENDING = "_content_generation_pending"
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


def _flush_pending() -> None:
    """Renew the generations of the apps written since the last renewal; the later calls find nothing to do."""
    connection = transaction.get_connection()
    pending = getattr(connection, PENDING, None)
    if not pending:
        return
    setattr(connection, PENDING, set())
    invalidate(*sorted(pending))


def _content_changed(sender, **kwargs) -> None:
    """Note the written model's app and ask for a renewal after the commit.

    Every write asks, but the first renewal after the commit takes all the apps noted, so a transaction
    that writes thousands of rows writes the cache once. Outside a transaction the renewal runs at once.
    """
    connection = transaction.get_connection()
    pending = getattr(connection, PENDING, None)
    if pending is None:
        pending = set()
        setattr(connection, PENDING, pending)
    pending.add(sender._meta.app_label)
    transaction.on_commit(_flush_pending)


def connect_signals() -> None:
    """Listen to the writes of every shown model (called once all models are loaded)."""
    for model in registry.get_models(include_auto_created=True):
        if model._meta.app_label in UNSHOWN_APPS or not getattr(model, "renews_content_generation", True):
            continue
        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(
                _content_changed, sender=model, dispatch_uid=f"content-generation-{signal}-{model._meta.label}"
            )
