"""What the case library's pages show: the index for the search in the URL, and one case with its links.

The page models call these from `get_context`; both read a fixed number of
queries whatever the number of cases, kommuner or reuse marks.
"""

from functools import cached_property

from django.core.paginator import Paginator
from django.db.models import Prefetch, prefetch_related_objects
from django.http import HttpRequest

from innoplatform.core import derived
from innoplatform.core.listing import active_filters, in_id_order, querystring

from .extensions import case_sections
from .facets import (
    CASE_SOURCES,
    RELEVANCE,
    SORTS,
    CaseFilters,
    facet_counts,
    filter_cases,
    ordered_case_ids,
    sort_cases,
)
from .models import CasePage, CasePartner
from .related import CaseLinks, phase_course_link, reusing_kommuner
from .reuse import reuse_ineligibility, reuse_kommuner

PAGE_SIZE = 12


def index_context(request: HttpRequest) -> dict:
    """Everything the case index shows for the search in the URL.

    Without free text the matching ids come as derived data and only the page's twelve cases are read.
    """
    filters = CaseFilters.from_querydict(request.GET)
    if filters.query:
        cases = sort_cases(filter_cases(CasePage.objects.published(), filters).for_listing(), filters)
        page_obj = Paginator(cases, PAGE_SIZE).get_page(request.GET.get("side"))
    else:
        page_obj = Paginator(ordered_case_ids(filters), PAGE_SIZE).get_page(request.GET.get("side"))
        page_obj.object_list = cases_in_order(page_obj.object_list)
    facets = facet_counts(filters)
    # The facet list (hundreds of options) is rendered once per search and language while the cases stand still.
    fragment_seconds, fragment_version = (0, "") if filters.query else derived.fragment_seconds(CASE_SOURCES)
    return {
        "filters": filters,
        "facets": facets,
        "facets_fragment": (fragment_seconds, fragment_version, repr(filters.state())),
        "active_filters": active_filters(request, facets),
        "page_obj": page_obj,
        "cases": page_obj.object_list,
        "sorts": [(key, label) for key, (label, _order) in SORTS.items() if key != RELEVANCE or filters.query],
        "querystring_without_page": querystring(request, side=None),
        "export_querystring": filters.querystring(),
    }


def cases_in_order(ids: list[int]) -> list[CasePage]:
    """The published cases with these ids as a listing shows them, in the order given (three queries)."""
    return in_id_order(CasePage.objects.published().for_listing(), ids)


CASE_PAGE_SOURCES = (*CASE_SOURCES, "organisations", "courses")
"""What a case page's shared parts are read from: the library, partner organisations and the course modules."""


class CaseDetails:
    """A case's own parts as its page shows them, read all at once, and only when the page renders one of
    them rather than taking it from a cached fragment."""

    def __init__(self, page: CasePage):
        self.page = page

    @cached_property
    def loaded(self) -> CasePage:
        if self.page.pk:
            prefetch_related_objects(
                [self.page],
                "codes",
                "kommuner__fylke",
                Prefetch("partners", queryset=CasePartner.objects.select_related("organisation")),
                "result_figures",
                "funding",
                "tags",
            )
        return self.page

    @cached_property
    def parent(self):
        return self.page.get_parent() if self.page.pk else None

    @cached_property
    def kommuner(self) -> list:
        return list(self.loaded.kommuner.all())

    @cached_property
    def partners(self) -> list[CasePartner]:
        return list(self.loaded.partners.all())

    @cached_property
    def result_figures(self) -> list:
        return list(self.loaded.result_figures.all())

    @cached_property
    def funding(self) -> list:
        return list(self.loaded.funding.all())

    @cached_property
    def tags(self) -> list:
        return list(self.loaded.tags.all())

    @cached_property
    def service_area_labels(self) -> list[tuple[str, str]]:
        return self.loaded.service_area_labels

    @cached_property
    def sector_labels(self) -> list[tuple[str, str]]:
        return self.loaded.sector_labels

    @cached_property
    def challenge_labels(self) -> list[tuple[str, str]]:
        return self.loaded.challenge_labels

    @cached_property
    def course_link(self) -> tuple[str, str] | None:
        return phase_course_link(self.page.phase)


def case_context(request: HttpRequest, page: CasePage) -> dict:
    """One case with its parts, the kommuner involved and what links to it, each relation read once.

    Everything but the reuse marks is the same for every visitor: it is rendered once per case and
    language while the library stands, and read only when rendered. A preview is always rendered afresh.
    """
    acted_for = reuse_kommuner(request.user)
    reason = reuse_ineligibility(request.user, acted_for)
    # The same for every visitor until a reuse is marked; a preview of a new case has no pk.
    reusers = (
        derived.remember("case-reusers", page.pk, CASE_SOURCES, lambda: list(reusing_kommuner(page))) if page.pk else []
    )
    reused = {kommune.pk for kommune in reusers}
    details = CaseDetails(page)
    return {
        "details": details,
        "links": CaseLinks(details),
        "case_fragment": (0, "")
        if not page.pk or getattr(request, "is_preview", False)
        else derived.fragment_seconds(CASE_PAGE_SOURCES),
        "sections": case_sections(request, page),
        "reusing_kommuner": reusers,
        "reuse_ineligible": reason,
        "my_kommuner": [(kommune, kommune.pk in reused) for kommune in acted_for],
    }
