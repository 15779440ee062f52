"""The search's public functions: keep the index in step, search, suggest, and rank one type's objects.

The database index is always written. When `ELASTICSEARCH_URL` is set the
cluster gets the same documents and answers the searches; if it is unreachable
or errors, the database answers, the failure is logged and the results say so
(`degraded`), and the user gets results with a discreet notice, never an error.
"""

import logging

from django.conf import settings

from . import indexing
from .backends.base import SearchBackend, SearchRequest, SearchResults, Suggestion
from .backends.database import DatabaseBackend
from .models import SearchDocument
from .query import parse

logger = logging.getLogger(__name__)

MAX_RANKED = 10_000


def database_backend() -> DatabaseBackend:
    return DatabaseBackend()


def configured_backend() -> SearchBackend:
    """Elasticsearch when a cluster is configured, else the database."""
    if getattr(settings, "ELASTICSEARCH_URL", ""):
        from .backends.elastic import ElasticsearchBackend

        return ElasticsearchBackend.from_settings()
    return database_backend()


def _with_fallback(call, fallback):
    backend = configured_backend()
    if isinstance(backend, DatabaseBackend):
        return call(backend), False
    from .backends.elastic import ElasticsearchUnavailable, paused_for

    if paused_for():  # a recent failure: the cluster is given a rest, the failure is already logged
        return fallback(database_backend()), True
    try:
        return call(backend), False
    except ElasticsearchUnavailable as error:
        logger.warning("Elasticsearch failed, the database search answers instead: %s", error)
    except Exception:  # a failing cluster must never reach the user; the database answers
        logger.warning("Elasticsearch failed, the database search answers instead", exc_info=True)
    return fallback(database_backend()), True


def search(request: SearchRequest) -> SearchResults:
    results, degraded = _with_fallback(lambda backend: backend.search(request), lambda db: db.search(request))
    if degraded:
        return SearchResults(**{**results.__dict__, "degraded": True})
    return results


def suggest(text: str, limit: int = 6) -> list[Suggestion]:
    query = parse(text, prefix_last=True)
    suggestions, _degraded = _with_fallback(
        lambda backend: backend.suggest(query, limit), lambda db: db.suggest(query, limit)
    )
    return suggestions


def ranked_ids(doc_type: str, text: str) -> list[int] | None:
    """Object ids of one type matching `text`, best first; None when `text` holds no word to search for.

    Used by the content apps' own listings (the case index) to filter and order by relevance.
    """
    query = parse(text)
    if query.is_empty:
        return None
    ids, _degraded = _with_fallback(
        lambda backend: backend.ranked_ids(doc_type, query, MAX_RANKED),
        lambda db: db.ranked_ids(doc_type, query, MAX_RANKED),
    )
    return ids


def update_object(doc_type: str, object_id: int) -> None:
    """Index or remove one object in the database, and mirror it to the cluster when one is configured."""
    row = indexing.update_object(doc_type, object_id)
    _mirror(doc_type, object_id, row)


def _mirror(doc_type: str, object_id: int, row: SearchDocument | None) -> None:
    if not getattr(settings, "ELASTICSEARCH_URL", ""):
        return
    from .backends.elastic import ElasticsearchBackend

    try:
        backend = ElasticsearchBackend.from_settings()
        if row is None:
            backend.delete_document(doc_type, object_id)
        else:
            backend.index_documents([row])
    except Exception:  # the database index is written; `search_index rebuild --backend elasticsearch` catches up
        logger.warning("Could not update %s %s in Elasticsearch", doc_type, object_id, exc_info=True)
