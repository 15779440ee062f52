"""The Elasticsearch backend: the same documents as the database index, searched by a cluster.

Each content language has its own index behind an alias (`innoplatform-nb`,
`innoplatform-nn`, `innoplatform-en`), and a search runs over all three, each
index reading the query with its own analysis (`elastic_mappings`). A rebuild
copies the database index, which is always current, into new versioned indices
and then moves the aliases to them in one step, so search is never empty.

Every call to the cluster goes through `_call`: errors become
`ElasticsearchUnavailable` with a readable message, and after a failure the
cluster is skipped for `PAUSE_SECONDS` (a timestamp in the Django cache shared
by every process), so that while it is down each request falls back to the
database at once instead of waiting for a timeout.
"""

import datetime
import time
from collections import Counter
from collections.abc import Callable, Iterable
from contextlib import suppress
from functools import lru_cache, partial
from typing import Any, TypeVar
from urllib.parse import urlsplit, urlunsplit

from elasticsearch import ApiError, ConnectionTimeout, Elasticsearch, TransportError
from elasticsearch import ConnectionError as TransportConnectionError
from elasticsearch_dsl import A, Q, Search
from elasticsearch_dsl.query import Query

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from .. import analysis
from ..indexing import Progress
from ..models import SearchDocument
from ..query import ParsedQuery
from ..registry import indexed_types
from .base import Hit, SearchRequest, SearchResults, Suggestion
from .elastic_mappings import LANGUAGES, document_id, index_body, language_of, source

T = TypeVar("T")

PAUSE_SECONDS = 30
PAUSE_KEY = "search:elasticsearch:paused-until"
BATCH = 500
ADMIN_TIMEOUT = 120.0
"""Seconds for the rebuild's bulk writes, which take longer than a search."""

SEARCH_FIELDS = ("title^10", "summary^4", "body")
TEXT_FIELDS = ("title", "summary", "body")
SOURCE_FIELDS = ("doc_type", "object_id", "title", "url", "slug", "summary", "body", "date", "facets")
HIGHLIGHT_FIELDS = ("summary", "body")
"""The fields a snippet is taken from, in order of preference; a title-only match gets the plain snippet."""
FACET_SIZE = 200
TYPE_SIZE = 50


class ElasticsearchUnavailable(Exception):
    """The cluster could not be reached or answered with an error; the message says which and why."""


def paused_for() -> float:
    """Seconds left of the pause after a failure (0 when the cluster may be called)."""
    until = cache.get(PAUSE_KEY)
    return max(0.0, until - time.time()) if until else 0.0


def pause() -> None:
    cache.set(PAUSE_KEY, time.time() + PAUSE_SECONDS, PAUSE_SECONDS)


def resume() -> None:
    cache.delete(PAUSE_KEY)


def without_credentials(url: str) -> str:
    """The cluster's address as it may be shown and logged: any user name and password taken out."""
    parts = urlsplit(url)
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urlunsplit(parts._replace(netloc=netloc))


def describe(error: Exception, url: str) -> str:
    """What went wrong, in words an administrator can act on (never with the cluster's password)."""
    message = _describe(error, without_credentials(url))
    return message.replace(url, without_credentials(url))


def _describe(error: Exception, url: str) -> str:
    if isinstance(error, ConnectionTimeout):
        return f"Elasticsearch på {url} svarte ikke i tide ({error.message})"
    if isinstance(error, TransportConnectionError):
        return f"Ingen forbindelse med Elasticsearch på {url} ({error.message})"
    if isinstance(error, ApiError):
        reason = ""
        if isinstance(error.body, dict) and isinstance(error.body.get("error"), dict):
            reason = error.body["error"].get("reason") or ""
        return f"Elasticsearch på {url} svarte {error.status_code} {error.message}" + (f": {reason}" if reason else "")
    return f"Elasticsearch på {url}: {error}"


@lru_cache(maxsize=4)
def client_for(url: str, timeout: float) -> Elasticsearch:
    """One client (and connection pool) per cluster; no retries, since a failure falls back to the database."""
    return Elasticsearch(url, request_timeout=timeout, max_retries=0, retry_on_timeout=False)


def bulk_operations(rows: Iterable[SearchDocument], targets: dict[str, str], *, elsewhere: bool = True) -> list[dict]:
    """Bulk actions writing each row into its language's index (`targets`: language → index or alias).

    With `elsewhere`, the row is also deleted from the other languages' indices,
    in case its language changed since it was last written.
    """
    operations: list[dict] = []
    for row in rows:
        language, _id = language_of(row), document_id(row.doc_type, row.object_id)
        operations += [{"index": {"_index": targets[language], "_id": _id}}, source(row)]
        if elsewhere:
            operations += [
                {"delete": {"_index": index, "_id": _id}} for lang, index in targets.items() if lang != language
            ]
    return operations


def bulk_failures(response: dict) -> list[tuple[str, dict]]:
    """The failed items of a bulk response as (action, item); deleting what is not there is no failure."""
    failures = []
    for item in response.get("items", []):
        ((action, result),) = item.items()
        if "error" in result and not (action == "delete" and result.get("status") == 404):
            failures.append((action, result))
    return failures


def word_query(word: str) -> Query:
    """One word in any of the text fields; a word of six letters or more may be one typing error off."""
    params: dict[str, Any] = {"query": word, "fields": list(SEARCH_FIELDS), "type": "best_fields"}
    if len(word) >= analysis.MIN_TYPO_LENGTH:
        params.update(fuzziness=1, prefix_length=1)
    return Q("multi_match", **params)


def text_query(query: ParsedQuery, *, every_word: bool = True) -> Query:
    """Every word of the query (each in any field), or with `every_word=False` any of them."""
    clauses = [word_query(group.word) for group in query.groups]
    if every_word:
        return Q("bool", must=clauses)
    return Q("bool", should=clauses, minimum_should_match=1)


def still_public() -> Query:
    """Documents without a last day (most), or whose last day (a partner post's) is today or later."""
    return Q(
        "bool",
        should=[
            Q("bool", must_not=Q("exists", field="expires_on")),
            Q("range", expires_on={"gte": timezone.localdate().isoformat()}),
        ],
        minimum_should_match=1,
    )


def request_filters(request: SearchRequest) -> list[tuple[str, Query]]:
    """(facet parameter, or "" for the type, and its filter): OR within one facet, AND across them."""
    filters: list[tuple[str, Query]] = []
    if request.doc_type:
        filters.append(("", Q("term", doc_type=request.doc_type)))
    for param, values in request.filters.items():
        if values:
            filters.append((param, Q("terms", **{f"facets.{param}": list(values)})))
    return filters


class ElasticsearchBackend:
    name = "elasticsearch"

    def __init__(self, client: Elasticsearch, prefix: str = "innoplatform", url: str = "") -> None:
        self.client = client
        self.prefix = prefix
        self._address = url
        self.url = without_credentials(url)

    @classmethod
    def from_settings(cls) -> "ElasticsearchBackend":
        url = settings.ELASTICSEARCH_URL
        timeout = float(getattr(settings, "ELASTICSEARCH_TIMEOUT", 2.0))
        prefix = getattr(settings, "ELASTICSEARCH_INDEX_PREFIX", "") or "innoplatform"
        return cls(client_for(url, timeout), prefix=prefix, url=url)

    # Names

    def alias(self, language: str) -> str:
        return f"{self.prefix}-{language}"

    @property
    def aliases(self) -> dict[str, str]:
        return {language: self.alias(language) for language in LANGUAGES}

    @property
    def search_index(self) -> str:
        return ",".join(self.aliases.values())

    # Calling the cluster

    def _call(self, action: Callable[[], T], *, guarded: bool = True) -> T:
        """Run one request; `guarded` requests are skipped while the cluster is paused after a failure.

        The administrator's commands (rebuild, status) are not guarded: they are
        how one finds out whether the cluster is back.
        """
        if guarded and (left := paused_for()):
            raise ElasticsearchUnavailable(f"Elasticsearch på {self.url} hoppes over i {left:.0f} s til etter en feil")
        try:
            return action()
        except (ApiError, TransportError) as error:
            pause()
            raise ElasticsearchUnavailable(describe(error, self._address)) from error

    def _execute(self, search: Search, *, guarded: bool = True):
        return self._call(lambda: search.using(self.client).execute(), guarded=guarded)

    # Searching

    def search_body(self, request: SearchRequest, *, every_word: bool = True) -> Search:
        """The request for one page of hits, the type counts and the facet counts.

        The type and facet filters go in `post_filter`, so the `types` aggregation
        counts every type; each facet is counted under the other facets' filters.
        """
        search = Search(index=self.search_index).query(text_query(request.query, every_word=every_word))
        search = search.filter(still_public())
        filters = request_filters(request)
        if filters:
            search = search.post_filter(Q("bool", filter=[query for _param, query in filters]))
        search.aggs.bucket("types", "terms", field="doc_type", size=TYPE_SIZE)
        for param in request.facet_params:
            others = [query for other, query in filters if other != param]
            facet = A("filter", Q("bool", filter=others) if others else Q("match_all"))
            facet.bucket("values", "terms", field=f"facets.{param}", size=FACET_SIZE)
            search.aggs.bucket(f"facet:{param}", facet)
        search = search.source(list(SOURCE_FIELDS)).highlight_options(
            encoder="html",
            pre_tags=["<mark>"],
            post_tags=["</mark>"],
            fragment_size=200,
            number_of_fragments=1,
            max_analyzed_offset=500_000,
        )
        search = search.highlight(*HIGHLIGHT_FIELDS).extra(track_total_hits=True)
        return search[request.offset : request.offset + request.limit]

    def search(self, request: SearchRequest) -> SearchResults:
        if request.query.is_empty:
            return SearchResults(count=0, hits=[], backend=self.name)
        response = self._execute(self.search_body(request))
        any_word = False
        if response.hits.total.value == 0 and len(request.query.groups) > 1:
            response = self._execute(self.search_body(request, every_word=False))
            any_word = response.hits.total.value > 0
        aggregations = response.aggregations.to_dict() if "aggregations" in response else {}
        return SearchResults(
            count=response.hits.total.value,
            hits=[_hit(hit) for hit in response.hits],
            type_counts={bucket["key"]: bucket["doc_count"] for bucket in aggregations["types"]["buckets"]},
            facet_counts={
                param: {
                    str(bucket["key"]): bucket["doc_count"]
                    for bucket in aggregations[f"facet:{param}"]["values"]["buckets"]
                }
                for param in request.facet_params
            },
            any_word=any_word,
            backend=self.name,
        )

    def suggest_body(self, query: ParsedQuery, limit: int) -> Search:
        """A completion suggester on the titles, forgiving one typing error once six letters are typed."""
        fuzzy = {"fuzziness": 1, "min_length": analysis.MIN_TYPO_LENGTH, "prefix_length": 1}
        completion = {"field": "suggest", "size": limit, "skip_duplicates": True, "fuzzy": fuzzy}
        search = Search(index=self.search_index).source(["doc_type", "title", "url", "expires_on"]).extra(size=0)
        return search.suggest("titles", query.text, completion=completion)

    def suggest(self, query: ParsedQuery, limit: int) -> list[Suggestion]:
        if query.is_empty:
            return []
        response = self._execute(self.suggest_body(query, limit))
        suggestions: dict[tuple[str, str], Suggestion] = {}
        today = timezone.localdate().isoformat()
        for entry in response.to_dict().get("suggest", {}).get("titles", []):
            for option in entry["options"]:
                found = option["_source"]
                if (found.get("expires_on") or "9999") < today:
                    continue  # a partner post past its last day, not yet taken out
                key = (found["doc_type"], found["url"])
                suggestions.setdefault(
                    key, Suggestion(doc_type=found["doc_type"], title=found["title"], url=found["url"])
                )
        return list(suggestions.values())[:limit]

    def ranked_body(self, doc_type: str, query: ParsedQuery, limit: int, *, every_word: bool = True) -> Search:
        search = Search(index=self.search_index).query(text_query(query, every_word=every_word))
        return (
            search.filter(still_public())
            .filter("term", doc_type=doc_type)
            .source(["object_id"])
            .extra(track_total_hits=False)[:limit]
        )

    def ranked_ids(self, doc_type: str, query: ParsedQuery, limit: int) -> list[int]:
        """Object ids of one type, best match first: every word if any document has them all, else any word."""
        if query.is_empty:
            return []
        for every_word in (True, False) if len(query.groups) > 1 else (True,):
            response = self._execute(self.ranked_body(doc_type, query, limit, every_word=every_word))
            if ids := [hit.object_id for hit in response.hits]:
                return ids
        return []

    def more_like_this_body(
        self, doc_type: str, object_id: int, language: str, limit: int, types: tuple[str, ...] = ()
    ) -> Search:
        like = {"_index": self.alias(language), "_id": document_id(doc_type, object_id)}
        search = Search(index=self.search_index).query(
            "more_like_this",
            fields=list(TEXT_FIELDS),
            like=[like],
            min_term_freq=1,
            min_doc_freq=1,
            max_query_terms=25,
            minimum_should_match="30%",
        )
        if types:
            search = search.filter("terms", doc_type=list(types))
        return search.source(["doc_type", "object_id"])[:limit]

    def more_like_this(
        self, doc_type: str, object_id: int, limit: int, types: tuple[str, ...] = ()
    ) -> list[tuple[str, int]]:
        """(type, id) of the documents whose text is most like this object's (itself left out), optionally of `types`."""
        row = SearchDocument.objects.filter(doc_type=doc_type, object_id=object_id).only("language").first()
        if row is None:
            return []
        response = self._execute(self.more_like_this_body(doc_type, object_id, language_of(row), limit, types))
        return [(hit.doc_type, hit.object_id) for hit in response.hits]

    # Writing

    def index_documents(self, rows: list[SearchDocument]) -> None:
        """Write rows of the database index into the cluster, creating the indices the first time."""
        if not rows:
            return
        operations = bulk_operations(rows, self.aliases)
        response = self._call(lambda: self.client.bulk(operations=operations, require_alias=True))
        failures = bulk_failures(response)
        if failures and all(result["error"].get("type") == "index_not_found_exception" for _a, result in failures):
            self.ensure_indices()
            response = self._call(lambda: self.client.bulk(operations=operations, require_alias=True))
            failures = bulk_failures(response)
        if failures:
            action, result = failures[0]
            raise ElasticsearchUnavailable(
                f"{len(failures)} av {len(rows)} dokumenter ble ikke skrevet til Elasticsearch "
                f"({action} {result.get('_id')}: {result['error'].get('reason')})"
            )

    def delete_document(self, doc_type: str, object_id: int) -> None:
        _id = document_id(doc_type, object_id)
        operations = [{"delete": {"_index": alias, "_id": _id}} for alias in self.aliases.values()]
        response = self._call(lambda: self.client.bulk(operations=operations))
        if failures := bulk_failures(response):
            raise ElasticsearchUnavailable(
                f"{_id} ble ikke slettet i Elasticsearch: {failures[0][1]['error'].get('reason')}"
            )

    def ensure_indices(self) -> None:
        """Create an empty versioned index behind every language alias that has none yet."""
        version = _version()
        for language, targets in self._alias_targets(guarded=True).items():
            if not targets:
                alias = self.alias(language)
                self._call(partial(self._create, f"{alias}-v{version}", language, aliases={alias: {}}))

    def _create(self, name: str, language: str, aliases: dict | None = None):
        body = index_body(language)
        return self.client.indices.create(index=name, aliases=aliases, **body)

    def _alias_targets(self, *, guarded: bool = False) -> dict[str, list[str]]:
        """Language → the indices its alias points to now (none for an alias not created yet)."""
        found = self._call(
            lambda: self.client.options(ignore_status=404).indices.get_alias(name=self.search_index), guarded=guarded
        )
        languages = {alias: language for language, alias in self.aliases.items()}
        targets: dict[str, list[str]] = {language: [] for language in LANGUAGES}
        for index, details in found.body.items():
            for alias in details.get("aliases", {}) if isinstance(details, dict) else ():
                if alias in languages:
                    targets[languages[alias]].append(index)
        return targets

    def rebuild(self, doc_types: list[str] | None = None, progress: Progress | None = None) -> dict[str, int]:
        """Copy the database index into new indices, then move the aliases to them and drop the old ones.

        The database index is current for every type, so the new indices hold every
        type; `doc_types` only chooses which counts are reported. Should anything
        fail before the aliases move, the new indices are dropped and the old ones
        keep answering. Changes made while the copy ran are sent again afterwards.
        """
        started = timezone.now()
        version = _version()
        new = {language: f"{alias}-v{version}" for language, alias in self.aliases.items()}
        admin = self.client.options(request_timeout=ADMIN_TIMEOUT)
        written: Counter[str] = Counter()
        keys: set[tuple[str, int]] = set()
        try:
            for language, name in new.items():
                self._call(partial(self._create, name, language), guarded=False)
            total = SearchDocument.objects.count()
            rows = SearchDocument.objects.defer("title_terms", "summary_terms", "body_terms", "words").order_by("pk")
            for batch in _batches(rows):
                operations = bulk_operations(batch, new, elsewhere=False)
                response = self._call(partial(admin.bulk, operations=operations), guarded=False)
                if failures := bulk_failures(response):
                    reason = failures[0][1]["error"].get("reason")
                    raise ElasticsearchUnavailable(
                        f"{len(failures)} dokumenter ble ikke skrevet til Elasticsearch: {reason}"
                    )
                written.update(row.doc_type for row in batch)
                keys.update((row.doc_type, row.object_id) for row in batch)
                if progress:
                    progress(sum(written.values()), total)
            self._call(lambda: admin.indices.refresh(index=",".join(new.values())), guarded=False)
            old = self._alias_targets()
            actions = [
                {"remove": {"index": index, "alias": self.alias(language)}}
                for language, indices in old.items()
                for index in indices
            ]
            actions += [{"add": {"index": new[language], "alias": alias}} for language, alias in self.aliases.items()]
            self._call(lambda: admin.indices.update_aliases(actions=actions), guarded=False)
        except BaseException:
            with suppress(ApiError, TransportError):
                self.client.options(ignore_status=404).indices.delete(index=",".join(new.values()))
            raise
        if stale := [index for indices in old.values() for index in indices]:
            self._call(lambda: admin.indices.delete(index=",".join(stale)), guarded=False)
        resume()
        self._catch_up(started, keys)
        if doc_types is None:
            return {**{indexed.doc_type: 0 for indexed in indexed_types()}, **written}
        return {doc_type: written.get(doc_type, 0) for doc_type in doc_types}

    def _catch_up(self, started: datetime.datetime, keys: set[tuple[str, int]]) -> None:
        """Send again what changed in the database while the rebuild copied it, and drop what was removed."""
        changed = list(SearchDocument.objects.filter(indexed_at__gte=started))
        self.index_documents(changed)
        current = set(SearchDocument.objects.values_list("doc_type", "object_id"))
        for doc_type, object_id in keys - current:
            self.delete_document(doc_type, object_id)

    def status(self) -> dict[str, int]:
        """Documents per type in the cluster."""
        search = Search(index=self.search_index).extra(size=0, track_total_hits=True)
        search.aggs.bucket("types", "terms", field="doc_type", size=TYPE_SIZE)
        response = self._execute(search, guarded=False)
        resume()
        held = {bucket.key: bucket.doc_count for bucket in response.aggregations.types.buckets}
        return {**{indexed.doc_type: 0 for indexed in indexed_types()}, **held}


def _version() -> str:
    return timezone.now().strftime("%Y%m%d%H%M%S%f")


def _batches(rows) -> Iterable[list[SearchDocument]]:
    last = None
    while True:
        batch = list((rows.filter(pk__gt=last) if last is not None else rows)[:BATCH])
        if not batch:
            return
        yield batch
        last = batch[-1].pk


def _hit(hit) -> Hit:
    found = hit.to_dict()
    highlight = hit.meta.to_dict().get("highlight", {})
    fragments = next((highlight[name] for name in HIGHLIGHT_FIELDS if highlight.get(name)), [])
    return Hit(
        doc_type=found["doc_type"],
        object_id=found["object_id"],
        title=found["title"],
        url=found["url"],
        slug=found.get("slug") or "",
        summary=found.get("summary") or "",
        body=found.get("body") or "",
        score=round(float(hit.meta.score or 0.0), 4),
        date=datetime.date.fromisoformat(found["date"]) if found.get("date") else None,
        facets=found.get("facets") or {},
        highlight=" … ".join(fragments),
    )
