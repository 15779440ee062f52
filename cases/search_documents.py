"""The case library's part of the search: a published case as a search document, with the facets of the case index."""

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from innoplatform.core.vocabularies import Phase
from innoplatform.municipalities.models import Fylke, Kommune
from search.analysis import guess_language
from search.documents import Document, IndexedType
from search.registry import register

from .models import VOCABULARIES, CaseCode, CasePage, CasePartner, CaseResultFigure, CaseTag, Dimension

FACET_DIMENSIONS = {
    "tjenesteomrade": Dimension.SERVICE_AREA,
    "utfordring": Dimension.CHALLENGE,
    "sektor": Dimension.SECTOR,
}


@register
class CaseDocuments(IndexedType):
    doc_type = "case"
    label = _("Eksempler")
    label_one = _("Eksempel")
    model = CasePage
    order = 10
    facets = {
        "tjenesteomrade": _("Tjenesteområde"),
        "utfordring": _("Utfordring"),
        "fase": _("Fase"),
        "sektor": _("Sektor"),
        "fylke": _("Fylke"),
        "ar": _("Startår"),
    }
    related = {
        CaseCode: "page_id",
        CasePartner: "page_id",
        CaseResultFigure: "page_id",
        CaseTag: "content_object_id",
        Kommune: lambda kommune: kommune.cases.values_list("pk", flat=True),
    }

    def objects(self) -> QuerySet[CasePage]:
        return CasePage.objects.published().prefetch_related(
            "codes", "kommuner__fylke", "partners", "result_figures", "tags"
        )

    def document(self, case: CasePage) -> Document:
        codes: dict[str, list[str]] = {}
        for code in case.codes.all():
            codes.setdefault(code.dimension, []).append(code.code)
        kommuner = list(case.kommuner.all())
        labels = [
            str(dict(VOCABULARIES[dimension].choices).get(code, ""))
            for dimension, values in codes.items()
            if dimension in VOCABULARIES
            for code in values
        ]
        body = [
            *case.body.stream_block.get_searchable_content(case.body),
            case.results_text,
            *(f"{figure.value} {figure.unit} {figure.label}" for figure in case.result_figures.all()),
            *(partner.name for partner in case.partners.all()),
            *(tag.name for tag in case.tags.all()),
            *(f"{kommune.name} {kommune.fylke.name}" for kommune in kommuner),
            *labels,
            str(Phase(case.phase).label) if case.phase in Phase.values else "",
        ]
        text = "\n".join(part for part in body if part)
        return Document(
            object_id=case.pk,
            title=case.title,
            url=case.url or "",
            summary=case.introduction,
            body=text,
            slug=case.slug,
            language=guess_language(f"{case.introduction} {text}"),
            date=case.last_published_at.date() if case.last_published_at else None,
            facets={
                **{param: codes.get(dimension, []) for param, dimension in FACET_DIMENSIONS.items()},
                "fase": [case.phase] if case.phase else [],
                "fylke": sorted({kommune.fylke.number for kommune in kommuner}),
                "ar": [str(case.start_year)] if case.start_year else [],
            },
        )

    def facet_labels(self, param: str, values) -> dict[str, str]:
        if param in FACET_DIMENSIONS:
            return {str(code): str(label) for code, label in VOCABULARIES[FACET_DIMENSIONS[param]].choices}
        if param == "fase":
            return {str(code): str(label) for code, label in Phase.choices}
        if param == "fylke":
            return dict(Fylke.objects.filter(number__in=list(values)).values_list("number", "name"))
        return {value: value for value in values}
