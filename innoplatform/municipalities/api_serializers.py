"""The shape of a kommune profile's JSON, for the OpenAPI schema.

The answer itself is built by `demography.api_payload`; these serializers only
describe it, so the schema (and schemathesis, which checks answers against it)
says exactly what each key holds. Keys are documented in README.md under "API".
"""

from rest_framework import serializers

from .demography.states import DataKind
from .models import AgeGroup, PopulationDataset


def indicators_field(**kwargs) -> serializers.DictField:
    """Indicators per year: «base» and the target years («2030», «2040», «2050»), each a map of indicator to value."""
    return serializers.DictField(
        child=serializers.DictField(child=serializers.FloatField(allow_null=True)),
        help_text="«base» og målårene («2030», «2040», «2050»), hver med indikatorene i README",
        **kwargs,
    )


class FylkeRefSerializer(serializers.Serializer):
    number = serializers.CharField()
    name = serializers.CharField()


class KommuneRefSerializer(serializers.Serializer):
    number = serializers.CharField()
    name = serializers.CharField()
    fylke = FylkeRefSerializer()
    url = serializers.CharField()


class MissingPartSerializer(serializers.Serializer):
    part = serializers.ChoiceField(choices=["observed", "projection"])
    message = serializers.CharField()
    load_with = serializers.CharField(help_text="Kommandoene som laster inn tallene")


class DatasetSerializer(serializers.Serializer):
    table = serializers.CharField()
    kind = serializers.ChoiceField(choices=PopulationDataset.Kind.choices)
    alternative = serializers.CharField(allow_blank=True)
    base_year = serializers.IntegerField(allow_null=True)
    source = serializers.CharField()
    is_demo = serializers.BooleanField()
    ssb_years = serializers.ListField(child=serializers.IntegerField(), allow_null=True)
    imported_at = serializers.DateTimeField()


class DatasetsSerializer(serializers.Serializer):
    observed = DatasetSerializer(allow_null=True)
    projection = DatasetSerializer(allow_null=True)


class ComparisonSerializer(serializers.Serializer):
    fylke = indicators_field()
    country = indicators_field()


class AgeGroupYearSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=["observed", "projected"])
    generated = serializers.BooleanField()
    groups = serializers.DictField(
        child=serializers.IntegerField(), help_text=f"Per aldersgruppe: {', '.join(AgeGroup.values)}"
    )
    total = serializers.IntegerField()


class PyramidRowSerializer(serializers.Serializer):
    group = serializers.CharField()
    now = serializers.DictField(child=serializers.IntegerField(), help_text="{«M», «K»} eller {«T»}")
    then = serializers.DictField(child=serializers.IntegerField(), allow_null=True)


class PyramidSerializer(serializers.Serializer):
    year_now = serializers.IntegerField()
    year_then = serializers.IntegerField(allow_null=True)
    by_sex = serializers.BooleanField()
    bands = serializers.ChoiceField(choices=["five_year", "functional"])
    rows = PyramidRowSerializer(many=True)


class RateSerializer(serializers.Serializer):
    age_group = serializers.ChoiceField(choices=AgeGroup.choices)
    coverage_rate = serializers.FloatField()
    fte_per_user = serializers.FloatField()
    source = serializers.CharField()
    own = serializers.BooleanField()


class NeedSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    users = serializers.FloatField()
    fte = serializers.FloatField()


class ServiceSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    user_label = serializers.CharField()
    rates = serializers.ChoiceField(choices=["national", "own"])
    rate_details = RateSerializer(many=True)
    needs = NeedSerializer(many=True)


class SimilarSerializer(serializers.Serializer):
    number = serializers.CharField()
    name = serializers.CharField()
    reason = serializers.CharField()
    dimensions = serializers.ListField(child=serializers.CharField())


class KommuneProfileSerializer(serializers.Serializer):
    """A kommune's profile; without any figures only `kommune`, `available`, `state`, `note` and `missing`."""

    kommune = KommuneRefSerializer()
    available = serializers.BooleanField()
    state = serializers.ChoiceField(choices=[kind.value for kind in DataKind])
    note = serializers.CharField()
    missing = MissingPartSerializer(many=True)
    demo = serializers.BooleanField(required=False)
    datasets = DatasetsSerializer(required=False)
    alternatives = serializers.ListField(child=serializers.CharField(), required=False)
    base_year = serializers.IntegerField(required=False)
    population = serializers.IntegerField(required=False)
    indicators = indicators_field(required=False)
    challenges = serializers.ListField(child=serializers.CharField(), required=False)
    comparison = ComparisonSerializer(required=False)
    age_groups = AgeGroupYearSerializer(many=True, required=False)
    pyramid = PyramidSerializer(required=False)
    working_age = serializers.DictField(child=serializers.IntegerField(), required=False)
    services = ServiceSerializer(many=True, required=False)
    similar = SimilarSerializer(many=True, required=False)
