"""The grant API: the public grants, filtered like /tilskudd/, with the NOK of all that match, and one grant.

Open data like the rest of the API (docs/api.md): no login, JSON errors, and an
unknown code, a malformed number or a kommune or fylke that does not exist is a
400 that names what is valid.
"""

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from django.utils.translation import gettext as _

from innoplatform.core.api import ErrorSerializer, PagePagination, PublicReadMixin, values_from_database
from innoplatform.municipalities.models import Fylke, Kommune

from .insight import (
    CODES,
    FILTER_LABELS,
    FILTER_PARAMS,
    PATTERNS,
    GrantFilters,
    filter_errors,
    filter_grants,
    for_listing,
    grant_detail,
    public_grants,
    published_case,
    total_nok,
)
from .serializers import GrantDetailSerializer, GrantListSerializer, GrantSerializer

MAX_VALUES = 50
"""At most this many values of one parameter: enough for every code, bounded for the schema."""


def _filter_parameter(param: str, key: str, numbers: list[str]) -> OpenApiParameter:
    codes = [code for code, _label in CODES[key]] if key in CODES else numbers
    item = {"type": "string", "enum": codes} if codes else {"type": "string", "pattern": PATTERNS[key]}
    return OpenApiParameter(
        param,
        {"type": "array", "items": item, "maxItems": MAX_VALUES},
        explode=True,
        description=f"{FILTER_LABELS[key]}; gjenta parameteren for flere verdier (ELLER innenfor, OG på tvers).",
    )


class GrantFilterSchema(AutoSchema):
    """The filter parameters, with the fylke and kommune numbers of the registry read when the schema is built."""

    def get_override_parameters(self) -> list:
        numbers = {
            "fylke": values_from_database(lambda: Fylke.objects.order_by("number").values_list("number", flat=True)),
            "kommune": values_from_database(
                lambda: Kommune.objects.order_by("number").values_list("number", flat=True)
            ),
        }
        return [
            *super().get_override_parameters(),
            *(_filter_parameter(param, key, numbers.get(key, [])) for param, key in FILTER_PARAMS.items()),
        ]


def checked_filters(request) -> GrantFilters:
    """The search in the URL; invalid values, or too many of one parameter, are a 400 naming what is valid."""
    errors = filter_errors(request.query_params)
    for param in FILTER_PARAMS:
        if len(request.query_params.getlist(param)) > MAX_VALUES:
            errors[param] = [_("Høyst %(count)s verdier per parameter.") % {"count": MAX_VALUES}]
    if errors:
        raise ValidationError(errors)
    return GrantFilters.from_querydict(request.query_params)


class GrantListView(PublicReadMixin, generics.GenericAPIView):
    serializer_class = GrantSerializer
    pagination_class = PagePagination
    schema = GrantFilterSchema()

    @extend_schema(
        operation_id="grants_list",
        summary="Tildelte innovasjonsmidler",
        description=(
            "Innvilgede fornyings- og innovasjonsprosjekter (skjønnsmidler fra statsforvalterne), nyeste først, "
            "50 per side (`?side=`). `total_nok` er summen for alle treff. `kommune` filtrerer på søker- og "
            "medsøkerkommuner, `fylke` på fylket deres. Søknader som ikke er innvilget, vises aldri."
        ),
        parameters=[
            OpenApiParameter("side", {"type": "integer", "minimum": 1}, description="Sidenummer, fra 1"),
        ],
        responses={
            200: GrantListSerializer,
            400: OpenApiResponse(
                ErrorSerializer, description="Ukjent kode eller ugyldig verdi; «errors» navngir de gyldige"
            ),
            404: OpenApiResponse(ErrorSerializer, description="Siden finnes ikke"),
        },
    )
    def get(self, request):
        matching = filter_grants(public_grants(), checked_filters(request))
        page = self.paginate_queryset(for_listing(matching).prefetch_related("partners"))
        data = self.get_serializer(page, many=True).data
        return self.paginator.get_paginated_response(data, total_nok=total_nok(matching))


class GrantDetailView(PublicReadMixin, APIView):
    @extend_schema(
        operation_id="grants_detail",
        summary="Én tildeling",
        description=(
            "Et innvilget prosjekt med beskrivelse, fase, tjenesteområder, utfordringer, utlysning, "
            "partnere, godkjente rapporter og eksempelet i biblioteket når det er publisert."
        ),
        parameters=[
            OpenApiParameter(
                "id",
                {"type": "integer", "minimum": 1, "maximum": 999_999_999_999_999_999},
                OpenApiParameter.PATH,
                description="Tildelingens id",
            )
        ],
        responses={200: GrantDetailSerializer, 404: OpenApiResponse(ErrorSerializer, description="Finnes ikke")},
    )
    def get(self, request, id: int):
        grant = grant_detail(id)
        if grant is None:
            raise NotFound(_("Tildelingen finnes ikke, eller den er ikke offentlig."))
        context = {"request": request, "case": published_case(grant)}
        return Response(GrantDetailSerializer(grant, context=context).data)
