"""Precomputes each region's indicators, challenges and similar kommuner after every import.

Profile pages, the compare view, the API and other apps then read a handful of
summary rows instead of aggregating thousands of figures per request.
"""

import logging

from django.db import transaction
from django.db.models import Max

from ..models import DemographicSummary, PopulationDataset, PopulationFigure
from .aggregation import FigureRow, YearSeries, add_missing_totals, aggregate, total_of, totals
from .challenges import derive_challenges
from .datasets import choose_datasets, forget_datasets
from .indicators import CHALLENGE_YEAR, TARGET_YEARS, indicators, status
from .similarity import nearest_neighbours

logger = logging.getLogger(__name__)

FIGURE_FIELDS = ("region_code", "year", "sex", "age_from", "age_to", "value")


def _read(dataset: PopulationDataset, years: list[int]) -> dict[str, YearSeries]:
    rows: list[FigureRow] = list(
        PopulationFigure.objects.filter(dataset=dataset, year__in=years).values_list(*FIGURE_FIELDS)
    )
    regions = aggregate(rows)
    add_missing_totals(regions)
    return regions


def _summaries_for(
    projection: PopulationDataset, observed: PopulationDataset | None, base_year: int | None
) -> list[DemographicSummary]:
    if base_year is None:
        base_year = projection.base_year or projection.figures.aggregate(Max("year"))["year__max"]
    projected = _read(projection, [base_year, *TARGET_YEARS])
    base_regions = _read(observed, [base_year]) if observed else projected
    summaries = []
    for region, series in projected.items():
        base = totals(base_regions.get(region, {}), base_year) or totals(series, base_year)
        if not base:
            continue
        values = {"base": status(base)}
        for year in TARGET_YEARS:
            if target := totals(series, year):
                values[str(year)] = indicators(base, target)
        summaries.append(
            DemographicSummary(
                region_code=region,
                dataset=projection,
                observed_dataset=observed,
                base_year=base_year,
                population=total_of(base),
                indicators=values,
                challenges=derive_challenges(values.get(str(CHALLENGE_YEAR), {})),
            )
        )
    neighbours = nearest_neighbours(
        {
            s.region_code: (s.indicators.get(str(CHALLENGE_YEAR), {}), s.population)
            for s in summaries
            if len(s.region_code) == 4
        }
    )
    for summary in summaries:
        summary.similar = [
            {"number": n.number, "dimensions": list(n.dimensions)} for n in neighbours.get(summary.region_code, [])
        ]
    return summaries


def refresh_demographic_summaries(sender=None, datasets=None, **kwargs) -> int:
    """Rebuild all summaries from the current datasets; a receiver of `population_imported`.

    Every projection dataset of the chosen table gets summaries, so a visitor can
    switch projection alternative without losing indicators. Returns rows written.
    """
    forget_datasets()
    choice = choose_datasets(list(PopulationDataset.objects.all()))
    summaries: list[DemographicSummary] = []
    if choice.projection is not None:
        base_year = choice.observed.figures.aggregate(Max("year"))["year__max"] if choice.observed is not None else None
        for projection in choice.alternatives:
            summaries += _summaries_for(projection, choice.observed, base_year)
    with transaction.atomic():
        DemographicSummary.objects.all().delete()
        DemographicSummary.objects.bulk_create(summaries, batch_size=500)
    logger.info("Refreshed %d demographic summaries", len(summaries))
    return len(summaries)
