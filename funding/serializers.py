"""The grant API's shapes: a grant in a list, one grant with its description and approved reports.

Only public fields: no contact person, budget, assessment or unapproved report
ever reaches these serializers' output.
"""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from innoplatform.core.vocabularies import Challenge, Phase, ServiceArea

from .insight import PUBLIC_STATUS_CHOICES, code_labels
from .models import Application, ApplicationCode, Report
from .offices import Office


class GrantKommuneSerializer(serializers.Serializer):
    number = serializers.RegexField(r"^\d{4}$", help_text="Kommunenummer")
    name = serializers.CharField()


@extend_schema_field(
    {"type": "string", "enum": [code for code, _label in PUBLIC_STATUS_CHOICES]}, component_name="GrantStatus"
)
class PublicStatusField(serializers.ChoiceField):
    """A grant's status: one of the public statuses, as its own schema component, since the cases already
    have a «status» enum with other values and drf-spectacular would warn of two sets under one name."""

    def __init__(self, **kwargs) -> None:
        super().__init__(choices=PUBLIC_STATUS_CHOICES, **kwargs)


class GrantSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    year = serializers.IntegerField()
    office = serializers.ChoiceField(choices=Office.choices, help_text="Statsforvalterembetet som tildelte")
    kommune = GrantKommuneSerializer(source="lead_kommune", help_text="Søkerkommunen")
    co_kommuner = serializers.SerializerMethodField()
    title = serializers.CharField()
    partners = serializers.SerializerMethodField()
    amount_nok = serializers.IntegerField(source="allocation.amount_nok", help_text="Tildelt beløp i kroner")
    status = PublicStatusField()
    url = serializers.SerializerMethodField()

    @extend_schema_field(GrantKommuneSerializer(many=True))
    def get_co_kommuner(self, grant: Application) -> list[dict[str, str]]:
        return [{"number": kommune.number, "name": kommune.name} for kommune in grant.co_kommuner.all()]

    def get_partners(self, grant: Application) -> list[str]:
        return [partner.name for partner in grant.partners.all()]

    def get_url(self, grant: Application) -> str:
        return self.context["request"].build_absolute_uri(grant.get_public_url())


class ReportSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=Report.Kind.choices)
    activities = serializers.CharField(allow_blank=True)
    results = serializers.CharField(allow_blank=True)
    key_figures = serializers.CharField(allow_blank=True, help_text="Ett tall per linje")
    lessons = serializers.CharField(allow_blank=True)
    in_operation = serializers.BooleanField()


class GrantDetailSerializer(GrantSerializer):
    summary = serializers.CharField(allow_blank=True)
    problem = serializers.CharField(allow_blank=True)
    goal = serializers.CharField(allow_blank=True)
    phase = serializers.ChoiceField(choices=Phase.choices, allow_blank=True)
    amount_sought_nok = serializers.IntegerField(allow_null=True)
    service_areas = serializers.SerializerMethodField()
    challenges = serializers.SerializerMethodField()
    call = serializers.CharField(source="call.title", allow_null=True, default=None, help_text="Utlysningens tittel")
    reports = ReportSerializer(source="public_reports", many=True, help_text="Rapporter statsforvalteren har godkjent")
    case_url = serializers.SerializerMethodField()

    @extend_schema_field(serializers.ListField(child=serializers.ChoiceField(choices=ServiceArea.choices)))
    def get_service_areas(self, grant: Application) -> list[str]:
        return [code for code, _label in code_labels(grant, ApplicationCode.Dimension.SERVICE_AREA)]

    @extend_schema_field(serializers.ListField(child=serializers.ChoiceField(choices=Challenge.choices)))
    def get_challenges(self, grant: Application) -> list[str]:
        return [code for code, _label in code_labels(grant, ApplicationCode.Dimension.CHALLENGE)]

    def get_case_url(self, grant: Application) -> str | None:
        case = self.context.get("case")
        request = self.context["request"]
        return request.build_absolute_uri(case.get_url(request)) if case else None


class GrantListSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    page = serializers.IntegerField()
    pages = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    total_nok = serializers.IntegerField(help_text="Tildelt i kroner i alt for alle treff, ikke bare denne siden")
    results = GrantSerializer(many=True)
