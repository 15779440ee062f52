"""Funding's part of the search: a public grant as a search document, with office, year, service area and challenge."""

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext_lazy as _

from innoplatform.core.vocabularies import Challenge, ServiceArea
from innoplatform.municipalities.models import Kommune
from search.analysis import guess_language
from search.documents import Document, IndexedType
from search.registry import register

from .insight import CoKommune, public_grants
from .models import Allocation, Application, ApplicationCode, ApplicationPartner
from .offices import Office

FACET_DIMENSIONS = {
    "tjenesteomrade": ApplicationCode.Dimension.SERVICE_AREA,
    "utfordring": ApplicationCode.Dimension.CHALLENGE,
}


def _grants_of_kommune(kommune: Kommune) -> list[int]:
    """The applications a renamed kommune leads or takes part in (public or not: the sync sorts that out)."""
    lead = Application.objects.filter(lead_kommune=kommune).values_list("pk", flat=True)
    co = CoKommune.objects.filter(kommune=kommune).values_list("application_id", flat=True)
    return sorted({*lead, *co})


@register
class GrantDocuments(IndexedType):
    doc_type = "grant"
    label = _("Tildelinger")
    label_one = _("Tildeling")
    model = Application
    order = 35
    facets = {
        "kontor": _("Statsforvalter"),
        "ar": _("År"),
        "tjenesteomrade": _("Tjenesteområde"),
        "utfordring": _("Utfordring"),
    }
    related = {
        Allocation: "application_id",
        ApplicationCode: "application_id",
        ApplicationPartner: "application_id",
        Kommune: _grants_of_kommune,
    }

    def objects(self) -> QuerySet[Application]:
        return (
            public_grants()
            .select_related("lead_kommune", "allocation")
            .prefetch_related(
                Prefetch("co_kommuner", queryset=Kommune.objects.order_by("name")),
                "partners",
                Prefetch("codes", queryset=ApplicationCode.objects.order_by("dimension", "code")),
            )
        )

    def document(self, grant: Application) -> Document:
        codes: dict[str, list[str]] = {}
        for code in grant.codes.all():
            codes.setdefault(code.dimension, []).append(code.code)
        labels = {**dict(ServiceArea.choices), **dict(Challenge.choices)}
        kommuner = [grant.lead_kommune, *grant.co_kommuner.all()]
        body = [
            grant.problem,
            grant.goal,
            grant.get_office_display(),
            *(kommune.name for kommune in kommuner),
            *(partner.name for partner in grant.partners.all()),
            *(str(labels.get(code, "")) for values in codes.values() for code in values),
        ]
        text = "\n".join(part for part in body if part)
        return Document(
            object_id=grant.pk,
            title=grant.title,
            url=grant.get_public_url(),
            summary=grant.summary[:500],
            body=text,
            language=guess_language(f"{grant.summary} {text}"),
            date=grant.allocation.decided_at.date(),
            facets={
                "kontor": [grant.office],
                "ar": [str(grant.year)],
                **{param: codes.get(dimension, []) for param, dimension in FACET_DIMENSIONS.items()},
            },
        )

    def facet_labels(self, param: str, values) -> dict[str, str]:
        vocabulary = {"kontor": Office, "tjenesteomrade": ServiceArea, "utfordring": Challenge}.get(param)
        if vocabulary is not None:
            return {str(code): str(label) for code, label in vocabulary.choices}
        return {value: value for value in values}
