"""The public insight into granted projects: which applications are public, the search in the URL, the sums.

Only a granted project is public: an application in one of `PUBLIC_STATUSES` with
an allocation. The list page, its CSV, the API and the search read grants through
`public_grants()`, so no other application can reach them. The same URL parameters
filter all of them (OR within a parameter, AND across); each function reads a fixed
number of queries whatever the number of grants.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db.models import Count, Prefetch, Q, QuerySet, Sum
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from cases import public as cases
from innoplatform.core.derived import remember
from innoplatform.core.listing import in_id_order
from innoplatform.core.vocabularies import Challenge, Phase, ServiceArea
from innoplatform.municipalities.models import Fylke, Kommune

from .models import Application, ApplicationCode, ApplicationPartner, Report
from .models.applications import PUBLIC_STATUSES
from .offices import Office

if TYPE_CHECKING:
    from cases.models import CasePage

CoKommune = Application.co_kommuner.through
Dimension = ApplicationCode.Dimension

FILTER_PARAMS: dict[str, str] = {
    "kontor": "office",
    "fylke": "fylke",
    "kommune": "kommune",
    "ar": "year",
    "tjenesteomrade": Dimension.SERVICE_AREA,
    "utfordring": Dimension.CHALLENGE,
    "fase": "phase",
    "status": "status",
}
"""URL parameter → filter key, for the page, the CSV and the API alike."""

FILTER_LABELS = {
    "office": _("Statsforvalter"),
    "fylke": _("Fylke"),
    "kommune": _("Kommune"),
    "year": _("År"),
    Dimension.SERVICE_AREA: _("Tjenesteområde"),
    Dimension.CHALLENGE: _("Utfordring"),
    "phase": _("Fase"),
    "status": _("Status"),
}

PUBLIC_STATUS_CHOICES = [(value, label) for value, label in Application.Status.choices if value in PUBLIC_STATUSES]

CODES: dict[str, list[tuple[str, object]]] = {
    "office": Office.choices,
    Dimension.SERVICE_AREA: ServiceArea.choices,
    Dimension.CHALLENGE: Challenge.choices,
    "phase": Phase.choices,
    "status": PUBLIC_STATUS_CHOICES,
}
"""The fixed codes of a filter, with their labels; fylke, kommune and year are numbers."""

PATTERNS = {"fylke": r"^\d{2}$", "kommune": r"^\d{4}$", "year": r"^\d{4}$"}
DIGITS = {"fylke": 2, "kommune": 4, "year": 4}


def valid_value(key: str, value: str) -> bool:
    if key in CODES:
        return value in {code for code, _label in CODES[key]}
    return len(value) == DIGITS[key] and value.isascii() and value.isdigit()


@dataclass(frozen=True)
class GrantFilters:
    """A parsed search: per filter key, the chosen values that are well-formed (others are dropped)."""

    selected: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def from_querydict(cls, params: QueryDict) -> "GrantFilters":
        selected = {}
        for param, key in FILTER_PARAMS.items():
            values = tuple(dict.fromkeys(value for value in params.getlist(param) if valid_value(key, value)))
            if values:
                selected[key] = values
        return cls(selected=selected)

    def values(self, key: str) -> tuple[str, ...]:
        return self.selected.get(key, ())

    @property
    def is_active(self) -> bool:
        return bool(self.selected)

    def querystring(self) -> str:
        """The search as URL parameters, only the valid values (for the CSV and API links)."""
        params = QueryDict(mutable=True)
        for param, key in FILTER_PARAMS.items():
            if values := self.values(key):
                params.setlist(param, list(values))
        return params.urlencode()


def filter_errors(params: QueryDict) -> dict[str, list[str]]:
    """Per URL parameter, what is wrong with its values (a kommune or fylke must exist); empty when all are valid.

    The page and the CSV drop what they do not know; the API answers 400 with these messages.
    """
    errors: dict[str, list[str]] = {}
    for param, key in FILTER_PARAMS.items():
        values = params.getlist(param)
        wrong = [value for value in values if not valid_value(key, value)]
        if not wrong and values and key in ("fylke", "kommune"):
            model = Fylke if key == "fylke" else Kommune
            known = set(model.objects.filter(number__in=values).values_list("number", flat=True))
            wrong = [value for value in values if value not in known]
        if wrong:
            errors[param] = [_invalid_message(key, wrong)]
    return errors


def _invalid_message(key: str, wrong: list[str]) -> str:
    shown = ", ".join(value[:40] for value in wrong[:5])
    if key == "fylke":
        valid = str(_("et tosifret fylkesnummer som finnes, for eksempel 34"))
    elif key == "kommune":
        valid = str(_("et firesifret kommunenummer som finnes, for eksempel 3401"))
    elif key == "year":
        valid = str(_("et årstall med fire sifre"))
    else:
        valid = ", ".join(code for code, _label in CODES[key])
    return str(_("Ukjent verdi: %(values)s. Gyldige verdier: %(valid)s.") % {"values": shown, "valid": valid})


def public_grants() -> QuerySet[Application]:
    """Every granted project the public may see: a public status and a recorded allocation."""
    return Application.objects.public().filter(allocation__isnull=False)


def _with_kommune(grants: QuerySet[Application], lead: Q, co: Q) -> QuerySet[Application]:
    """Grants whose lead kommune matches `lead` or that have a co-applicant kommune matching `co`."""
    return grants.filter(lead | Q(pk__in=CoKommune.objects.filter(co).values("application_id")))


def _filter_one(grants: QuerySet[Application], key: str, values: tuple[str, ...]) -> QuerySet[Application]:
    if key == "office":
        return grants.filter(office__in=values)
    if key == "year":
        return grants.filter(year__in=[int(value) for value in values])
    if key == "phase":
        return grants.filter(phase__in=values)
    if key == "status":
        return grants.filter(status__in=values)
    if key == "fylke":
        return _with_kommune(grants, Q(lead_kommune__fylke__number__in=values), Q(kommune__fylke__number__in=values))
    if key == "kommune":
        return _with_kommune(grants, Q(lead_kommune__number__in=values), Q(kommune__number__in=values))
    codes = ApplicationCode.objects.filter(dimension=key, code__in=values)
    return grants.filter(pk__in=codes.values("application_id"))


def filter_grants(
    grants: QuerySet[Application], filters: GrantFilters, *, skip: str | None = None
) -> QuerySet[Application]:
    """Apply every filter except `skip` (used for that facet's own counts)."""
    for key, values in filters.selected.items():
        if key != skip:
            grants = _filter_one(grants, key, values)
    return grants


def for_listing(grants: QuerySet[Application]) -> QuerySet[Application]:
    """What a row of the list shows (kommuner, amount), newest first, in two queries."""
    return (
        grants.select_related("lead_kommune", "allocation")
        .prefetch_related(Prefetch("co_kommuner", queryset=Kommune.objects.order_by("name")))
        .order_by("-year", "title", "pk")
    )


def matching_grants(filters: GrantFilters) -> QuerySet[Application]:
    return for_listing(filter_grants(public_grants(), filters))


@dataclass(frozen=True)
class OfficeSums:
    code: str
    label: str
    by_year: list[int | None]
    """NOK per year of `OfficeYearSums.years`, None for a year without grants from the office."""
    total_nok: int


@dataclass(frozen=True)
class OfficeYearSums:
    """NOK granted per office and year for the grants that match: the chart's and the table's figures."""

    years: list[int]
    offices: list[OfficeSums]
    """Offices with grants, in the order of `Office`."""
    year_totals: list[int]
    """NOK per year of `years`, all offices together."""
    total_nok: int
    count: int


def office_year_sums(grants: QuerySet[Application]) -> OfficeYearSums:
    """One GROUP BY over the matching grants; the total and the count of all of them come from the same rows."""
    rows = (
        grants.order_by()
        .values_list("office", "year")
        .annotate(nok=Sum("allocation__amount_nok"), n=Count("pk"))
        .order_by("office", "year")
    )
    by_office: dict[str, dict[int, int]] = defaultdict(dict)
    by_year: dict[int, int] = defaultdict(int)
    count = 0
    for office, year, nok, n in rows:
        by_office[office][year] = nok or 0
        by_year[year] += nok or 0
        count += n
    years = sorted(by_year)
    offices = [
        OfficeSums(
            code=code,
            label=str(label),
            by_year=[by_office[code].get(year) for year in years],
            total_nok=sum(by_office[code].values()),
        )
        for code, label in Office.choices
        if code in by_office
    ]
    return OfficeYearSums(
        years=years,
        offices=offices,
        year_totals=[by_year[year] for year in years],
        total_nok=sum(by_year.values()),
        count=count,
    )


def total_nok(grants: QuerySet[Application]) -> int:
    return grants.order_by().aggregate(total=Sum("allocation__amount_nok"))["total"] or 0


def public_reports() -> QuerySet[Report]:
    """Reports the office has approved: the only ones the public reads."""
    return Report.objects.filter(status=Report.Status.APPROVED).order_by("kind", "pk")


def grant_detail(pk: int) -> Application | None:
    """One public grant with everything its page shows, or None for anything the public may not see."""
    return (
        public_grants()
        .select_related("lead_kommune__fylke", "allocation", "call")
        .prefetch_related(
            Prefetch("co_kommuner", queryset=Kommune.objects.select_related("fylke").order_by("name")),
            Prefetch("partners", queryset=ApplicationPartner.objects.select_related("organisation")),
            Prefetch("codes", queryset=ApplicationCode.objects.order_by("dimension", "code")),
            Prefetch("reports", queryset=public_reports(), to_attr="public_reports"),
        )
        .filter(pk=pk)
        .first()
    )


def code_labels(application: Application, dimension: str) -> list[tuple[str, str]]:
    """(code, label) of the application's service areas or challenges, from its prefetched codes."""
    labels = dict(CODES[dimension])
    return [
        (code.code, str(labels.get(code.code, code.code)))
        for code in application.codes.all()
        if code.dimension == dimension
    ]


def published_case(application: Application) -> "CasePage | None":
    """The case the grant became, if it is published (a draft or a restricted case is not linked)."""
    return cases.published_case(application.case_id)


def grants_for_kommune(kommune: Kommune) -> list[Application]:
    """The kommune's public grants, as lead or co-applicant, newest first (one query)."""
    grants = _with_kommune(public_grants(), Q(lead_kommune=kommune), Q(kommune=kommune))
    return list(grants.select_related("allocation").order_by("-year", "title", "pk"))


def kommune_grant_summary(kommune: Kommune, shown: int) -> dict:
    """The kommune page's view of its grants: the newest `shown`, how many there are, and NOK by year.

    The counts and ids are derived data until a grant changes, so the page reads `shown` grants however many
    the kommune has.
    """

    def summarise() -> dict:
        grants = grants_for_kommune(kommune)
        return {
            "ids": [grant.pk for grant in grants[:shown]],
            "count": len(grants),
            "by_year": sums_by_year(grants),
            "total_nok": sum(grant.allocation.amount_nok for grant in grants),
        }

    summary = remember("kommune-grants", (kommune.pk, shown), ("funding",), summarise)
    return {
        "grants": in_id_order(Application.objects.select_related("allocation"), summary["ids"]),
        "more": summary["count"] > shown,
        "count": summary["count"],
        "by_year": summary["by_year"],
        "total_nok": summary["total_nok"],
    }


def sums_by_year(grants: list[Application]) -> list[tuple[int, int, int]]:
    """(year, number of grants, NOK) per year, newest first, from grants with their allocation."""
    totals: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for grant in grants:
        totals[grant.year][0] += 1
        totals[grant.year][1] += grant.allocation.amount_nok
    return [(year, n, nok) for year, (n, nok) in sorted(totals.items(), reverse=True)]


def grant_for_case(page: "CasePage") -> Application | None:
    """The public grant a case came from, if any: which one is derived data, so a case without one reads nothing."""
    if not page.pk:
        return None
    grant_id = remember(
        "case-grant",
        page.pk,
        ("funding",),
        lambda: public_grants().filter(case=page).order_by("pk").values_list("pk", flat=True).first(),
    )
    if grant_id is None:
        return None
    return public_grants().filter(pk=grant_id).select_related("allocation").first()
