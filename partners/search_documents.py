"""The partner registry's part of the search: a published collaboration post as a search document."""

from collections.abc import Iterable

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext_lazy as _

from innoplatform.core.vocabularies import Challenge, Sector, ServiceArea
from innoplatform.municipalities.models import Fylke
from innoplatform.organisations.models import Organisation
from search.analysis import guess_language
from search.documents import Document, IndexedType
from search.registry import register

from .models import CollaborationPost, PostCode

DIMENSIONS = {"tjenesteomrade": PostCode.Dimension.SERVICE_AREA, "utfordring": PostCode.Dimension.CHALLENGE}


@register
class PostDocuments(IndexedType):
    doc_type = "post"
    label = _("Partnerinnlegg")
    label_one = _("Partnerinnlegg")
    model = CollaborationPost
    order = 30
    facets = {
        "art": _("Tilbud eller behov"),
        "tjenesteomrade": _("Tjenesteområde"),
        "utfordring": _("Utfordring"),
        "sektor": _("Sektor"),
        "fylke": _("Fylke"),
    }
    related = {
        PostCode: "post_id",
        Organisation: lambda organisation: organisation.posts.values_list("pk", flat=True),
    }

    def objects(self) -> QuerySet[CollaborationPost]:
        return (
            CollaborationPost.objects.published()
            .select_related("organisation__kommune")
            .prefetch_related(
                Prefetch("codes", queryset=PostCode.objects.order_by("dimension", "code")), "kommuner", "fylker"
            )
        )

    def documents(self, posts: Iterable[CollaborationPost]) -> Iterable[Document]:
        every_fylke = sorted(Fylke.objects.values_list("number", flat=True))
        return (self._document(post, every_fylke) for post in posts)

    def document(self, post: CollaborationPost) -> Document:
        return next(iter(self.documents([post])))

    def _document(self, post: CollaborationPost, every_fylke: list[str]) -> Document:
        organisation = post.organisation
        kommuner = list(post.kommuner.all())
        if post.whole_country:
            fylker = every_fylke
        else:
            numbers = {fylke.number for fylke in post.fylker.all()}
            numbers |= {kommune.number[:2] for kommune in kommuner}
            if not numbers and organisation.kommune_id:
                numbers.add(organisation.kommune.number[:2])
            fylker = sorted(numbers)
        description = post.plain_description
        return Document(
            object_id=post.pk,
            title=post.title,
            url=post.get_absolute_url(),
            summary=description[:300],
            body="\n".join(
                [
                    description,
                    organisation.name,
                    *(kommune.name for kommune in kommuner),
                    *post.labels_of(PostCode.Dimension.SERVICE_AREA),
                    *post.labels_of(PostCode.Dimension.CHALLENGE),
                ]
            ),
            slug=post.slug,
            language=guess_language(description),
            date=(post.published_at or post.created_at).date(),
            expires_on=post.expires_on,
            facets={
                "art": [post.kind],
                **{param: post.codes_of(dimension) for param, dimension in DIMENSIONS.items()},
                "sektor": [organisation.sector],
                "fylke": fylker,
            },
        )

    def facet_labels(self, param: str, values) -> dict[str, str]:
        vocabulary = {
            "art": CollaborationPost.Kind,
            "tjenesteomrade": ServiceArea,
            "utfordring": Challenge,
            "sektor": Sector,
        }.get(param)
        if vocabulary is not None:
            return {str(code): str(label) for code, label in vocabulary.choices}
        return dict(Fylke.objects.filter(number__in=list(values)).values_list("number", "name"))
