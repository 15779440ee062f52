"""The case library's API: the filtered list with facet counts, one case, and the list as CSV.

All three take the index page's parameters; an unknown code is a 400 that names
the valid ones, so a typo never silently returns every case.
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics
from rest_framework.exceptions import ValidationError
from rest_framework.renderers import JSONRenderer

from django.utils import timezone

from innoplatform.core.api import ErrorSerializer, PagePagination, PublicReadMixin, set_enum, values_from_database
from innoplatform.core.csv_export import csv_response
from innoplatform.municipalities.models import Fylke, Kommune
from search.ranking import RankedResults

from .facets import (
    FACET_LABELS,
    FACET_PARAMS,
    SORTS,
    CaseFilters,
    facet_codes,
    facet_counts,
    filter_cases,
    filter_errors,
    sort_cases,
)
from .models import CasePage
from .serializers import (
    CSV_COLUMNS,
    CSV_SOURCE,
    CaseDetailSerializer,
    CaseListSerializer,
    CaseSummarySerializer,
    case_csv_rows,
)

CSV_LIMIT = 10_000
NO_NUL = "^[^\\u0000]*$"
"""Text parameters: anything but the NUL character, which no address may contain (a 400)."""
PATTERNS = {"fylke": r"^\d{2}$", "kommune": r"^\d{4}$", "year": r"^\d{4}$"}


def _facet_parameter(param: str, key: str) -> OpenApiParameter:
    codes = facet_codes(key)
    return OpenApiParameter(
        param,
        OpenApiTypes.STR,
        many=True,
        explode=True,
        enum=codes,
        pattern=None if codes else PATTERNS[key],
        description=f"{FACET_LABELS[key]}; gjenta parameteren for flere verdier (ELLER innenfor, OG på tvers).",
    )


FILTER_PARAMETERS = [
    OpenApiParameter(
        "q",
        OpenApiTypes.STR,
        pattern=NO_NUL,
        description="Fritekst i tittel, sammendrag, resultater, partnere og stikkord",
    ),
    *(_facet_parameter(param, key) for param, key in FACET_PARAMS.items()),
    OpenApiParameter("sorter", OpenApiTypes.STR, enum=list(SORTS), description="Rekkefølge; standard er «nyeste»"),
]
ERRORS = {
    400: OpenApiResponse(ErrorSerializer, description="Ukjent kode eller ugyldig verdi; «errors» navngir de gyldige"),
    404: OpenApiResponse(ErrorSerializer, description="Siden finnes ikke"),
}


def add_registry_numbers(result: dict, generator, request, public) -> dict:
    """drf-spectacular postprocessing hook: `fylke` and `kommune` list the numbers that exist in the registry."""
    fylker = values_from_database(lambda: Fylke.objects.order_by("number").values_list("number", flat=True))
    kommuner = values_from_database(lambda: Kommune.objects.order_by("number").values_list("number", flat=True))
    set_enum(result, "/api/cases/", "fylke", fylker)
    return set_enum(result, "/api/cases/", "kommune", kommuner)


def checked_filters(request) -> CaseFilters:
    """The search in the URL; invalid values are a 400 naming what is valid."""
    if errors := filter_errors(request.query_params):
        raise ValidationError(errors)
    return CaseFilters.from_querydict(request.query_params)


class CaseListView(PublicReadMixin, generics.GenericAPIView):
    serializer_class = CaseSummarySerializer
    pagination_class = PagePagination

    @extend_schema(
        operation_id="cases_list",
        summary="Eksempler, filtrert",
        description="Publiserte eksempler, 50 per side (`?side=`), med antall per fasettverdi for søket.",
        parameters=[
            *FILTER_PARAMETERS,
            OpenApiParameter("side", {"type": "integer", "minimum": 1}, description="Sidenummer, fra 1"),
        ],
        responses={200: CaseListSerializer, **ERRORS},
    )
    def get(self, request):
        filters = checked_filters(request)
        base = CasePage.objects.published()
        page = self.paginate_queryset(sort_cases(filter_cases(base, filters).for_listing(), filters))
        facets = {
            facet.param: [{"value": o.value, "label": o.label, "count": o.count} for o in facet.options]
            for facet in facet_counts(filters)
        }
        return self.paginator.get_paginated_response(self.get_serializer(page, many=True).data, facets=facets)


class CaseDetailView(PublicReadMixin, generics.RetrieveAPIView):
    serializer_class = CaseDetailSerializer
    lookup_field = "slug"

    def get_queryset(self):
        return CasePage.objects.published().prefetch_related(
            "codes", "kommuner__fylke", "partners", "result_figures", "funding", "tags"
        )

    @extend_schema(
        operation_id="cases_detail",
        summary="Ett eksempel",
        description="Alt om ett publisert eksempel, med tekst (HTML), partnere, resultater og finansiering.",
        responses={200: CaseDetailSerializer, 404: ERRORS[404]},
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class CaseExportView(PublicReadMixin, generics.GenericAPIView):
    """The CSV is written by `csv_response`; only errors go through a renderer, and they are always JSON."""

    renderer_classes = [JSONRenderer]

    def perform_content_negotiation(self, request, force=False):
        return JSONRenderer(), JSONRenderer.media_type

    @extend_schema(
        operation_id="cases_export",
        summary="Eksempler som CSV",
        description=(
            "Det filtrerte utvalget (høyst 10 000) som semikolonseparert UTF-8 med BOM, for Excel. "
            "Filen starter med kilde og dato; celler som et regneark ville lest som formler, skrives som tekst."
        ),
        parameters=FILTER_PARAMETERS,
        responses={(200, "text/csv"): OpenApiTypes.STR, 400: ERRORS[400]},
    )
    def get(self, request):
        filters = checked_filters(request)
        ordered = sort_cases(filter_cases(CasePage.objects.published(), filters), filters)
        cases = ordered.limited(CSV_LIMIT) if isinstance(ordered, RankedResults) else ordered[:CSV_LIMIT]
        return csv_response(
            f"eksempler-{timezone.localdate():%Y-%m-%d}.csv",
            [str(column) for column in CSV_COLUMNS],
            case_csv_rows(cases, request),
            source=str(CSV_SOURCE),
        )
