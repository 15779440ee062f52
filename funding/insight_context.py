"""What the public grant pages show: the list for the search in the URL, one grant, and the CSV's rows.

Each reads a fixed number of queries whatever the number of grants.
"""

from collections.abc import Iterable, Iterator

from django.core.paginator import Paginator
from django.http import HttpRequest
from django.utils.translation import gettext_lazy

from innoplatform.core.listing import active_filters, querystring

from .insight import (
    GrantFilters,
    code_labels,
    filter_grants,
    for_listing,
    office_year_sums,
    public_grants,
    published_case,
)
from .insight_chart import bar_chart
from .insight_facets import facet_counts
from .models import Application, ApplicationCode

PAGE_SIZE = 20
CSV_LIMIT = 10_000
CSV_COLUMNS = (
    gettext_lazy("Id"),
    gettext_lazy("År"),
    gettext_lazy("Statsforvalter"),
    gettext_lazy("Kommunenummer"),
    gettext_lazy("Kommune"),
    gettext_lazy("Medsøkerkommuner"),
    gettext_lazy("Prosjekt"),
    gettext_lazy("Partnere"),
    gettext_lazy("Tildelt (kr)"),
    gettext_lazy("Status"),
    gettext_lazy("Adresse"),
)
CSV_SOURCE = gettext_lazy(
    "Innvilgede fornyings- og innovasjonsprosjekter (skjønnsmidler fra statsforvalterne), Innovasjonsplattformen"
)


def list_context(request: HttpRequest) -> dict:
    """Everything the grant list shows for the search in the URL."""
    filters = GrantFilters.from_querydict(request.GET)
    base = public_grants()
    matching = filter_grants(base, filters)
    page_obj = Paginator(for_listing(matching), PAGE_SIZE).get_page(request.GET.get("side"))
    facets = facet_counts(filters, base)
    sums = office_year_sums(matching)
    return {
        "filters": filters,
        "facets": facets,
        "active_filters": active_filters(request, facets),
        "page_obj": page_obj,
        "grants": page_obj.object_list,
        "sums": sums,
        "office_chart": bar_chart([(office.label, office.total_nok) for office in sums.offices]),
        "year_chart": bar_chart([(str(year), nok) for year, nok in zip(sums.years, sums.year_totals, strict=True)]),
        "querystring_without_page": querystring(request, side=None),
        "export_querystring": filters.querystring(),
    }


def detail_context(request: HttpRequest, grant: Application) -> dict:
    """One grant with its kommuner, partners, codes, approved reports and the case it became."""
    case = published_case(grant)
    return {
        "grant": grant,
        "co_kommuner": list(grant.co_kommuner.all()),
        "partners": list(grant.partners.all()),
        "service_areas": code_labels(grant, ApplicationCode.Dimension.SERVICE_AREA),
        "challenges": code_labels(grant, ApplicationCode.Dimension.CHALLENGE),
        "reports": grant.public_reports,
        "case_url": case.get_url(request) if case else None,
    }


def csv_rows(grants: Iterable[Application], request: HttpRequest) -> Iterator[list[object]]:
    """One row per grant, from grants prefetched by `for_listing` with their partners."""
    for grant in grants:
        yield [
            grant.pk,
            grant.year,
            grant.get_office_display(),
            grant.lead_kommune.number,
            grant.lead_kommune.name,
            " ".join(kommune.number for kommune in grant.co_kommuner.all()),
            grant.title,
            "; ".join(partner.name for partner in grant.partners.all()),
            grant.allocation.amount_nok,
            grant.get_status_display(),
            request.build_absolute_uri(grant.get_public_url()),
        ]


def csv_grants(request: HttpRequest) -> Iterable[Application]:
    filters = GrantFilters.from_querydict(request.GET)
    return for_listing(filter_grants(public_grants(), filters)).prefetch_related("partners")[:CSV_LIMIT]
