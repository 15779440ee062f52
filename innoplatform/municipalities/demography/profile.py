"""Everything a kommune's profile shows, built with a fixed number of queries.

Reads the kommune's own figures (observed and the chosen projection), the
precomputed summaries of the kommune, its fylke and Norway, and the service
rates; the view, the CSV downloads and the JSON API all start from here.

The profile trusts only what it reads in this request: its state (observed,
projection, both) follows from the figures actually found, the kommune's own
indicators and challenges are computed from them, and a fylke or country
summary is used only when it starts from the same year. A dataset replaced or
emptied by an import a moment ago therefore gives a smaller profile, not an error.
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
    five_year_bands,
    has_sex_breakdown,
    total_of,
    totals,
)
from .challenges import derive_challenges
from .datasets import DatasetChoice, current_datasets
from .indicators import CHALLENGE_YEAR, TARGET_YEARS, Indicators, indicators, status
from .services import ServiceNeed, ServiceRates, project_service_needs, rates_for
from .states import DataState, state_from
from .summaries import FIGURE_FIELDS

COUNTRY_CODE = "0"
PYRAMID_YEAR = CHALLENGE_YEAR
BROAD_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("0-15", CHILDREN),
    ("20-66", WORKING_AGE),
    ("67-79", ("67-79",)),
    ("80+", AGE_80_PLUS),
)

BandsBySex = dict[str, dict[str, int]]


@dataclass
class KommuneProfile:
    kommune: Kommune
    choice: DatasetChoice
    state: DataState
    base_year: int
    groups_by_year: dict[int, dict[str, int]]
    observed_years: list[int]
    projected_years: list[int]
    series: YearSeries
    own_indicators: dict[str, Indicators] = field(default_factory=dict)
    bands: dict[int, BandsBySex] = field(default_factory=dict)
    fylke_summary: DemographicSummary | None = None
    country_summary: DemographicSummary | None = None
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
        """The projected year the pyramid compares with: 2040, or the last year before it."""
        candidates = [year for year in self.projected_years if year <= PYRAMID_YEAR]
        return candidates[-1] if candidates else None

    @property
    def pyramid_years(self) -> list[int]:
        return [self.base_year] if self.pyramid_year is None else [self.base_year, self.pyramid_year]

    @property
    def pyramid_by_sex(self) -> bool:
        return all(has_sex_breakdown(self.series, year) for year in self.pyramid_years)

    @property
    def pyramid_in_bands(self) -> bool:
        """Five-year bands when every pyramid year has single-year figures; SSB's functional groups otherwise."""
        return all(year in self.bands for year in self.pyramid_years)

    def sex_groups(self, year: int | None) -> dict[str, dict[str, int]]:
        if year is None:
            return {}
        return self.bands[year] if self.pyramid_in_bands else self.series.get(year, {})

    @property
    def key_years(self) -> list[int]:
        """The base year and the target years the projection reaches."""
        return [self.base_year, *(year for year in TARGET_YEARS if year in self.projected_years)]

    def indicators(self, year: int) -> Indicators:
        return self.own_indicators.get(str(year), {})

    @property
    def base_status(self) -> Indicators:
        return self.own_indicators.get("base", {})

    @property
    def challenges(self) -> list[str]:
        """Derived from the projection to 2040; none without a projection that reaches it."""
        if not self.state.has_projection:
            return []
        return derive_challenges(self.indicators(CHALLENGE_YEAR))


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


def _own_indicators(groups_by_year: dict[int, dict[str, int]], base_year: int, projected: list[int]) -> dict:
    base = groups_by_year[base_year]
    values: dict[str, Indicators] = {"base": status(base)}
    for year in TARGET_YEARS:
        if year in projected:
            values[str(year)] = indicators(base, groups_by_year[year])
    return values


def _bands(rows_by_dataset: dict[int, list], choice: DatasetChoice, years: list[int], observed: list[int]) -> dict:
    bands = {}
    for year in years:
        dataset = choice.observed if year in observed else choice.projection
        rows = [
            (sex, low, high, value) for _r, y, sex, low, high, value in rows_by_dataset.get(dataset.pk, []) if y == year
        ]
        if (found := five_year_bands(rows)) is not None:
            bands[year] = found
    return bands


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
    state = state_from(
        choice.observed,
        (observed_years[0], observed_years[-1]) if observed_years else None,
        choice.projection,
        projected_years[0] if projected_years else None,
    )
    base_year = state.base_year
    profile = KommuneProfile(
        kommune=kommune,
        choice=choice,
        state=state,
        base_year=base_year,
        groups_by_year=groups_by_year,
        observed_years=observed_years,
        projected_years=projected_years,
        series=series,
        own_indicators=_own_indicators(groups_by_year, base_year, projected_years),
    )
    profile.bands = _bands(by_dataset, choice, profile.pyramid_years, observed_years)
    summary = None
    if state.has_projection:
        codes = [kommune.number, kommune.fylke.number, COUNTRY_CODE]
        summaries = {
            s.region_code: s
            for s in DemographicSummary.objects.filter(dataset=choice.projection, region_code__in=codes)
            if s.base_year == base_year
        }
        summary = summaries.get(kommune.number)
        profile.fylke_summary = summaries.get(kommune.fylke.number)
        profile.country_summary = summaries.get(COUNTRY_CODE)
    profile.services = project_service_needs(groups_by_year, rates_for(kommune))
    profile.similar = similar_from_summary(summary)
    return profile
