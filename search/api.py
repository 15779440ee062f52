"""`GET /api/search/` and `GET /api/search/suggest/`: the platform's search as open JSON (docs/api.md)."""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import Throttled, ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from django.utils.translation import gettext as _

from innoplatform.core.api import ErrorSerializer, PublicReadMixin

from .backends.base import DEFAULT_LIMIT, MAX_LIMIT
from .context import FACET_VALUE, MAX_VALUES, facets_for, hit_snippet, read_params, run, type_labels
from .registry import indexed_types
from .service import suggest
from .throttle import over_limit

MAX_SUGGESTIONS = 8


class ResultSerializer(serializers.Serializer):
    type = serializers.CharField()
    slug = serializers.CharField()
    title = serializers.CharField()
    url = serializers.CharField()
    snippet = serializers.CharField(help_text="HTML: teksten er escapet, søkeordene står i <mark>.")
    score = serializers.FloatField()


class FacetValueSerializer(serializers.Serializer):
    value = serializers.CharField()
    label = serializers.CharField()
    count = serializers.IntegerField()


class SearchResponseSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    results = ResultSerializer(many=True)
    facets = serializers.DictField(
        child=FacetValueSerializer(many=True),
        help_text="`type` gir antall treff per type; med `type=` kommer fasettene for den typen.",
    )
    suggestion = serializers.CharField(help_text="«Mente du …?» når et ord ser feilstavet ut, ellers tom.")
    any_word = serializers.BooleanField(
        help_text="Sann når ingen treff hadde alle ordene, og treffene har noen av dem."
    )
    degraded = serializers.BooleanField(help_text="Sann når Elasticsearch ikke svarte og databasen svarte i stedet.")


class SuggestionSerializer(serializers.Serializer):
    type = serializers.CharField()
    title = serializers.CharField()
    url = serializers.CharField()


class SuggestResponseSerializer(serializers.Serializer):
    suggestions = SuggestionSerializer(many=True)


def checked(request):
    """The search in the URL; a missing `q` or an invalid value is a 400 naming the parameter."""
    params, errors = read_params(request.query_params)
    if "q" not in request.query_params:
        errors.setdefault("q", [_("Skriv inn noe å søke etter.")])
    if errors:
        raise ValidationError(errors)
    return params, errors


def _facet_parameters() -> list[OpenApiParameter]:
    params: dict[str, str] = {}
    for indexed in indexed_types():
        for param, label in indexed.facets.items():
            params.setdefault(param, str(label))
    values = {
        "type": "array",
        "items": {"type": "string", "pattern": FACET_VALUE.pattern},
        "maxItems": MAX_VALUES,
    }
    return [
        OpenApiParameter(param, values, style="form", explode=True, description=f"{label} (bare sammen med `type`)")
        for param, label in params.items()
    ]


class SearchView(PublicReadMixin, APIView):
    @extend_schema(
        operation_id="search",
        summary="Søk i alt innhold",
        description=(
            "Søk på norsk med bøyningsformer, sammensatte ord, nynorsk og én skrivefeil i lange ord. "
            "Uten `type` søkes det i alle typer; med `type` kan fasettene for typen brukes som filtre."
        ),
        parameters=[
            OpenApiParameter(
                "q", {"type": "string", "maxLength": 200}, required=True, description="Søkeordene (høyst 200 tegn)"
            ),
            OpenApiParameter("type", str, enum=[t.doc_type for t in indexed_types()], description="Bare én type"),
            OpenApiParameter(
                "limit",
                {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT},
                description=f"Standard {DEFAULT_LIMIT}",
            ),
            OpenApiParameter(
                "side", {"type": "integer", "minimum": 1, "maximum": 10_000}, description="Sidenummer, fra 1 til 10 000"
            ),
            *_facet_parameters(),
        ],
        responses={200: SearchResponseSerializer, 400: ErrorSerializer, 429: ErrorSerializer},
    )
    def get(self, request):
        if over_limit(request, "search"):
            raise Throttled()
        params, _errors = checked(request)
        results, terms, suggestion = run(params)
        labels = type_labels()
        facets = {
            "type": [
                {"value": doc_type, "label": label, "count": results.type_counts[doc_type]}
                for doc_type, label in labels.items()
                if results.type_counts.get(doc_type)
            ]
        }
        for facet in facets_for(params, results):
            facets[facet.param] = [{"value": o.value, "label": o.label, "count": o.count} for o in facet.options]
        return Response(
            {
                "count": results.count,
                "results": [
                    {
                        "type": hit.doc_type,
                        "slug": hit.slug,
                        "title": hit.title,
                        "url": request.build_absolute_uri(hit.url),
                        "snippet": hit_snippet(hit, terms),
                        "score": hit.score,
                    }
                    for hit in results.hits
                ],
                "facets": facets,
                "suggestion": suggestion,
                "any_word": results.any_word,
                "degraded": results.degraded,
            }
        )


class SuggestView(PublicReadMixin, APIView):
    @extend_schema(
        operation_id="search_suggest",
        summary="Forslag mens du skriver",
        description="Titler som passer med det som er skrevet så langt; det siste ordet kan være påbegynt.",
        parameters=[
            OpenApiParameter(
                "q",
                {"type": "string", "maxLength": 200},
                required=True,
                description="Det som er skrevet (høyst 200 tegn)",
            )
        ],
        responses={200: SuggestResponseSerializer, 400: ErrorSerializer, 429: ErrorSerializer},
    )
    def get(self, request):
        if over_limit(request, "search_suggest"):
            raise Throttled()
        params, _errors = checked(request)
        suggestions = suggest(params.text, MAX_SUGGESTIONS) if len(params.text) >= 2 else []
        return Response({"suggestions": [{"type": s.doc_type, "title": s.title, "url": s.url} for s in suggestions]})
