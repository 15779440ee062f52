"""Faceted list pages: a facet with its counted options, and query strings for the same search with one
parameter changed or one filter removed.

The case library and the partner posts list both show facets with counts,
removable filter chips and page links that keep the search; this is the one place
that shapes them.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import HttpRequest


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    key: str
    param: str
    label: str
    options: list[FacetOption]
    help_text: str = ""


def querystring(request: HttpRequest, **changes) -> str:
    """The request's query string with `changes` applied (a value of None removes the parameter)."""
    params = request.GET.copy()
    for key, value in changes.items():
        params.pop(key, None)
        if value is not None:
            params[key] = value
    return params.urlencode()


def active_filters(request: HttpRequest, facets, page_param: str = "side") -> list[dict]:
    """One entry per selected option of `facets` (each with `param`, `label` and `options` that have `value`,
    `label` and `selected`), with the query string that removes it and starts again from the first page."""
    active = []
    for facet in facets:
        for option in facet.options:
            if option.selected:
                params = request.GET.copy()
                params.setlist(facet.param, [v for v in params.getlist(facet.param) if v != option.value])
                params.pop(page_param, None)
                active.append({"facet": facet.label, "label": option.label, "remove": params.urlencode()})
    return active


def selection_state(query: str, selected: dict[str, Iterable[str]]) -> tuple:
    """A search's text and chosen facet values in a stable form, whatever order the URL gave them in:
    the key under which its derived data (counts, ordered ids) is kept."""
    return (query, tuple(sorted((key, tuple(sorted(values))) for key, values in selected.items())))


def in_id_order(queryset: QuerySet, ids: Sequence[int]) -> list:
    """The objects of `queryset` with these ids, in the order of `ids` (one query, plus its prefetches);
    an id no longer in the queryset is left out."""
    found = queryset.filter(pk__in=ids).in_bulk()
    return [found[pk] for pk in ids if pk in found]
