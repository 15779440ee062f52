"""Cases as plain data for the JSON API and the CSV export."""

from django.http import HttpRequest

from .models import CasePage, Dimension
from .related import reusing_kommuner


def case_summary(page: CasePage, request: HttpRequest) -> dict:
    """The fields a listing needs; relations must be prefetched (see facets.with_list_relations)."""
    return {
        "slug": page.slug,
        "title": page.title,
        "summary": page.introduction,
        "url": request.build_absolute_uri(page.url),
        "api_url": request.build_absolute_uri(f"/api/cases/{page.slug}/"),
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


CSV_COLUMNS = [
    "slug",
    "title",
    "summary",
    "url",
    "municipalities",
    "sectors",
    "service_areas",
    "challenges",
    "phase",
    "year",
    "status",
]


def case_csv_row(page: CasePage, request: HttpRequest) -> list[str]:
    data = case_summary(page, request)
    return [
        ", ".join(map(str, value)) if isinstance(value, list) else str(value)
        for value in (data[c] for c in CSV_COLUMNS)
    ]
