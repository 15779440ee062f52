"""Everything a kommune's profile shows, built with a fixed number of queries.

Reads the kommune's own figures (observed and the chosen projection), the
precomputed summaries of the kommune, its fylke and Norway, and the service
rates; the view, the CSV downloads and the JSON API all start from here.
"""

from dataclasses import dataclass, field

from ..models import DemographicSummary, Kommune, PopulationFigure
from ..public import SimilarKommune, similar_from_summary
from .aggregation import (
    AGE_80_PLUS,
    CHILDREN,
    WORKING_AGE,
    YearSeries,
    aggregate,
    has_sex_breakdown,
    total_of,
    totals,
)
from .datasets import DatasetChoice, current_datasets
from .indicators import CHALLENGE_YEAR, TARGET_YEARS
from .services import ServiceNeed, ServiceRates, project_service_needs, rates_for
from .summaries import FIGURE_FIELDS

COUNTRY_CODE = "0"
PYRAMID_YEAR = CHALLENGE_YEAR
BROAD_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("0-15", CHILDREN),
    ("20-66", WORKING_AGE),
    ("67-79", ("67-79",)),
    ("80+", AGE_80_PLUS),
)


@dataclass
class KommuneProfile:
    kommune: Kommune
    choice: DatasetChoice
    base_year: int
    groups_by_year: dict[int, dict[str, int]]
    observed_years: list[int]
    projected_years: list[int]
    series: YearSeries
    summary: DemographicSummary | None
    fylke_summary: DemographicSummary | None
    country_summary: DemographicSummary | None
    services: list[tuple[ServiceRates, list[ServiceNeed]]] = field(default_factory=list)
    similar: list[SimilarKommune] = field(default_factory=list)

    @property
    def years(self) -> list[int]:
        return sorted(self.groups_by_year)

    @property
    def population(self) -> int:
        return total_of(self.groups_by_year[self.base_year])

    @property
    def pyramid_year(self) -> int | None:
        candidates = [year for year in self.projected_years if year <= PYRAMID_YEAR]
        return candidates[-1] if candidates else None

    @property
    def pyramid_by_sex(self) -> bool:
        year = self.pyramid_year
        return (
            year is not None and has_sex_breakdown(self.series, self.base_year) and has_sex_breakdown(self.series, year)
        )

    def sex_groups(self, year: int) -> dict[str, dict[str, int]]:
        return self.series.get(year, {})

    @property
    def key_years(self) -> list[int]:
        """The base year and the target years the projection reaches."""
        return [self.base_year, *(year for year in TARGET_YEARS if year in self.groups_by_year)]

    def indicators(self, year: int) -> dict:
        return self.summary.indicators.get(str(year), {}) if self.summary else {}

    @property
    def challenges(self) -> list[str]:
        return list(self.summary.challenges) if self.summary else []


def _merge(choice: DatasetChoice, regions_by_dataset: dict[int, YearSeries]) -> tuple[YearSeries, list[int], list[int]]:
    observed = regions_by_dataset.get(choice.observed.pk, {}) if choice.observed else {}
    projected = regions_by_dataset.get(choice.projection.pk, {}) if choice.projection else {}
    observed_years = sorted(observed)
    last_observed = observed_years[-1] if observed_years else None
    projected_years = sorted(year for year in projected if last_observed is None or year > last_observed)
    series = {
        **{year: observed[year] for year in observed_years},
        **{year: projected[year] for year in projected_years},
    }
    return series, observed_years, projected_years


def build_profile(kommune: Kommune, alternative: str | None = None) -> KommuneProfile | None:
    """The profile of one kommune, or None when no figures for it are imported."""
    choice = current_datasets(alternative)
    if choice.is_empty:
        return None
    rows = PopulationFigure.objects.filter(region_code=kommune.number, dataset_id__in=choice.ids).values_list(
        "dataset_id", *FIGURE_FIELDS
    )
    by_dataset: dict[int, list] = {}
    for dataset_id, *row in rows:
        by_dataset.setdefault(dataset_id, []).append(tuple(row))
    regions_by_dataset = {
        pk: aggregate(dataset_rows).get(kommune.number, {}) for pk, dataset_rows in by_dataset.items()
    }
    series, observed_years, projected_years = _merge(choice, regions_by_dataset)
    if not series:
        return None
    groups_by_year = {year: totals(series, year) for year in series}
    base_year = observed_years[-1] if observed_years else projected_years[0]
    summaries = {}
    if choice.projection is not None:
        codes = [kommune.number, kommune.fylke.number, COUNTRY_CODE]
        summaries = {
            s.region_code: s
            for s in DemographicSummary.objects.filter(dataset=choice.projection, region_code__in=codes)
        }
    summary = summaries.get(kommune.number)
    profile = KommuneProfile(
        kommune=kommune,
        choice=choice,
        base_year=base_year,
        groups_by_year=groups_by_year,
        observed_years=observed_years,
        projected_years=projected_years,
        series=series,
        summary=summary,
        fylke_summary=summaries.get(kommune.fylke.number),
        country_summary=summaries.get(COUNTRY_CODE),
    )
    profile.services = project_service_needs(groups_by_year, rates_for(kommune))
    profile.similar = similar_from_summary(summary)
    return profile
