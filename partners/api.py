"""The partner API: published posts, the matches for one, and an organisation with its posts.

Open data like the rest of the API (docs/api.md): no login, JSON errors, unknown
codes a 400 naming the valid ones.
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics, serializers
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from django.utils.translation import gettext as _

from innoplatform.core.api import ErrorSerializer, PagePagination, PublicReadMixin
from innoplatform.core.vocabularies import Challenge, Sector, ServiceArea
from innoplatform.organisations.models import Organisation
from innoplatform.organisations.validators import orgnr_is_valid

from .matching import match_posts
from .models import CollaborationPost, PostCode

MAX_MATCHES = 20
FILTERS = {
    "type": (None, CollaborationPost.Kind),
    "tjenesteomrade": (PostCode.Dimension.SERVICE_AREA, ServiceArea),
    "utfordring": (PostCode.Dimension.CHALLENGE, Challenge),
    "soker": (PostCode.Dimension.SEEKING, Sector),
}
"""URL parameter → (code dimension, vocabulary); `type` filters on the post's kind."""


class OrganisationRefSerializer(serializers.Serializer):
    orgnr = serializers.CharField()
    name = serializers.CharField()
    sector = serializers.ChoiceField(choices=Sector.choices)
    verified = serializers.BooleanField()


class PostSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    title = serializers.CharField()
    type = serializers.ChoiceField(source="kind", choices=CollaborationPost.Kind.choices)
    url = serializers.SerializerMethodField()
    organisation = OrganisationRefSerializer()
    service_areas = serializers.SerializerMethodField()
    challenges = serializers.SerializerMethodField()
    seeking_sectors = serializers.SerializerMethodField()
    municipalities = serializers.SerializerMethodField()
    fylker = serializers.SerializerMethodField()
    whole_country = serializers.BooleanField()
    expires = serializers.DateField(source="expires_on")
    published_at = serializers.DateTimeField(allow_null=True)

    def get_url(self, post: CollaborationPost) -> str:
        return self.context["request"].build_absolute_uri(post.get_absolute_url())

    def get_service_areas(self, post: CollaborationPost) -> list[str]:
        return post.codes_of(PostCode.Dimension.SERVICE_AREA)

    def get_challenges(self, post: CollaborationPost) -> list[str]:
        return post.codes_of(PostCode.Dimension.CHALLENGE)

    def get_seeking_sectors(self, post: CollaborationPost) -> list[str]:
        return post.codes_of(PostCode.Dimension.SEEKING)

    def get_municipalities(self, post: CollaborationPost) -> list[str]:
        return sorted(kommune.number for kommune in post.kommuner.all())

    def get_fylker(self, post: CollaborationPost) -> list[str]:
        return sorted(fylke.number for fylke in post.fylker.all())


class PostDetailSerializer(PostSerializer):
    description = serializers.CharField(help_text="HTML, renset")


class PostListSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    page = serializers.IntegerField()
    pages = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    results = PostSerializer(many=True)


class MatchSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    title = serializers.CharField()
    score = serializers.IntegerField(min_value=0, max_value=100)
    reasons = serializers.ListField(child=serializers.CharField())
    organisation = serializers.CharField()
    type = serializers.ChoiceField(choices=CollaborationPost.Kind.choices)


class MatchListSerializer(serializers.Serializer):
    results = MatchSerializer(many=True)


class OrganisationSerializer(OrganisationRefSerializer):
    url = serializers.CharField()
    kommune = serializers.CharField(allow_null=True, help_text="Kommunenummeret til setet")
    website = serializers.CharField(allow_blank=True)
    description = serializers.CharField(allow_blank=True)
    posts = serializers.ListField(child=serializers.DictField(child=serializers.CharField()))


def published_posts():
    return (
        CollaborationPost.objects.published()
        .select_related("organisation")
        .prefetch_related("codes", "kommuner", "fylker")
        .order_by("-published_at", "-pk")
    )


def filtered(posts, params):
    """Posts filtered by the URL's codes (OR within a parameter, AND across); unknown codes are a 400."""
    errors = {}
    for param, (dimension, vocabulary) in FILTERS.items():
        values = params.getlist(param)
        if unknown := [value[:40] for value in values if value not in vocabulary.values]:
            errors[param] = [
                _("Ukjent verdi: %(values)s. Gyldige verdier: %(valid)s.")
                % {"values": ", ".join(unknown[:5]), "valid": ", ".join(vocabulary.values)}
            ]
        elif values and dimension is None:
            posts = posts.filter(kind__in=values)
        elif values:
            posts = posts.filter(pk__in=PostCode.objects.filter(dimension=dimension, code__in=values).values("post_id"))
    if errors:
        raise ValidationError(errors)
    return posts


def _code_parameter(param: str, vocabulary, description: str) -> OpenApiParameter:
    return OpenApiParameter(
        param, OpenApiTypes.STR, many=True, explode=True, enum=list(vocabulary.values), description=description
    )


class PostListView(PublicReadMixin, generics.GenericAPIView):
    serializer_class = PostSerializer
    pagination_class = PagePagination

    @extend_schema(
        operation_id="posts_list",
        summary="Samarbeidsinnlegg",
        description="Publiserte tilbud og behov som ikke er utløpt, nyeste først, 50 per side.",
        parameters=[
            _code_parameter("type", CollaborationPost.Kind, "offer (tilbud) eller need (behov)"),
            _code_parameter("tjenesteomrade", ServiceArea, "Tjenesteområde"),
            _code_parameter("utfordring", Challenge, "Utfordring"),
            _code_parameter("soker", Sector, "Sektoren innlegget søker samarbeid med"),
            OpenApiParameter("side", {"type": "integer", "minimum": 1}, description="Sidenummer, fra 1"),
        ],
        responses={
            200: PostListSerializer,
            400: OpenApiResponse(ErrorSerializer, description="Ukjent kode; «errors» navngir de gyldige"),
            404: OpenApiResponse(ErrorSerializer, description="Siden finnes ikke"),
        },
    )
    def get(self, request):
        page = self.paginate_queryset(filtered(published_posts(), request.query_params))
        return self.paginator.get_paginated_response(self.get_serializer(page, many=True).data)


def _published_post(slug: str) -> CollaborationPost:
    post = published_posts().filter(slug=slug).first()
    if post is None:
        raise NotFound(_("Innlegget finnes ikke, eller det er ikke publisert."))
    return post


class PostDetailView(PublicReadMixin, APIView):
    @extend_schema(
        operation_id="posts_detail",
        summary="Ett samarbeidsinnlegg",
        responses={200: PostDetailSerializer, 404: OpenApiResponse(ErrorSerializer, description="Finnes ikke")},
    )
    def get(self, request, slug: str):
        return Response(PostDetailSerializer(_published_post(slug), context={"request": request}).data)


class PostMatchesView(PublicReadMixin, APIView):
    @extend_schema(
        operation_id="posts_matches",
        summary="Forslag til samarbeid",
        description=(
            "Publiserte innlegg av motsatt type fra andre organisasjoner, best først, med poengsum (0–100) "
            "og begrunnelser på norsk."
        ),
        parameters=[
            OpenApiParameter(
                "limit",
                {"type": "integer", "minimum": 1, "maximum": MAX_MATCHES},
                description="Antall forslag, 1–20 (standard 5)",
            )
        ],
        responses={
            200: MatchListSerializer,
            400: OpenApiResponse(ErrorSerializer, description="Ugyldig antall"),
            404: OpenApiResponse(ErrorSerializer, description="Finnes ikke"),
        },
    )
    def get(self, request, slug: str):
        value = request.query_params.get("limit", "5")
        if not (value.isascii() and value.isdigit() and 1 <= int(value) <= MAX_MATCHES):
            raise ValidationError({"limit": [_("Antallet må være et helt tall fra 1 til 20.")]})
        post = _published_post(slug)
        matches = match_posts(post, limit=int(value))
        return Response(
            {
                "results": [
                    {
                        "slug": match.slug,
                        "title": match.title,
                        "score": match.score,
                        "reasons": match.reasons,
                        "organisation": match.organisation_name,
                        "type": match.kind,
                    }
                    for match in matches
                ]
            }
        )


class OrganisationDetailView(PublicReadMixin, APIView):
    @extend_schema(
        operation_id="organisations_detail",
        summary="Én organisasjon",
        description="En organisasjon med sektor, sete og publiserte innlegg. Medlemmer vises ikke.",
        parameters=[OpenApiParameter("orgnr", OpenApiTypes.STR, OpenApiParameter.PATH, pattern=r"^\d{9}$")],
        responses={200: OrganisationSerializer, 404: OpenApiResponse(ErrorSerializer, description="Finnes ikke")},
    )
    def get(self, request, orgnr: str):
        organisation = (
            Organisation.objects.select_related("kommune").filter(orgnr=orgnr).first()
            if orgnr_is_valid(orgnr)
            else None
        )
        if organisation is None:
            raise NotFound(_("Organisasjonen finnes ikke."))
        posts = CollaborationPost.objects.published().filter(organisation=organisation).order_by("-published_at")
        return Response(
            {
                "orgnr": organisation.orgnr,
                "name": organisation.name,
                "sector": organisation.sector,
                "verified": organisation.verified,
                "url": request.build_absolute_uri(organisation.get_absolute_url()),
                "kommune": organisation.kommune.number if organisation.kommune else None,
                "website": organisation.website,
                "description": organisation.description,
                "posts": [{"slug": post.slug, "title": post.title, "type": post.kind} for post in posts],
            }
        )
