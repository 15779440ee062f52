"""Filtering, free-text search, sorting and facet counts over the published cases.

Filters combine with AND across facets and OR within one facet. Each facet's counts
are computed with every other facet's filter applied (so choosing "Barnehage" still
shows how many cases the other service areas have), one GROUP BY query per facet:
the number of queries is constant whatever the number of cases. For a search without
free text, the counts and the ordered ids of the matching cases are derived data
(`innoplatform.core.derived`): computed once per filter state until a case, a page or
the population figures change, so a visit costs the same with 30 or 10,000 cases.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import Case as CaseWhen
from django.db.models import CharField, Count, QuerySet, Value, When
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from innoplatform.core.derived import remember
from innoplatform.core.listing import Facet, FacetOption, selection_state
from innoplatform.core.vocabularies import Phase
from innoplatform.municipalities.models import Fylke, Kommune
from innoplatform.municipalities.public import kommune_populations
from search.ranking import RankedResults
from search.service import ranked_ids

from .models import VOCABULARIES, CaseCode, CasePage, Dimension

CaseKommune = CasePage.kommuner.through

MAX_QUERY_LENGTH = 200

SORTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "relevans": (_("Beste treff"), ()),
    "nyeste": (_("Nyeste først"), ("-start_year", "title")),
    "eldste": (_("Eldste først"), ("start_year", "title")),
    "tittel": (_("Tittel (A–Å)"), ("title",)),
    "oppdatert": (_("Sist oppdatert"), ("-last_published_at", "title")),
}
DEFAULT_SORT = "nyeste"
RELEVANCE = "relevans"
"""The order of the search's ranking: the default when there is a query, unavailable without one."""

FACET_PARAMS: dict[str, str] = {
    "tjenesteomrade": Dimension.SERVICE_AREA,
    "sektor": Dimension.SECTOR,
    "fase": "phase",
    "utfordring": Dimension.CHALLENGE,
    "fylke": "fylke",
    "kommune": "kommune",
    "storrelse": "size",
    "ar": "year",
}
"""URL parameter → facet key. The URL carries the whole search state."""

SIZE_CLASSES: dict[str, tuple[object, int, int | None]] = {
    "under-5000": (_("Under 5 000 innbyggere"), 0, 4_999),
    "5000-19999": (_("5 000–19 999 innbyggere"), 5_000, 19_999),
    "20000-49999": (_("20 000–49 999 innbyggere"), 20_000, 49_999),
    "50000-og-over": (_("50 000 innbyggere og flere"), 50_000, None),
}
"""Kommune size classes by inhabitants in the latest observed year, after SSB's usual grouping.
The facet appears only when population figures are imported (demo or SSB)."""

FACET_LABELS = {
    Dimension.SERVICE_AREA: _("Tjenesteområde"),
    Dimension.SECTOR: _("Sektor"),
    "phase": _("Fase"),
    Dimension.CHALLENGE: _("Utfordring"),
    "fylke": _("Fylke"),
    "kommune": _("Kommune"),
    "size": _("Kommunestørrelse"),
    "year": _("Startår"),
}


@dataclass(frozen=True)
class CaseFilters:
    """A parsed, validated search: unknown codes and malformed values are dropped."""

    query: str = ""
    selected: dict[str, tuple[str, ...]] = field(default_factory=dict)
    sort: str = DEFAULT_SORT

    @classmethod
    def from_querydict(cls, params: QueryDict) -> "CaseFilters":
        selected: dict[str, tuple[str, ...]] = {}
        for param, key in FACET_PARAMS.items():
            values = tuple(dict.fromkeys(value for value in params.getlist(param) if _valid(key, value)))
            if values:
                selected[key] = values
        query = params.get("q", "").strip()[:MAX_QUERY_LENGTH]
        sort = params.get("sorter", RELEVANCE if query else DEFAULT_SORT)
        if sort not in SORTS or (sort == RELEVANCE and not query):
            sort = DEFAULT_SORT
        return cls(query=query, selected=selected, sort=sort)

    @cached_property
    def ranking(self) -> list[int] | None:
        """The matching cases' ids, best first, from the search index; None without a query to search for."""
        return ranked_ids("case", self.query) if self.query else None

    def values(self, key: str) -> tuple[str, ...]:
        return self.selected.get(key, ())

    def querystring(self) -> str:
        """The search as URL parameters, with only the valid values (for links such as the CSV export)."""
        params = QueryDict(mutable=True)
        if self.query:
            params["q"] = self.query
        for param, key in FACET_PARAMS.items():
            if values := self.values(key):
                params.setlist(param, list(values))
        if self.sort != (RELEVANCE if self.query else DEFAULT_SORT):
            params["sorter"] = self.sort
        return params.urlencode()

    @property
    def is_active(self) -> bool:
        return bool(self.query or self.selected)

    def state(self) -> tuple:
        """What the facets and the order depend on, in a stable form (a key for derived data)."""
        return selection_state(self.query, self.selected)


def facet_codes(key: str) -> list[str] | None:
    """The fixed codes of a facet, or None for the open ones (fylke, kommune, year)."""
    if key in VOCABULARIES:
        return list(VOCABULARIES[key].values)
    if key == "phase":
        return list(Phase.values)
    if key == "size":
        return list(SIZE_CLASSES)
    return None


def _valid(key: str, value: str) -> bool:
    if (codes := facet_codes(key)) is not None:
        return value in codes
    if key == "fylke":
        return len(value) == 2 and value.isdigit()
    return len(value) == 4 and value.isdigit()  # kommune number or year


def filter_errors(params: QueryDict) -> dict[str, list[str]]:
    """Per URL parameter, what is wrong with its values, naming the valid ones (empty when all are valid).

    The HTML index drops what it does not know; the API answers 400 with these messages.
    """
    errors: dict[str, list[str]] = {}
    for param, key in FACET_PARAMS.items():
        wrong = [value for value in params.getlist(param) if not _valid(key, value)]
        if key in ("fylke", "kommune") and not wrong:
            wrong = _unknown_places(key, params.getlist(param))
        if wrong:
            errors[param] = [_invalid_message(key, wrong)]
    if "sorter" in params and params["sorter"] not in SORTS:
        errors["sorter"] = [_invalid_message("sort", [params["sorter"]])]
    return errors


def _unknown_places(key: str, values: list[str]) -> list[str]:
    if not values:
        return []
    model = Fylke if key == "fylke" else Kommune
    known = set(model.objects.filter(number__in=values).values_list("number", flat=True))
    return [value for value in values if value not in known]


def _invalid_message(key: str, wrong: list[str]) -> str:
    shown = ", ".join(value[:40] for value in wrong[:5])
    if key == "sort":
        valid = ", ".join(SORTS)
    elif key == "fylke":
        valid = str(_("et tosifret fylkesnummer som finnes, for eksempel 40"))
    elif key == "kommune":
        valid = str(_("et firesifret kommunenummer som finnes, for eksempel 4003"))
    elif key == "year":
        valid = str(_("et årstall med fire sifre"))
    else:
        valid = ", ".join(facet_codes(key) or [])
    return str(_("Ukjent verdi: %(values)s. Gyldige verdier: %(valid)s.") % {"values": shown, "valid": valid})


def search_text(cases: QuerySet[CasePage], filters: CaseFilters) -> QuerySet[CasePage]:
    """The cases the search index finds for the query (every case without one)."""
    if filters.ranking is None:
        return cases
    return cases.filter(pk__in=filters.ranking)


def kommuner_by_size(populations: dict[str, int]) -> dict[str, list[str]]:
    """Kommune numbers in each size class."""
    classes: dict[str, list[str]] = {code: [] for code in SIZE_CLASSES}
    for number, population in populations.items():
        for code, (_label, low, high) in SIZE_CLASSES.items():
            if population >= low and (high is None or population <= high):
                classes[code].append(number)
    return classes


def _size_expression(classes: dict[str, list[str]]) -> CaseWhen:
    """SQL expression giving the size class of a case's kommune row."""
    return CaseWhen(
        *(When(kommune__number__in=numbers, then=Value(code)) for code, numbers in classes.items() if numbers),
        default=Value(""),
        output_field=CharField(),
    )


def _filter_one(
    cases: QuerySet[CasePage], key: str, values: Iterable[str], sizes: dict[str, list[str]]
) -> QuerySet[CasePage]:
    values = list(values)
    if key == "size":
        numbers = [number for value in values for number in sizes.get(value, [])]
        return cases.filter(pk__in=CaseKommune.objects.filter(kommune__number__in=numbers).values("casepage_id"))
    if key in VOCABULARIES:
        return cases.filter(pk__in=CaseCode.objects.filter(dimension=key, code__in=values).values("page_id"))
    if key == "phase":
        return cases.filter(phase__in=values)
    if key == "year":
        return cases.filter(start_year__in=[int(value) for value in values])
    if key == "fylke":
        rows = CaseKommune.objects.filter(kommune__fylke__number__in=values)
    else:
        rows = CaseKommune.objects.filter(kommune__number__in=values)
    return cases.filter(pk__in=rows.values("casepage_id"))


def filter_cases(
    cases: QuerySet[CasePage],
    filters: CaseFilters,
    *,
    skip: str | None = None,
    sizes: dict[str, list[str]] | None = None,
) -> QuerySet[CasePage]:
    """Apply the text query and every facet filter except `skip` (used for that facet's own counts)."""
    cases = search_text(cases, filters)
    if sizes is None and "size" in filters.selected:
        sizes = kommuner_by_size(kommune_populations())
    for key, values in filters.selected.items():
        if key != skip:
            cases = _filter_one(cases, key, values, sizes or {})
    return cases


def sort_cases(cases: QuerySet[CasePage], filters: CaseFilters) -> QuerySet[CasePage] | Sequence[CasePage]:
    """The cases in the chosen order; by relevance, a sequence that pages like the queryset."""
    if filters.sort == RELEVANCE:
        if filters.ranking is not None:
            return RankedResults(cases, filters.ranking)
        return cases.order_by(*SORTS[DEFAULT_SORT][1])  # a query without words to search for has no ranking
    return cases.order_by(*SORTS.get(filters.sort, SORTS[DEFAULT_SORT])[1])


def _counts(base: QuerySet[CasePage], filters: CaseFilters, key: str, sizes: dict[str, list[str]]) -> dict[str, int]:
    ids = filter_cases(base, filters, skip=key, sizes=sizes).values("pk")
    if key == "size":
        if not any(sizes.values()):
            return {}
        rows = (
            CaseKommune.objects.filter(casepage_id__in=ids)
            .annotate(size=_size_expression(sizes))
            .values_list("size")
            .annotate(n=Count("casepage_id", distinct=True))
        )
        return {str(value): count for value, count in rows.order_by() if value}
    if key in VOCABULARIES:
        rows = CaseCode.objects.filter(dimension=key, page_id__in=ids).values_list("code").annotate(n=Count("id"))
    elif key == "phase":
        rows = base.filter(pk__in=ids).order_by().values_list("phase").annotate(n=Count("pk"))
    elif key == "year":
        rows = base.filter(pk__in=ids).order_by().values_list("start_year").annotate(n=Count("pk"))
    else:
        column = "kommune__fylke__number" if key == "fylke" else "kommune__number"
        rows = (
            CaseKommune.objects.filter(casepage_id__in=ids)
            .values_list(column)
            .annotate(n=Count("casepage_id", distinct=True))
        )
    return {str(value): count for value, count in rows.order_by()}


CASE_SOURCES = ("cases", "wagtailcore", "municipalities")
"""The apps whose data the case library's derived data is read from: cases, the page tree, population figures."""


def _all_counts(filters: CaseFilters) -> dict[str, dict[str, int]]:
    base = CasePage.objects.published()
    sizes = kommuner_by_size(kommune_populations())
    return {key: _counts(base, filters, key, sizes) for key in FACET_LABELS}


def ordered_case_ids(filters: CaseFilters) -> list[int]:
    """The ids of the published cases matching a search without free text, in the chosen order."""

    def compute() -> list[int]:
        ordered = sort_cases(filter_cases(CasePage.objects.published(), filters), filters)
        return list(ordered.values_list("pk", flat=True))

    return remember("case-ids", (filters.state(), filters.sort), CASE_SOURCES, compute)


def facet_counts(filters: CaseFilters) -> list[Facet]:
    """All facets with their options and counts over the published cases; options without cases are left out
    unless selected. Counts for a search with free text follow the search index and are computed each time."""
    if filters.query:
        counts = _all_counts(filters)
    else:
        counts = remember("case-facet-counts", filters.state(), CASE_SOURCES, lambda: _all_counts(filters))
    labels: dict[str, dict[str, str]] = {key: dict(vocabulary.choices) for key, vocabulary in VOCABULARIES.items()}
    labels["phase"] = dict(Phase.choices)
    places = set(counts["fylke"]) | set(filters.values("fylke"))
    labels["fylke"] = dict(Fylke.objects.filter(number__in=places).values_list("number", "name"))
    kommuner = set(counts["kommune"]) | set(filters.values("kommune"))
    labels["kommune"] = dict(Kommune.objects.filter(number__in=kommuner).order_by("name").values_list("number", "name"))
    years = sorted(set(counts["year"]) | set(filters.values("year")), reverse=True)
    labels["year"] = {year: year for year in years}
    labels["size"] = {code: label for code, (label, _low, _high) in SIZE_CLASSES.items()}

    facets = []
    for param, key in FACET_PARAMS.items():
        chosen = set(filters.values(key))
        options = [
            FacetOption(value=value, label=str(label), count=counts[key].get(value, 0), selected=value in chosen)
            for value, label in labels[key].items()
            if counts[key].get(value) or value in chosen
        ]
        facets.append(Facet(key=key, param=param, label=str(FACET_LABELS[key]), options=options))
    return facets
