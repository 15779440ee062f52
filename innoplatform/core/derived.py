"""Data derived from many rows, kept on the shared cache until the content it comes from changes.

A listing's ordered ids, a facet's counts, the cases related to one case: what would otherwise be
computed from thousands of rows on every request. Each entry names the apps it is read from and holds
their generations (`generations.py`); an entry from an older generation is computed again. The
generations are read before computing, so a value computed while a write commits is stored under the
old generations and never used. Entry and generations come in one round trip to the cache.
`DERIVED_CACHE_SECONDS` bounds every entry (0 computes every time, as the test settings do); an
unreachable cache computes every time and fails nothing.
"""

import hashlib
import logging
from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache

from . import generations

T = TypeVar("T")

logger = logging.getLogger(__name__)


def fragment_seconds(sources: tuple[str, ...]) -> tuple[int, str]:
    """How long a template fragment derived from `sources` may be kept, and a version to key it by.

    For `{% cache seconds name version … %}`: the version holds the sources' generations, so a fragment
    rendered before a change is never shown after it. (0, "") when derived data is off or the cache is down.
    """
    seconds = settings.DERIVED_CACHE_SECONDS
    if seconds <= 0:
        return 0, ""
    try:
        found = cache.get_many([generations.key(source) for source in sources])
        current = generations.fill_missing(found, sources)
    except Exception:
        logger.warning("Derived data could not be read from the cache", exc_info=True)
        return 0, ""
    return seconds, ":".join(current[source] for source in sources)


def remember(name: str, parts: object, sources: tuple[str, ...], compute: Callable[[], T]) -> T:
    """`compute()`, or what it gave for the same `name` and `parts` since the apps in `sources` last changed.

    `parts` must be made of values whose repr is stable (str, int, tuples, sorted lists).
    """
    seconds = settings.DERIVED_CACHE_SECONDS
    if seconds <= 0:
        return compute()
    entry_key = f"derived:{name}:{hashlib.sha256(repr(parts).encode()).hexdigest()}"
    try:
        found = cache.get_many([entry_key, *(generations.key(source) for source in sources)])
        current = generations.fill_missing(found, sources)
    except Exception:
        logger.warning("Derived data could not be read from the cache", exc_info=True)
        return compute()
    stored = found.get(entry_key)
    if stored is not None and stored[0] == current:
        return stored[1]
    value = compute()
    try:
        cache.set(entry_key, (current, value), seconds)
    except Exception:
        logger.warning("Derived data could not be written to the cache", exc_info=True)
    return value
