"""What every search backend takes and gives back."""

import datetime
from dataclasses import dataclass, field
from typing import Protocol

from ..query import ParsedQuery

DEFAULT_LIMIT = 20
MAX_LIMIT = 100


@dataclass(frozen=True)
class SearchRequest:
    query: ParsedQuery
    doc_type: str = ""
    """Empty: every type."""
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Facet parameter → chosen values (OR within one facet, AND across facets)."""
    facet_params: tuple[str, ...] = ()
    """The facets to count (the chosen type's)."""
    limit: int = DEFAULT_LIMIT
    offset: int = 0


@dataclass(frozen=True)
class Hit:
    doc_type: str
    object_id: int
    title: str
    url: str
    slug: str
    summary: str
    body: str
    score: float
    date: datetime.date | None = None
    facets: dict[str, list[str]] = field(default_factory=dict)
    highlight: str = ""
    """A snippet the backend highlighted itself, when it can (HTML with <mark>); else the snippet is made from the text."""


@dataclass(frozen=True)
class SearchResults:
    count: int
    hits: list[Hit]
    type_counts: dict[str, int] = field(default_factory=dict)
    facet_counts: dict[str, dict[str, int]] = field(default_factory=dict)
    any_word: bool = False
    """True when no document held every word and the results hold any of them."""
    backend: str = "database"
    degraded: bool = False
    """True when the configured backend failed and the database answered instead."""


@dataclass(frozen=True)
class Suggestion:
    doc_type: str
    title: str
    url: str


class SearchBackend(Protocol):
    name: str

    def search(self, request: SearchRequest) -> SearchResults: ...

    def suggest(self, query: ParsedQuery, limit: int) -> list[Suggestion]: ...

    def ranked_ids(self, doc_type: str, query: ParsedQuery, limit: int) -> list[int]: ...
