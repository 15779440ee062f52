"""The kommune registry's part of the search: each kommune's profile page as a search document.

The text names the kommune, its fylke and the demographic challenges derived
from its figures, so «aldring Telemark» finds the kommuner where ageing is a challenge.
"""

from collections.abc import Iterable

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from innoplatform.core.vocabularies import Challenge
from search.documents import Document, IndexedType
from search.registry import register

from .models import Fylke, Kommune
from .public import challenges_for
from .signals import population_imported


@register
class KommuneDocuments(IndexedType):
    doc_type = "kommune"
    label = _("Kommuner")
    label_one = _("Kommune")
    model = Kommune
    order = 50
    facets = {"fylke": _("Fylke"), "utfordring": _("Utfordring")}

    def objects(self) -> QuerySet[Kommune]:
        return Kommune.objects.select_related("fylke")

    def documents(self, kommuner: Iterable[Kommune]) -> Iterable[Document]:
        kommuner = list(kommuner)
        challenges = challenges_for(kommuner)
        labels = dict(Challenge.choices)
        for kommune in kommuner:
            codes = challenges.get(kommune.pk, [])
            yield Document(
                object_id=kommune.pk,
                title=kommune.name,
                url=kommune.get_absolute_url(),
                summary=f"Kommune i {kommune.fylke.name}, kommunenummer {kommune.number}.",
                body="\n".join(
                    [
                        "Kommuneprofil: befolkning, framskrivinger og tjenestebehov.",
                        *(str(labels[code]) for code in codes if code in labels),
                    ]
                ),
                slug=kommune.slug,
                facets={"fylke": [kommune.fylke.number], "utfordring": list(codes)},
            )

    def document(self, kommune: Kommune) -> Document:
        return next(iter(self.documents([kommune])))

    def facet_labels(self, param: str, values) -> dict[str, str]:
        if param == "utfordring":
            return {str(code): str(label) for code, label in Challenge.choices}
        return dict(Fylke.objects.filter(number__in=list(values)).values_list("number", "name"))


def _reindex_kommuner(sender, **kwargs) -> None:
    """New figures change the kommuner's derived challenges, which their documents carry."""
    from search.indexing import rebuild

    rebuild(["kommune"])


population_imported.connect(_reindex_kommuner, dispatch_uid="search_reindex_kommuner")
