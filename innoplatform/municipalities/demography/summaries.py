"""Precomputes each region's indicators, challenges and similar kommuner after every import.

Profile pages, the compare view, the API and other apps then read a handful of
summary rows instead of aggregating thousands of figures per request. Every
region with figures gets a row: one per projection alternative where a
projection covers it, otherwise one without a projection (observed figures
only), so "which figures does this kommune have?" is always one indexed lookup.
"""

import logging
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max, Min

from innoplatform.core import generations

from ..models import DemographicSummary, PopulationDataset, PopulationFigure
from .aggregation import YearSeries, add_missing_totals, grouped_figures, sum_groups, total_of, totals
from .challenges import derive_challenges
from .datasets import choose_datasets, forget_datasets
from .indicators import CHALLENGE_YEAR, TARGET_YEARS, indicators, status
from .similarity import nearest_neighbours

logger = logging.getLogger(__name__)

FIGURE_FIELDS = ("region_code", "year", "sex", "age_from", "age_to", "value")


@dataclass(frozen=True)
class Coverage:
    """First and last year a region has observed figures for."""

    first: int
    last: int


def _read(dataset: PopulationDataset, years: set[int]) -> dict[str, YearSeries]:
    regions = sum_groups(grouped_figures(PopulationFigure.objects.filter(dataset=dataset, year__in=sorted(years))))
    add_missing_totals(regions)
    return regions


def observed_coverage(observed: PopulationDataset) -> dict[str, Coverage]:
    """Years of observed figures per region; fylker and Norway not stored take the span of their kommuner."""
    rows = (
        PopulationFigure.objects.filter(dataset=observed)
        .values_list("region_code")
        .annotate(first=Min("year"), last=Max("year"))
    )
    coverage = {region: Coverage(first, last) for region, first, last in rows}
    derived: dict[str, Coverage] = {}
    for region, span in coverage.items():
        if len(region) != 4:
            continue
        for parent in (region[:2], "0"):
            if parent in coverage:
                continue
            known = derived.get(parent)
            derived[parent] = (
                span if known is None else Coverage(min(known.first, span.first), max(known.last, span.last))
            )
    return coverage | derived


def _projection_start(projection: PopulationDataset) -> int | None:
    return projection.figures.aggregate(first=Min("year"))["first"]


def _row(
    region: str,
    base_year: int,
    base: dict[str, int],
    span: Coverage | None,
    observed: PopulationDataset | None,
    projection: PopulationDataset | None,
    series: YearSeries,
) -> DemographicSummary:
    values = {"base": status(base)}
    for year in TARGET_YEARS:
        if year > base_year and (target := totals(series, year)):
            values[str(year)] = indicators(base, target)
    return DemographicSummary(
        region_code=region,
        dataset=projection,
        observed_dataset=observed if span else None,
        observed_first_year=span.first if span else None,
        observed_last_year=span.last if span else None,
        base_year=base_year,
        population=total_of(base),
        indicators=values,
        challenges=derive_challenges(values.get(str(CHALLENGE_YEAR), {})) if projection else [],
    )


def _summaries(observed: PopulationDataset | None, projections: list[PopulationDataset]) -> list[DemographicSummary]:
    coverage = observed_coverage(observed) if observed else {}
    observed_regions = _read(observed, {span.last for span in coverage.values()}) if observed else {}
    summaries: list[DemographicSummary] = []
    projected_regions: set[str] = set()
    for projection in projections:
        start = _projection_start(projection)
        if start is None:
            continue
        projected = _read(projection, {start, *(span.last for span in coverage.values()), *TARGET_YEARS})
        rows = []
        for region, series in projected.items():
            span = coverage.get(region)
            base_series, base_year = (observed_regions.get(region, {}), span.last) if span else (series, start)
            base = totals(base_series, base_year) or totals(series, base_year)
            if not base:
                continue
            rows.append(_row(region, base_year, base, span, observed, projection, series))
        _add_similar(rows)
        summaries += rows
        projected_regions |= {row.region_code for row in rows}
    for region, span in coverage.items():
        if region in projected_regions:
            continue
        if base := totals(observed_regions.get(region, {}), span.last):
            summaries.append(_row(region, span.last, base, span, observed, None, {}))
    return summaries


def _add_similar(rows: list[DemographicSummary]) -> None:
    neighbours = nearest_neighbours(
        {
            row.region_code: (row.indicators.get(str(CHALLENGE_YEAR), {}), row.population)
            for row in rows
            if len(row.region_code) == 4
        }
    )
    for row in rows:
        row.similar = [
            {"number": n.number, "dimensions": list(n.dimensions)} for n in neighbours.get(row.region_code, [])
        ]


def refresh_demographic_summaries(sender=None, datasets=None, **kwargs) -> int:
    """Rebuild all summaries from the current datasets; a receiver of `population_imported`.

    Every projection dataset of the chosen table gets summaries, so a visitor can
    switch projection alternative without losing indicators. Returns rows written.
    """
    forget_datasets()
    choice = choose_datasets(list(PopulationDataset.objects.all()))
    summaries = _summaries(choice.observed, choice.alternatives)
    with transaction.atomic():
        DemographicSummary.objects.all().delete()
        DemographicSummary.objects.bulk_create(summaries, batch_size=500)
        transaction.on_commit(lambda: generations.invalidate("municipalities"))  # bulk_create sends no signal
    logger.info("Refreshed %d demographic summaries", len(summaries))
    return len(summaries)
