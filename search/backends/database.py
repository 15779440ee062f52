"""The database backend: the embedded default and always maintained.

SQLite matches through an FTS5 table and ranks with its BM25 (`bm25()`), PostgreSQL
through a weighted `tsvector` with the Norwegian Snowball configuration and `ts_rank`;
both over the terms `indexing` wrote, so that stemming, nynorsk spellings and
compound parts are the same on either. Title weighs more than summary, summary
more than body. Every query is a fixed handful of SQL statements whatever the
size of the index: count, type counts, one page of hits, and the facet counts
(one statement for the facets without a chosen value, one per facet with one).
"""

import datetime
import json
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import connection
from django.utils import timezone

from ..query import ParsedQuery, TermGroup
from .base import Hit, SearchRequest, SearchResults, Suggestion

TABLE = "search_searchdocument"
FACETS = "search_searchfacet"
WEIGHTS = {"title": 10.0, "summary": 4.0, "body": 1.0}
PG_CONFIG = "innoplatform_norwegian"
"""PostgreSQL's Norwegian Snowball configuration without its stop-word list (search/migrations/0002_full_text.py)."""
HIT_COLUMNS = "d.doc_type, d.object_id, d.title, d.url, d.slug, d.summary, d.body, d.date, d.facets"


class SQLiteDialect:
    """FTS5 query syntax; the FTS table `search_fts` mirrors the terms columns through triggers."""

    source = f"search_fts CROSS JOIN {TABLE} d ON d.id = search_fts.rowid"
    """CROSS JOIN keeps SQLite's order: the full-text match first, whatever the statistics say."""
    match = "search_fts MATCH %s"
    score = "-bm25(search_fts, {title}, {summary}, {body})".format(**WEIGHTS)

    @staticmethod
    def term(term: str) -> str:
        return f'"{term}"'

    @staticmethod
    def prefix(word: str) -> str:
        return f'"{word}"*'

    conjunction, disjunction = " AND ", " OR "


class PostgresDialect:
    """`to_tsquery` syntax over the generated, weighted `search_vector` column (GIN-indexed)."""

    source = f"{TABLE} d"
    match = f"d.search_vector @@ to_tsquery('{PG_CONFIG}', %s)"
    score = f"ts_rank('{{0.1, 0.4, 0.4, 1.0}}', d.search_vector, to_tsquery('{PG_CONFIG}', %s), 1)"

    @staticmethod
    def term(term: str) -> str:
        return f"'{term}'"

    @staticmethod
    def prefix(word: str) -> str:
        return f"'{word}':*"

    conjunction, disjunction = " & ", " | "


def dialect():
    return PostgresDialect if connection.vendor == "postgresql" else SQLiteDialect


def group_expression(group: TermGroup, sql=None) -> str:
    sql = sql or dialect()
    alternatives = [sql.term(term) for term in group.terms]
    if group.parts:
        alternatives.append("(" + sql.conjunction.join(sql.term(part) for part in group.parts) + ")")
    if group.prefix:
        alternatives.append(sql.prefix(group.prefix))
    return "(" + sql.disjunction.join(alternatives) + ")"


def match_expression(query: ParsedQuery, *, every_word: bool = True, sql=None) -> str:
    """The full-text expression of a query: every word's group (or any of them)."""
    sql = sql or dialect()
    joiner = sql.conjunction if every_word else sql.disjunction
    return joiner.join(group_expression(group, sql) for group in query.groups)


@dataclass
class _Where:
    sql: str
    params: list


def _conditions(request: SearchRequest, expression: str, *, skip: str | None = None, typed: bool = True) -> _Where:
    """The match, the last public day, the type (unless `typed` is off) and every facet filter but `skip`."""
    sql = dialect()
    clauses, params = [sql.match, "(d.expires_on IS NULL OR d.expires_on >= %s)"], [expression, timezone.localdate()]
    if typed and request.doc_type:
        clauses.append("d.doc_type = %s")
        params.append(request.doc_type)
    for param, values in request.filters.items():
        if param == skip or not values:
            continue
        placeholders = ", ".join(["%s"] * len(values))
        clauses.append(f"d.id IN (SELECT document_id FROM {FACETS} WHERE key = %s AND value IN ({placeholders}))")
        params += [param, *values]
    return _Where(" AND ".join(clauses), params)


def _fetch(statement: str, params: Sequence) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        return cursor.fetchall()


def _count(request: SearchRequest, expression: str) -> int:
    where = _conditions(request, expression)
    return _fetch(f"SELECT COUNT(*) FROM {dialect().source} WHERE {where.sql}", where.params)[0][0]


def _score_params(expression: str) -> list[str]:
    """PostgreSQL's rank repeats the query; SQLite's bm25() reads it from the MATCH."""
    return [expression] if dialect() is PostgresDialect else []


def _hits(request: SearchRequest, expression: str) -> list[Hit]:
    where = _conditions(request, expression)
    rows = _fetch(
        f"SELECT {HIT_COLUMNS}, {dialect().score} AS score FROM {dialect().source} WHERE {where.sql} "
        "ORDER BY score DESC, d.id LIMIT %s OFFSET %s",
        [*_score_params(expression), *where.params, request.limit, request.offset],
    )
    return [_hit(row) for row in rows]


def _hit(row: tuple) -> Hit:
    doc_type, object_id, title, url, slug, summary, body, date, facets, score = row
    if isinstance(facets, str):  # SQLite returns JSON and dates as text
        facets = json.loads(facets)
    if isinstance(date, str):
        date = datetime.date.fromisoformat(date)
    return Hit(
        doc_type=doc_type,
        object_id=object_id,
        title=title,
        url=url,
        slug=slug,
        summary=summary,
        body=body,
        score=round(float(score), 4),
        date=date,
        facets=facets or {},
    )


def _type_counts_and_count(request: SearchRequest, expression: str) -> tuple[dict[str, int], int]:
    """Hits per type, and the number of hits for the request; without facet filters the second is read off the first."""
    types = _type_counts(request, expression)
    if any(request.filters.values()):
        return types, _count(request, expression)
    return types, types.get(request.doc_type, 0) if request.doc_type else sum(types.values())


def _type_counts(request: SearchRequest, expression: str) -> dict[str, int]:
    where = _conditions(SearchRequest(query=request.query), expression, typed=False)
    rows = _fetch(
        f"SELECT d.doc_type, COUNT(*) FROM {dialect().source} WHERE {where.sql} GROUP BY d.doc_type", where.params
    )
    return dict(rows)


def _facet_counts(request: SearchRequest, expression: str) -> dict[str, dict[str, int]]:
    """Each facet's counts under the other facets' filters: the facets without a chosen value share one
    statement (the same filters apply to all of them), each facet with a chosen value has its own."""
    counts: dict[str, dict[str, int]] = {param: {} for param in request.facet_params}
    unfiltered = [param for param in request.facet_params if not request.filters.get(param)]
    groups = [(unfiltered, None)] if unfiltered else []
    groups += [([param], param) for param in request.facet_params if request.filters.get(param)]
    for params, skip in groups:
        where = _conditions(request, expression, skip=skip)
        placeholders = ", ".join(["%s"] * len(params))
        rows = _fetch(
            f"SELECT f.key, f.value, COUNT(*) FROM {dialect().source} JOIN {FACETS} f ON f.document_id = d.id "
            f"WHERE f.key IN ({placeholders}) AND {where.sql} GROUP BY f.key, f.value",
            [*params, *where.params],
        )
        for key, value, count in rows:
            counts[key][value] = count
    return counts


class DatabaseBackend:
    name = "database"

    def search(self, request: SearchRequest) -> SearchResults:
        if request.query.is_empty:
            return SearchResults(count=0, hits=[])
        expression = match_expression(request.query)
        types, count = _type_counts_and_count(request, expression)
        any_word = False
        if count == 0 and len(request.query.groups) > 1:
            any_expression = match_expression(request.query, every_word=False)
            any_types, any_count = _type_counts_and_count(request, any_expression)
            if any_count:
                expression, types, count, any_word = any_expression, any_types, any_count, True
        return SearchResults(
            count=count,
            hits=_hits(request, expression) if count else [],
            type_counts=types,
            facet_counts=_facet_counts(request, expression),
            any_word=any_word,
            backend=self.name,
        )

    def suggest(self, query: ParsedQuery, limit: int) -> list[Suggestion]:
        if query.is_empty:
            return []
        request = SearchRequest(query=query, limit=limit)
        return [
            Suggestion(doc_type=hit.doc_type, title=hit.title, url=hit.url)
            for hit in _hits(request, match_expression(query))
        ]

    def ranked_ids(self, doc_type: str, query: ParsedQuery, limit: int) -> list[int]:
        """Object ids of one type, best match first: every word if any document has them all, else any word."""
        if query.is_empty:
            return []
        sql = dialect()
        request = SearchRequest(query=query, doc_type=doc_type)
        for every_word in (True, False) if len(query.groups) > 1 else (True,):
            expression = match_expression(query, every_word=every_word)
            where = _conditions(request, expression)
            rows = _fetch(
                f"SELECT d.object_id, {sql.score} AS score FROM {sql.source} WHERE {where.sql} "
                "ORDER BY score DESC, d.id LIMIT %s",
                [*_score_params(expression), *where.params, limit],
            )
            if rows:
                return [row[0] for row in rows]
        return []
