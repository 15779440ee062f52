"""Filtering, free text, sorting and facet counts over the published collaboration posts.

As in the case library, filters combine with AND across facets and OR within one,
and each facet's counts have every *other* facet's filter applied, one GROUP BY
query per facet, so the list issues the same number of queries whatever the
number of posts. A post counts in a fylke when it names the fylke, names a
kommune in it, covers the whole country, or names no place and its organisation
is seated there.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import Count, Exists, F, Func, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from innoplatform.core.derived import remember
from innoplatform.core.listing import Facet, FacetOption, selection_state
from innoplatform.core.vocabularies import Sector
from innoplatform.municipalities.models import Fylke
from search.ranking import RankedResults
from search.service import ranked_ids

from .models import CollaborationPost, PostCode

PostKommune = CollaborationPost.kommuner.through
PostFylke = CollaborationPost.fylker.through

MAX_QUERY_LENGTH = 200

SORTS: dict[str, tuple[object, tuple[str, ...]]] = {
    "relevans": (_("Beste treff"), ()),
    "nyeste": (_("Nyeste først"), ("-published_at", "-pk")),
    "utloper": (_("Utløper snart"), ("expires_on", "title", "pk")),
    "tittel": (_("Tittel (A–Å)"), ("title", "pk")),
}
DEFAULT_SORT = "nyeste"
RELEVANCE = "relevans"
"""The search's ranking: the default with a query, unavailable without one."""

KIND = "kind"
SECTOR = "sector"
FYLKE = "fylke"

FACET_PARAMS: dict[str, str] = {
    "type": KIND,
    "tjenesteomrade": PostCode.Dimension.SERVICE_AREA,
    "utfordring": PostCode.Dimension.CHALLENGE,
    "sektor": SECTOR,
    "soker": PostCode.Dimension.SEEKING,
    "fylke": FYLKE,
}
"""URL parameter → facet key; the parameters the API uses for the same filters have the same names."""

FACET_LABELS = {
    KIND: _("Tilbud eller behov"),
    PostCode.Dimension.SERVICE_AREA: _("Tjenesteområde"),
    PostCode.Dimension.CHALLENGE: _("Utfordring"),
    SECTOR: _("Sektor som tilbyr eller trenger"),
    PostCode.Dimension.SEEKING: _("Sektor som søkes"),
    FYLKE: _("Fylke"),
}

CODE_DIMENSIONS = (PostCode.Dimension.SERVICE_AREA, PostCode.Dimension.CHALLENGE, PostCode.Dimension.SEEKING)


@dataclass(frozen=True)
class PostFilters:
    """A parsed search; unknown codes and malformed values are dropped, so an old bookmark still opens."""

    query: str = ""
    selected: dict[str, tuple[str, ...]] = field(default_factory=dict)
    sort: str = DEFAULT_SORT

    @classmethod
    def from_querydict(cls, params: QueryDict) -> "PostFilters":
        selected: dict[str, tuple[str, ...]] = {}
        for param, key in FACET_PARAMS.items():
            values = tuple(dict.fromkeys(value for value in params.getlist(param) if _valid(key, value)))
            if values:
                selected[key] = values
        query = " ".join(params.get("q", "").replace("\x00", " ").split())[:MAX_QUERY_LENGTH]
        sort = params.get("sorter", RELEVANCE if query else DEFAULT_SORT)
        if sort not in SORTS or (sort == RELEVANCE and not query):
            sort = DEFAULT_SORT
        return cls(query=query, selected=selected, sort=sort)

    @cached_property
    def ranking(self) -> list[int] | None:
        """The matching posts' ids, best first, from the search index; None without a query to search for."""
        return ranked_ids("post", self.query) if self.query else None

    def values(self, key: str) -> tuple[str, ...]:
        return self.selected.get(key, ())

    @property
    def is_active(self) -> bool:
        return bool(self.query or self.selected)

    def state(self) -> tuple:
        """What the facets depend on, in a stable form (a key for derived data)."""
        return selection_state(self.query, self.selected)


def facet_codes(key: str) -> list[str] | None:
    """The fixed codes of a facet, or None for fylke (any two digits)."""
    if key == KIND:
        return list(CollaborationPost.Kind.values)
    if key == SECTOR:
        return list(Sector.values)
    if key in CODE_DIMENSIONS:
        return list(PostCode.VOCABULARIES[key].values)
    return None


def _valid(key: str, value: str) -> bool:
    if (codes := facet_codes(key)) is not None:
        return value in codes
    return len(value) == 2 and value.isdigit()


def search_text(posts: QuerySet[CollaborationPost], filters: PostFilters) -> QuerySet[CollaborationPost]:
    """The posts the search index finds for the query (every post without one)."""
    if filters.ranking is None:
        return posts
    return posts.filter(pk__in=filters.ranking)


def covers_fylker(numbers: Iterable[str]) -> Q:
    """Posts that concern any of the fylker `numbers` (see the module docstring)."""
    numbers = list(numbers)
    named_fylke = PostFylke.objects.filter(collaborationpost_id=OuterRef("pk"), fylke__number__in=numbers)
    named_kommune = PostKommune.objects.filter(collaborationpost_id=OuterRef("pk"), kommune__fylke__number__in=numbers)
    return (
        Q(whole_country=True)
        | Q(Exists(named_fylke))
        | Q(Exists(named_kommune))
        | (_names_no_place() & Q(organisation__kommune__fylke__number__in=numbers))
    )


def _names_no_place() -> Q:
    return (
        Q(whole_country=False)
        & ~Q(Exists(PostFylke.objects.filter(collaborationpost_id=OuterRef("pk"))))
        & ~Q(Exists(PostKommune.objects.filter(collaborationpost_id=OuterRef("pk"))))
    )


def _filter_one(posts: QuerySet[CollaborationPost], key: str, values: tuple[str, ...]) -> QuerySet[CollaborationPost]:
    if key == KIND:
        return posts.filter(kind__in=values)
    if key == SECTOR:
        return posts.filter(organisation__sector__in=values)
    if key == FYLKE:
        return posts.filter(covers_fylker(values))
    return posts.filter(pk__in=PostCode.objects.filter(dimension=key, code__in=values).values("post_id"))


def filter_posts(
    posts: QuerySet[CollaborationPost], filters: PostFilters, *, skip: str | None = None
) -> QuerySet[CollaborationPost]:
    """Apply the text query and every facet filter except `skip` (used for that facet's own counts)."""
    posts = search_text(posts, filters)
    for key, values in filters.selected.items():
        if key != skip:
            posts = _filter_one(posts, key, values)
    return posts


def sort_posts(
    posts: QuerySet[CollaborationPost], filters: PostFilters
) -> QuerySet[CollaborationPost] | Sequence[CollaborationPost]:
    """The posts in the chosen order; by relevance, a sequence that pages like the queryset."""
    if filters.sort == RELEVANCE:
        if filters.ranking is not None:
            return RankedResults(posts, filters.ranking)
        return posts.order_by(*SORTS[DEFAULT_SORT][1])  # a query without words to search for has no ranking
    return posts.order_by(*SORTS.get(filters.sort, SORTS[DEFAULT_SORT])[1])


def _fylke_counts(ids: QuerySet) -> dict[str, tuple[str, int]]:
    """Fylke number → (name, posts concerning it), in one query with a counting subquery per fylke row."""
    concerning = (
        CollaborationPost.objects.filter(pk__in=ids)
        .filter(
            Q(whole_country=True)
            | Q(
                Exists(PostFylke.objects.filter(collaborationpost_id=OuterRef("pk"), fylke_id=OuterRef(OuterRef("pk"))))
            )
            | Q(
                Exists(
                    PostKommune.objects.filter(
                        collaborationpost_id=OuterRef("pk"), kommune__fylke_id=OuterRef(OuterRef("pk"))
                    )
                )
            )
            | (_names_no_place() & Q(organisation__kommune__fylke_id=OuterRef("pk")))
        )
        .order_by()
        .annotate(n=Func(F("pk"), function="COUNT"))
        .values("n")
    )
    rows = Fylke.objects.annotate(n=Subquery(concerning, output_field=IntegerField())).values_list(
        "number", "name", "n"
    )
    return {number: (name, n or 0) for number, name, n in rows}


def _counts(base: QuerySet[CollaborationPost], filters: PostFilters, key: str) -> dict[str, int]:
    ids = filter_posts(base, filters, skip=key).values("pk")
    if key == KIND:
        rows = base.filter(pk__in=ids).order_by().values_list("kind").annotate(n=Count("pk"))
    elif key == SECTOR:
        rows = base.filter(pk__in=ids).order_by().values_list("organisation__sector").annotate(n=Count("pk"))
    else:
        rows = PostCode.objects.filter(dimension=key, post_id__in=ids).values_list("code").annotate(n=Count("id"))
    return {str(value): count for value, count in rows.order_by()}


def _labels(key: str) -> dict[str, str]:
    if key == KIND:
        return {value: str(label) for value, label in CollaborationPost.Kind.choices}
    if key == SECTOR:
        return {value: str(label) for value, label in Sector.choices}
    return {value: str(label) for value, label in PostCode.VOCABULARIES[key].choices}


POST_SOURCES = ("partners", "organisations", "municipalities")
"""What the post list's facets are read from: posts, the organisations behind them, the kommune registry."""


def _all_counts(filters: PostFilters) -> dict[str, tuple[dict[str, int], dict[str, str]]]:
    """Facet key → (counts, labels) over the published posts for `filters`."""
    base = CollaborationPost.objects.published()
    result = {}
    for key in FACET_PARAMS.values():
        if key == FYLKE:
            fylker = _fylke_counts(filter_posts(base, filters, skip=key).values("pk"))
            result[key] = (
                {number: n for number, (_name, n) in fylker.items()},
                {n: name for n, (name, _c) in fylker.items()},
            )
        else:
            result[key] = (_counts(base, filters, key), _labels(key))
    return result


def ordered_post_ids(filters: PostFilters) -> list[int]:
    """The ids of the published posts matching a search without free text, in the chosen order (derived data)."""

    def compute() -> list[int]:
        ordered = sort_posts(filter_posts(CollaborationPost.objects.published(), filters), filters)
        return list(ordered.values_list("pk", flat=True))

    parts = (filters.state(), filters.sort, timezone.localdate().isoformat())
    return remember("post-ids", parts, POST_SOURCES, compute)


def facet_counts(filters: PostFilters) -> list[Facet]:
    """Every facet with its options and counts over the published posts; options without posts are left out
    unless chosen. Without free text the counts are derived data per search, language and day (posts expire)."""
    if filters.query:
        counted = _all_counts(filters)
    else:
        parts = (filters.state(), get_language(), timezone.localdate().isoformat())
        counted = remember("post-facet-counts", parts, POST_SOURCES, lambda: _all_counts(filters))
    facets = []
    for param, key in FACET_PARAMS.items():
        chosen = set(filters.values(key))
        counts, labels = counted[key]
        help_text = str(_("Innlegg for hele landet telles med i hvert fylke.")) if key == FYLKE else ""
        options = [
            FacetOption(value=value, label=label, count=counts.get(value, 0), selected=value in chosen)
            for value, label in labels.items()
            if counts.get(value) or value in chosen
        ]
        facets.append(Facet(key=key, param=param, label=str(FACET_LABELS[key]), options=options, help_text=help_text))
    return facets
