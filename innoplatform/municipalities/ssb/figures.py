"""The parsed, validated figures of an import, held compactly until they are written.

Two million values as model instances or tuples would take several hundred MB;
as typed arrays they take about 13 bytes each. Problems found while parsing are
collected here too, so the whole input is checked before anything is written.
"""

import itertools
from array import array
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from django.utils.translation import gettext as _

from .regions import Region, RegionKind
from .tables import TableSpec
from .values import shown

MAX_ERRORS = 20
SEXES = ("T", "M", "K")
_SEX_INDEX = {code: index for index, code in enumerate(SEXES)}


def sex_index(code: str) -> int:
    """How a sex code (T, M, K) is kept in FigureColumns.sexes."""
    return _SEX_INDEX[code]


_OPEN = 0xFFFF
_AGES_TO: list[int | None] = [*range(_OPEN), None]
"""Stored age_to by its array value: the value itself, or None (open top group) for _OPEN."""


@dataclass(frozen=True)
class DatasetKey:
    table: str
    alternative: str


class FigureColumns:
    """One dataset's figures, column by column."""

    def __init__(self, spec: TableSpec) -> None:
        self.spec = spec
        self.regions = array("H")
        self.years = array("H")
        self.sexes = array("B")
        self.ages_from = array("H")
        self.ages_to = array("H")
        self.values = array("I")

    def __len__(self) -> int:
        return len(self.values)

    def append(self, region: int, year: int, sex: str, age_from: int, age_to: int | None, value: int) -> None:
        self.regions.append(region)
        self.years.append(year)
        self.sexes.append(_SEX_INDEX[sex])
        self.ages_from.append(age_from)
        self.ages_to.append(_OPEN if age_to is None else age_to)
        self.values.append(value)

    def extend(
        self, region: int, age_from: int, age_to: int | None, keys: list[tuple[int, str]], values: list[int]
    ) -> None:
        """Add one CSV row's values, which share region and age; keys are (year, sex) per value."""
        self.extend_coded(
            region,
            age_from,
            age_to,
            array("H", [year for year, _sex in keys]),
            array("B", [_SEX_INDEX[sex] for _year, sex in keys]),
            values,
        )

    def extend_coded(
        self, region: int, age_from: int, age_to: int | None, years: array, sexes: array, values: list[int]
    ) -> None:
        """Add values that share region and age, with their years and sex indexes (SEXES) already as arrays."""
        count = len(values)
        self.regions.extend(array("H", (region,)) * count)
        self.ages_from.extend(array("H", (age_from,)) * count)
        self.ages_to.extend(array("H", (_OPEN if age_to is None else age_to,)) * count)
        self.years.extend(years)
        self.sexes.extend(sexes)
        self.values.extend(values)

    def rows(
        self, dataset_id: int, region_codes: list[str]
    ) -> Iterator[tuple[int, str, int, str, int, int | None, int]]:
        """(dataset_id, region_code, year, sex, age_from, age_to, value) for every figure: a row to insert.

        Built from C-level iterators (zip, map) rather than a generator: one Python frame per row
        cost more than the INSERT of the row did.
        """
        return zip(
            itertools.repeat(dataset_id),
            map(region_codes.__getitem__, self.regions),
            self.years,
            map(SEXES.__getitem__, self.sexes),
            self.ages_from,
            map(_AGES_TO.__getitem__, self.ages_to),
            self.values,
        )

    def region_indexes(self) -> set[int]:
        return set(self.regions)


class ProblemLog:
    """Errors (capped), and what was deliberately not stored, for the import report."""

    def __init__(self, limit: int = MAX_ERRORS) -> None:
        self.limit = limit
        self.errors: list[str] = []
        self.error_count = 0
        self.missing = 0
        self.historical: Counter[str] = Counter()
        self.special: Counter[str] = Counter()
        self.notes: list[str] = []

    def error(self, place: str, message: str) -> None:
        self.error_count += 1
        if len(self.errors) < self.limit:
            self.errors.append(f"{place}: {message}")

    @property
    def full(self) -> bool:
        """True once so many errors are collected that reading on is pointless."""
        return self.error_count >= self.limit * 50


class FigureBuffer:
    """Everything parsed from one or more sources, keyed by dataset."""

    def __init__(self, alternatives: frozenset[str] = frozenset()) -> None:
        self.alternatives = alternatives
        self.datasets: dict[DatasetKey, FigureColumns] = {}
        self.region_codes: list[str] = []
        self._region_index: dict[str, int] = {}
        self.problems = ProblemLog()
        self.seen_alternatives: set[str] = set()

    def columns(self, spec: TableSpec, alternative: str) -> FigureColumns | None:
        """The columns to fill for a table and alternative; None when --alternative leaves it out."""
        self.seen_alternatives.add(alternative)
        if alternative and self.alternatives and alternative not in self.alternatives:
            return None
        key = DatasetKey(spec.id, alternative)
        if key not in self.datasets:
            self.datasets[key] = FigureColumns(spec)
        return self.datasets[key]

    def region(self, region: Region, place: str, values: int = 1) -> int | None:
        """Index of a region to store; None (after noting why) for one that is not stored."""
        if region.kind.is_stored:
            index = self._region_index.get(region.code)
            if index is None:
                index = self._region_index[region.code] = len(self.region_codes)
                self.region_codes.append(region.code)
            return index
        if region.kind is RegionKind.HISTORICAL:
            self.problems.historical[region.code] += values
        elif region.kind is RegionKind.SPECIAL:
            self.problems.special[f"{region.code} {region.label}".strip()] += values
        else:
            self.problems.error(place, _("Ukjent region «%(region)s».") % {"region": shown(region.code)})
        return None

    @property
    def value_count(self) -> int:
        return sum(len(columns) for columns in self.datasets.values())
