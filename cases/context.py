"""What the case library's pages show: the index for the search in the URL, and one case with its links.

The page models call these from `get_context`; both read a fixed number of
queries whatever the number of cases, kommuner or reuse marks.
"""

from django.core.paginator import Paginator
from django.db.models import Prefetch, prefetch_related_objects
from django.http import HttpRequest

from innoplatform.core.listing import active_filters, querystring

from .extensions import case_sections
from .facets import RELEVANCE, SORTS, CaseFilters, facet_counts, filter_cases, sort_cases
from .models import CasePage, CasePartner
from .related import cases_from_similar_kommuner, kommune_profiles, phase_course_link, related_cases, reusing_kommuner
from .reuse import reuse_ineligibility, reuse_kommuner

PAGE_SIZE = 12


def index_context(request: HttpRequest) -> dict:
    """Everything the case index shows for the search in the URL."""
    filters = CaseFilters.from_querydict(request.GET)
    base = CasePage.objects.published()
    cases = sort_cases(filter_cases(base, filters).for_listing(), filters)
    page_obj = Paginator(cases, PAGE_SIZE).get_page(request.GET.get("side"))
    facets = facet_counts(filters, base)
    return {
        "filters": filters,
        "facets": facets,
        "active_filters": active_filters(request, facets),
        "page_obj": page_obj,
        "cases": page_obj.object_list,
        "sorts": [(key, label) for key, (label, _order) in SORTS.items() if key != RELEVANCE or filters.query],
        "querystring_without_page": querystring(request, side=None),
        "export_querystring": filters.querystring(),
    }


def case_context(request: HttpRequest, page: CasePage) -> dict:
    """One case with its parts, the kommuner involved and what links to it, each relation read once."""
    if page.pk:
        prefetch_related_objects(
            [page],
            "codes",
            "kommuner__fylke",
            Prefetch("partners", queryset=CasePartner.objects.select_related("organisation")),
            "result_figures",
            "funding",
            "tags",
        )
    related = related_cases(page)
    acted_for = reuse_kommuner(request.user)
    reason = reuse_ineligibility(request.user, acted_for)
    reusers = list(reusing_kommuner(page)) if page.pk else []  # a preview of a new case has no pk
    reused = {kommune.pk for kommune in reusers}
    return {
        "parent": page.get_parent() if page.pk else None,
        "kommuner": list(page.kommuner.all()),
        "partners": list(page.partners.all()),
        "result_figures": list(page.result_figures.all()),
        "funding": list(page.funding.all()),
        "tags": list(page.tags.all()),
        "kommune_profiles": kommune_profiles(page),
        "related_cases": related,
        "similar_cases": cases_from_similar_kommuner(page, exclude={case.pk for case in related}),
        "course_link": phase_course_link(page.phase),
        "sections": case_sections(request, page),
        "reusing_kommuner": reusers,
        "reuse_ineligible": reason,
        "my_kommuner": [(kommune, kommune.pk in reused) for kommune in acted_for],
    }
