"""Cases as plain data for the JSON API and the CSV export."""

from collections import defaultdict
from collections.abc import Iterator

from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from innoplatform.core.vocabularies import Phase

from .library import case_library
from .models import VOCABULARIES, CaseCode, CasePage, CaseStatus, Dimension
from .related import reusing_kommuner


def case_summary(page: CasePage, request: HttpRequest) -> dict:
    """The fields a listing needs; relations must be prefetched (`CasePage.objects.for_listing()`)."""
    return {
        "slug": page.slug,
        "title": page.title,
        "summary": page.introduction,
        "url": request.build_absolute_uri(page.get_url(request)),
        "api_url": request.build_absolute_uri(reverse("cases_api:detail", args=[page.slug])),
        "municipalities": [kommune.number for kommune in page.kommuner.all()],
        "sectors": page.codes_of(Dimension.SECTOR),
        "service_areas": page.codes_of(Dimension.SERVICE_AREA),
        "challenges": page.codes_of(Dimension.CHALLENGE),
        "phase": page.phase,
        "year": page.start_year,
        "status": page.status,
    }


def case_detail(page: CasePage, request: HttpRequest) -> dict:
    data = case_summary(page, request)
    data.update(
        {
            "municipalities": [
                {"number": k.number, "name": k.name, "fylke": k.fylke.name} for k in page.kommuner.all()
            ],
            "body": str(page.body.render_as_block()) if page.body else "",
            "partners": [{"name": p.name, "sector": p.sector} for p in page.partners.all()],
            "results": {
                "text": page.results_text,
                "figures": [
                    {"value": float(f.value), "unit": f.unit, "label": f.label} for f in page.result_figures.all()
                ],
            },
            "funding": [
                {"source": f.source, "programme": f.programme, "amount_nok": f.amount_nok} for f in page.funding.all()
            ],
            "tags": sorted(tag.name for tag in page.tags.all()),
            "reused_by": [kommune.number for kommune in reusing_kommuner(page)],
            "contact": {"name": page.contact_name, "role": page.contact_role} if page.contact_name else None,
            "first_published_at": page.first_published_at.isoformat() if page.first_published_at else None,
            "last_published_at": page.last_published_at.isoformat() if page.last_published_at else None,
        }
    )
    return data


CSV_SOURCE = _("Kilde: Innovasjonsplattformen, eksempelbiblioteket")
CSV_COLUMNS = [
    _("Tittel"),
    _("Sammendrag"),
    _("Adresse"),
    _("Kommunenummer"),
    _("Kommuner"),
    _("Sektorer"),
    _("Tjenesteområder"),
    _("Utfordringer"),
    _("Fase"),
    _("Startår"),
    _("Status"),
    _("Kortnavn"),
]


def case_csv_rows(cases: QuerySet[CasePage], request: HttpRequest) -> Iterator[list]:
    """CSV rows with Norwegian labels, from plain values in four queries (fast enough for 10,000 cases).

    Every case lives directly under the one case index, so its URL is the index's URL plus its slug.
    """
    rows = list(cases.values_list("pk", "slug", "title", "introduction", "phase", "start_year", "status"))
    ids = [row[0] for row in rows]
    codes: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for page_id, dimension, code in CaseCode.objects.filter(page_id__in=ids).values_list(
        "page_id", "dimension", "code"
    ):
        codes[page_id][dimension].append(code)
    kommuner: dict[int, list[tuple[str, str]]] = defaultdict(list)
    through = CasePage.kommuner.through.objects.filter(casepage_id__in=ids).order_by("kommune__number")
    for page_id, number, name in through.values_list("casepage_id", "kommune__number", "kommune__name"):
        kommuner[page_id].append((number, name))
    index = case_library()
    base = request.build_absolute_uri(index.get_url(request)) if index else ""
    labels = {dimension: dict(vocabulary.choices) for dimension, vocabulary in VOCABULARIES.items()}
    order = {
        dimension: {code: n for n, code in enumerate(vocabulary.values)}
        for dimension, vocabulary in VOCABULARIES.items()
    }
    phases, statuses = dict(Phase.choices), dict(CaseStatus.choices)

    def joined(page_id: int, dimension: str) -> str:
        present = sorted(codes[page_id][dimension], key=order[dimension].__getitem__)
        return ", ".join(str(labels[dimension][code]) for code in present)

    for pk, slug, title, summary, phase, year, status in rows:
        yield [
            title,
            summary,
            f"{base}{slug}/",
            ", ".join(number for number, _name in kommuner[pk]),
            ", ".join(name for _number, name in kommuner[pk]),
            joined(pk, Dimension.SECTOR),
            joined(pk, Dimension.SERVICE_AREA),
            joined(pk, Dimension.CHALLENGE),
            str(phases.get(phase, phase)),
            year,
            str(statuses.get(status, status)),
            slug,
        ]
