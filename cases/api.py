"""Read-only JSON API: `GET /api/cases/` (paginated, same filters as the index) and `/api/cases/<slug>/`."""

from django.core.paginator import Paginator
from django.http import HttpRequest, JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from .facets import CaseFilters, facet_counts, filter_cases, sort_cases
from .models import CasePage
from .serializers import case_detail, case_summary

API_PAGE_SIZE = 50


def _json(data: dict, status: int = 200) -> JsonResponse:
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
def case_list(request: HttpRequest) -> JsonResponse:
    filters = CaseFilters.from_querydict(request.GET)
    base = CasePage.objects.published()
    cases = sort_cases(filter_cases(base, filters).for_listing(), filters.sort)
    page = Paginator(cases, API_PAGE_SIZE).get_page(request.GET.get("side"))

    def link(number: int) -> str:
        params = request.GET.copy()
        params["side"] = str(number)
        return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")

    return _json(
        {
            "count": page.paginator.count,
            "page": page.number,
            "pages": page.paginator.num_pages,
            "next": link(page.next_page_number()) if page.has_next() else None,
            "previous": link(page.previous_page_number()) if page.has_previous() else None,
            "facets": {
                facet.param: [{"value": o.value, "label": o.label, "count": o.count} for o in facet.options]
                for facet in facet_counts(filters, base)
            },
            "results": [case_summary(case, request) for case in page.object_list],
        }
    )


@require_GET
def case_item(request: HttpRequest, slug: str) -> JsonResponse:
    queryset = (
        CasePage.objects.published()
        .select_related()
        .prefetch_related("codes", "kommuner__fylke", "partners", "result_figures", "funding", "tags")
    )
    return _json(case_detail(get_object_or_404(queryset, slug=slug), request))
