"""Several kommuner side by side: their summaries for one projection, from two queries.

Visitors type a name or number per kommune; unknown entries are reported back
rather than silently dropped. Each kommune keeps its own data state: one with
observed figures only shows its population and no indicators, and is named as
such instead of showing an empty column.
"""

from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext as _

from innoplatform.core.vocabularies import Challenge

from ..models import DemographicSummary, Kommune
from .datasets import DatasetChoice, current_datasets
from .indicators import CHALLENGE_YEAR, INDICATOR_KEYS, INDICATOR_LABELS
from .provenance import source_text
from .states import DataKind, DataState, state_of

MAX_COMPARED = 6


@dataclass(frozen=True)
class ComparedRow:
    key: str
    label: str
    values: list


@dataclass(frozen=True)
class Comparison:
    choice: DatasetChoice
    kommuner: list[Kommune]
    states: list[DataState]
    populations: list[int | None]
    base_years: list[int | None]
    rows: list[ComparedRow]
    challenges: list[list[str] | None]
    year: int = CHALLENGE_YEAR

    @property
    def population_cells(self) -> list[tuple[int | None, int | None]]:
        """(population, the year it is for) per kommune."""
        return list(zip(self.populations, self.base_years, strict=True))

    @property
    def any_figures(self) -> bool:
        return any(state.kind is not DataKind.NONE for state in self.states)

    def _names(self, kind: DataKind) -> str:
        names = [k.name for k, state in zip(self.kommuner, self.states, strict=True) if state.kind is kind]
        return names_list(names)

    @property
    def observed_only(self) -> str:
        """Names of the kommuner with observed figures but no projection."""
        return self._names(DataKind.OBSERVED)

    @property
    def without_figures(self) -> str:
        """Names of the kommuner with no figures at all."""
        return self._names(DataKind.NONE)

    @property
    def sources(self) -> list[str]:
        """The distinct source lines of the compared kommuner, in order."""
        return list(dict.fromkeys(source_text(state) for state in self.states if state.kind is not DataKind.NONE))


def names_list(names: list[str]) -> str:
    """ "Bergen", "Bergen og Oslo", "Bergen, Oslo og Bodø"."""
    if len(names) < 2:
        return "".join(names)
    return _("%(first)s og %(last)s") % {"first": ", ".join(names[:-1]), "last": names[-1]}


def parse_kommune_inputs(inputs: list[str], kommuner: list[Kommune]) -> tuple[list[Kommune], list[str]]:
    """Match each entry ("4003", "Skien" or "4003 Skien") to a kommune; return matches and the unknown."""
    by_number = {kommune.number: kommune for kommune in kommuner}
    by_name = {kommune.name.casefold(): kommune for kommune in kommuner}
    chosen: list[Kommune] = []
    unknown: list[str] = []
    for text in inputs:
        number = text[:4]
        kommune = by_number.get(number) if number.isdigit() else by_name.get(text.casefold())
        if kommune is None:
            unknown.append(text)
        elif kommune not in chosen:
            chosen.append(kommune)
    return chosen[:MAX_COMPARED], unknown


def compare_kommuner(kommuner: list[Kommune], alternative: str | None = None) -> Comparison:
    """Indicators for the challenge year and derived challenges of each kommune, in input order."""
    choice = current_datasets(alternative)
    condition = Q(dataset__isnull=True)
    if choice.projection is not None:
        condition |= Q(dataset=choice.projection)
    summaries = {
        s.region_code: s
        for s in DemographicSummary.objects.filter(condition, region_code__in=[k.number for k in kommuner])
    }
    ordered = [summaries.get(kommune.number) for kommune in kommuner]
    datasets = {dataset.pk: dataset for dataset in (choice.observed, choice.projection) if dataset}
    year = str(CHALLENGE_YEAR)
    projected = [s if s is not None and s.dataset_id else None for s in ordered]
    rows = [
        ComparedRow(
            key, str(INDICATOR_LABELS[key]), [s.indicators.get(year, {}).get(key) if s else None for s in projected]
        )
        for key in INDICATOR_KEYS
    ]
    challenges = [[str(Challenge(code).label) for code in s.challenges] if s else None for s in projected]
    return Comparison(
        choice,
        kommuner,
        [state_of(s, datasets) for s in ordered],
        [s.population if s else None for s in ordered],
        [s.base_year if s else None for s in ordered],
        rows,
        challenges,
    )
