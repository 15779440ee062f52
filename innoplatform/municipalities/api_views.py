"""JSON of a kommune's demographic profile, for other systems; the same figures as the page.

The view only checks the request; the payload is built by `demography.api_payload`
and its keys are documented in README.md under "API".
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.generics import get_object_or_404
from rest_framework.response import Response
from rest_framework.views import APIView

from django.utils.translation import gettext as _

from innoplatform.core.api import ErrorSerializer, PublicReadMixin, set_enum, values_from_database

from .api_serializers import KommuneProfileSerializer
from .demography.api_payload import profile_payload, unavailable_payload
from .demography.datasets import current_datasets
from .demography.profile import build_profile
from .models import Kommune


def available_alternatives() -> list[str]:
    """The projection alternatives a profile can be shown with, main alternative first."""
    return [dataset.alternative for dataset in current_datasets().alternatives]


def add_alternatives(result: dict, generator, request, public) -> dict:
    """drf-spectacular postprocessing hook: `alternativ` lists the alternatives imported when the schema is built."""
    return set_enum(result, "/api/kommuner/", "alternativ", values_from_database(available_alternatives))


class KommuneProfileView(PublicReadMixin, APIView):
    @extend_schema(
        operation_id="kommune_profile",
        summary="Kommuneprofil",
        description=(
            "En kommunes befolkning fra SSB, framskrivingen, indikatorene, de demografiske utfordringene, "
            "tjenestebehovene og de mest like kommunene – de samme tallene som på kommunens side. "
            "«state» sier hvilke tall som finnes; uten tall svarer den bare med kommunen og hva som mangler."
        ),
        parameters=[
            OpenApiParameter(
                "number",
                OpenApiTypes.STR,
                OpenApiParameter.PATH,
                pattern=r"^\d{4}$",
                description="Kommunenummer",
                examples=[OpenApiExample("Skien", value="4003")],
            ),
            OpenApiParameter(
                "alternativ",
                OpenApiTypes.STR,
                description="Framskrivingsalternativ, for eksempel MMMM (standard), HHMH eller LLML",
            ),
        ],
        responses={
            200: KommuneProfileSerializer,
            400: OpenApiResponse(
                ErrorSerializer, description="Alternativet finnes ikke; «errors» navngir de som finnes"
            ),
            404: OpenApiResponse(ErrorSerializer, description="Kommunenummeret finnes ikke"),
        },
    )
    def get(self, request, number: str):
        kommune = get_object_or_404(Kommune.objects.select_related("fylke"), number=number)
        alternative = request.query_params.get("alternativ")
        if alternative is not None and alternative not in (valid := available_alternatives()):
            raise ValidationError(
                {
                    "alternativ": [
                        _("Ukjent alternativ: %(value)s. Gyldige verdier: %(valid)s.")
                        % {
                            "value": alternative[:20],
                            "valid": ", ".join(valid) or _("ingen (ingen framskriving er lastet inn)"),
                        }
                    ]
                }
            )
        profile = build_profile(kommune, alternative)
        return Response(profile_payload(profile) if profile else unavailable_payload(kommune))
