"""One search as the page and the API read it from the URL: query, type, facet filters and page, checked.

`read_params` validates (the API answers 400 with its messages; the page drops
what it does not know), `run` asks the configured backend, and `page_context`
shapes the results for the search page: tabs with counts, facets of the chosen
type with labels, snippets, «Mente du …?» and notices.
"""

import math
import re
from dataclasses import dataclass, field, replace

from django.core.paginator import Paginator
from django.http import QueryDict
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from innoplatform.core.listing import Facet, FacetOption

from .backends.base import DEFAULT_LIMIT, MAX_LIMIT, Hit, SearchRequest, SearchResults
from .query import MAX_QUERY_LENGTH, parse
from .registry import indexed_type, indexed_types
from .service import search
from .snippets import snippet

FACET_VALUE = re.compile(r"^[a-z0-9-]{1,40}$")
MAX_VALUES = 20


@dataclass(frozen=True)
class SearchParams:
    text: str = ""
    doc_type: str = ""
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    limit: int = DEFAULT_LIMIT
    page: int = 1


def read_params(params: QueryDict) -> tuple[SearchParams, dict[str, list[str]]]:
    """The search in `params`, and per parameter what is wrong with it (empty when all is well)."""
    errors: dict[str, list[str]] = {}
    raw = params.get("q", "")
    text = " ".join(raw.replace("\x00", " ").split())
    if len(raw) > MAX_QUERY_LENGTH:
        errors["q"] = [_("Søket kan være høyst %(max)s tegn.") % {"max": MAX_QUERY_LENGTH}]
        text = text[:MAX_QUERY_LENGTH]
    doc_type = params.get("type", "")
    indexed = indexed_type(doc_type) if doc_type else None
    if doc_type and indexed is None:
        valid = ", ".join(t.doc_type for t in indexed_types())
        errors["type"] = [
            _("Ukjent type: %(value)s. Gyldige typer: %(valid)s.") % {"value": doc_type[:40], "valid": valid}
        ]
        doc_type = ""
    filters: dict[str, tuple[str, ...]] = {}
    for param in facet_params():
        values = params.getlist(param)
        if len(values) > MAX_VALUES or not all(FACET_VALUE.match(value) for value in values):
            errors[param] = [
                _("Ugyldig verdi for %(param)s: høyst %(max)s koder med små bokstaver, tall og bindestrek.")
                % {"param": param, "max": MAX_VALUES}
            ]
        good = tuple(dict.fromkeys(value for value in values if FACET_VALUE.match(value)))[:MAX_VALUES]
        if good and indexed is not None and param in indexed.facets:
            filters[param] = good
    limit = _number(params.get("limit"), DEFAULT_LIMIT, 1, MAX_LIMIT, "limit", errors)
    page = _number(params.get("side"), 1, 1, 10_000, "side", errors)
    return SearchParams(text=text, doc_type=doc_type, filters=filters, limit=limit, page=page), errors


def facet_params() -> list[str]:
    """Every facet parameter of any type, in the order the types list them."""
    return list(dict.fromkeys(param for indexed in indexed_types() for param in indexed.facets))


def _number(raw: str | None, default: int, low: int, high: int, name: str, errors: dict) -> int:
    if raw in (None, ""):
        return default
    try:
        value = int(raw)
    except ValueError:
        value = -1
    if not low <= value <= high:
        errors[name] = [_("Må være et heltall fra %(low)s til %(high)s.") % {"low": low, "high": high}]
        return default
    return value


def run(search_params: SearchParams) -> tuple[SearchResults, frozenset[str], str]:
    """The results, the terms to mark in snippets, and a «Mente du …?» suggestion (may be empty)."""
    query = parse(search_params.text)
    indexed = indexed_type(search_params.doc_type) if search_params.doc_type else None
    request = SearchRequest(
        query=query,
        doc_type=search_params.doc_type,
        filters=search_params.filters,
        facet_params=tuple(indexed.facets) if indexed else (),
        limit=search_params.limit,
        offset=(search_params.page - 1) * search_params.limit,
    )
    return search(request), query.highlight_terms, query.suggestion


def hit_snippet(hit: Hit, terms: frozenset[str]) -> SafeString:
    """The cluster's highlight (HTML-encoded by Elasticsearch, only <mark> unescaped), else our own snippet."""
    if hit.highlight:
        return mark_safe(hit.highlight)  # noqa: S308 - encoded by the highlighter (`encoder: html`)
    return snippet(hit.summary, hit.body, terms)


def type_labels() -> dict[str, str]:
    return {indexed.doc_type: str(indexed.label) for indexed in indexed_types()}


def facets_for(search_params: SearchParams, results: SearchResults) -> list[Facet]:
    """The chosen type's facets with labels and counts; options without results are left out unless chosen."""
    indexed = indexed_type(search_params.doc_type) if search_params.doc_type else None
    if indexed is None:
        return []
    facets = []
    for param, label in indexed.facets.items():
        counts = results.facet_counts.get(param, {})
        chosen = set(search_params.filters.get(param, ()))
        values = set(counts) | chosen
        labels = indexed.facet_labels(param, values)
        ordered = [value for value in labels if value in values] + sorted(values - set(labels))
        if param == "ar":
            ordered = sorted(values, reverse=True)
        options = [
            FacetOption(
                value=value, label=labels.get(value, value), count=counts.get(value, 0), selected=value in chosen
            )
            for value in ordered
        ]
        facets.append(Facet(key=param, param=param, label=str(label), options=options))
    return facets


def _url(**params) -> str:
    query = QueryDict(mutable=True)
    for key, value in params.items():
        if value:
            query[key] = value
    return f"{reverse('search:page')}?{query.urlencode()}" if query else reverse("search:page")


def page_context(search_params: SearchParams) -> dict:
    """What the search page shows for the search in the URL."""
    if not search_params.text:
        return {"params": search_params, "results": None, "types": type_labels()}
    results, terms, suggestion = run(search_params)
    last_page = max(1, math.ceil(results.count / search_params.limit))
    if search_params.page > last_page:  # a page past the end shows the last one, as the pager says
        search_params = replace(search_params, page=last_page)
        results, terms, suggestion = run(search_params)
    labels = type_labels()
    one = {indexed.doc_type: str(indexed.label_one) for indexed in indexed_types()}
    total = sum(results.type_counts.values())
    tabs = [
        {
            "doc_type": "",
            "label": _("Alle"),
            "count": total,
            "url": _url(q=search_params.text),
            "active": not search_params.doc_type,
        },
        *(
            {
                "doc_type": doc_type,
                "label": label,
                "count": results.type_counts.get(doc_type, 0),
                "url": _url(q=search_params.text, type=doc_type),
                "active": doc_type == search_params.doc_type,
            }
            for doc_type, label in labels.items()
            if results.type_counts.get(doc_type) or doc_type == search_params.doc_type
        ),
    ]
    page_obj = Paginator(range(results.count), search_params.limit).get_page(search_params.page)
    return {
        "params": search_params,
        "results": results,
        "hits": [
            {"hit": hit, "type_label": one.get(hit.doc_type, hit.doc_type), "snippet": hit_snippet(hit, terms)}
            for hit in results.hits
        ],
        "tabs": tabs,
        "facets": facets_for(search_params, results),
        "suggestion": suggestion,
        "suggestion_url": _url(q=suggestion, type=search_params.doc_type) if suggestion else "",
        "page_obj": page_obj,
        "types": labels,
    }
