"""Facet counts for the public grant list: how many grants each option would give, with the other filters applied.

One GROUP BY per facet (kommune and fylke read lead and co-applicant kommuner in
one UNION, so a grant counts once per place), and one query each for kommune and
fylke names: a fixed number of queries whatever the number of grants.
"""

from collections import Counter

from django.db.models import Count, QuerySet

from innoplatform.core.listing import Facet, FacetOption
from innoplatform.municipalities.models import Fylke, Kommune

from .insight import CODES, FILTER_LABELS, FILTER_PARAMS, CoKommune, GrantFilters, filter_grants, public_grants
from .models import Application, ApplicationCode


def _place_counts(grants: QuerySet[Application], column: str) -> dict[str, int]:
    """Grants per kommune or fylke number, each grant once per place whether lead or co-applicant."""
    ids = grants.values("pk")
    lead = Application.objects.filter(pk__in=ids).values_list("pk", f"lead_kommune__{column}").order_by()
    co = CoKommune.objects.filter(application_id__in=ids).values_list("application_id", f"kommune__{column}").order_by()
    return dict(Counter(number for _pk, number in lead.union(co)))


def _counts(base: QuerySet[Application], filters: GrantFilters, key: str) -> dict[str, int]:
    grants = filter_grants(base, filters, skip=key)
    if key == "kommune":
        return _place_counts(grants, "number")
    if key == "fylke":
        return _place_counts(grants, "fylke__number")
    if key in CODES and key not in ("office", "phase", "status"):
        rows = (
            ApplicationCode.objects.filter(dimension=key, application_id__in=grants.values("pk"))
            .values_list("code")
            .annotate(n=Count("pk"))
        )
    else:
        rows = grants.order_by().values_list(key).annotate(n=Count("pk"))
    return {str(value): count for value, count in rows.order_by() if value not in (None, "")}


def facet_counts(filters: GrantFilters, base: QuerySet[Application] | None = None) -> list[Facet]:
    """Every facet with its options and counts; options without grants are left out unless chosen."""
    base = public_grants() if base is None else base
    counts = {key: _counts(base, filters, key) for key in FILTER_PARAMS.values()}
    labels: dict[str, dict[str, str]] = {key: {code: str(label) for code, label in CODES[key]} for key in CODES}
    fylker = set(counts["fylke"]) | set(filters.values("fylke"))
    labels["fylke"] = dict(Fylke.objects.filter(number__in=fylker).order_by("number").values_list("number", "name"))
    kommuner = set(counts["kommune"]) | set(filters.values("kommune"))
    labels["kommune"] = dict(Kommune.objects.filter(number__in=kommuner).order_by("name").values_list("number", "name"))
    years = sorted(set(counts["year"]) | set(filters.values("year")), reverse=True)
    labels["year"] = {year: year for year in years}

    facets = []
    for param, key in FILTER_PARAMS.items():
        chosen = set(filters.values(key))
        options = [
            FacetOption(value=value, label=label, count=counts[key].get(value, 0), selected=value in chosen)
            for value, label in labels[key].items()
            if counts[key].get(value) or value in chosen
        ]
        facets.append(Facet(key=key, param=param, label=str(FILTER_LABELS[key]), options=options))
    return facets
