"""The organisation registry's part of the search: each organisation's public page as a search document."""

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from innoplatform.core.vocabularies import Sector
from innoplatform.municipalities.models import Fylke, Kommune
from search.documents import Document, IndexedType
from search.registry import register

from .models import Organisation


@register
class OrganisationDocuments(IndexedType):
    doc_type = "organisation"
    label = _("Organisasjoner")
    label_one = _("Organisasjon")
    model = Organisation
    order = 40
    facets = {"sektor": _("Sektor"), "fylke": _("Fylke")}
    related = {Kommune: lambda kommune: Organisation.objects.filter(kommune=kommune).values_list("pk", flat=True)}

    def objects(self) -> QuerySet[Organisation]:
        return Organisation.objects.select_related("kommune__fylke")

    def document(self, organisation: Organisation) -> Document:
        kommune = organisation.kommune
        place = f"{kommune.name} {kommune.fylke.name}" if kommune else ""
        return Document(
            object_id=organisation.pk,
            title=organisation.name,
            url=organisation.get_absolute_url(),
            summary=organisation.description,
            body="\n".join(part for part in (organisation.orgnr, place, organisation.get_sector_display()) if part),
            slug=organisation.slug,
            date=organisation.created_at.date() if organisation.created_at else None,
            facets={"sektor": [organisation.sector], "fylke": [kommune.fylke.number] if kommune else []},
        )

    def facet_labels(self, param: str, values) -> dict[str, str]:
        if param == "sektor":
            return {str(code): str(label) for code, label in Sector.choices}
        return dict(Fylke.objects.filter(number__in=list(values)).values_list("number", "name"))
