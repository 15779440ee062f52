"""Aggregation of stored figures into SSB's functional age groups, per region, year and sex.

Figures may be stored by single year of age or already by functional group, and
by sex (M, K) or as totals (T); everything downstream sees one shape:
``{region: {year: {sex: {group: persons}}}}`` with a T entry always present.
"""

import logging
from collections import defaultdict
from collections.abc import Iterable, Iterator

from django.db.models import Case, CharField, Count, QuerySet, Sum, Value, When

from ..models import AgeGroup, Sex

logger = logging.getLogger(__name__)

GROUPS: tuple[str, ...] = tuple(AgeGroup.values)
GROUP_BOUNDS: dict[str, tuple[int, int | None]] = {code: AgeGroup.bounds(code) for code in GROUPS}

CHILDREN = ("0", "1-5", "6-12", "13-15")
WORKING_AGE = ("20-44", "45-66")
AGE_67_PLUS = ("67-79", "80-89", "90+")
AGE_80_PLUS = ("80-89", "90+")

# {sex: {group: persons}}
SexGroups = dict[str, dict[str, int]]
# {year: {sex: {group: persons}}}
YearSeries = dict[int, SexGroups]
# (region_code, year, sex, age_from, age_to, value), as read with values_list()
FigureRow = tuple[str, int, str, int, int | None, int]
# (region_code, year, sex, group or None, persons, figures summed), as grouped by the database
GroupedRow = tuple[str, int, str, str | None, int, int]


def group_of(age_from: int, age_to: int | None) -> str | None:
    """The functional group that wholly contains the age range, or None if it spans several."""
    for code, (low, high) in GROUP_BOUNDS.items():
        if age_from < low or (high is not None and age_from > high):
            continue
        if high is None or (age_to is not None and age_to <= high):
            return code
        break
    return None


def aggregate(rows: Iterable[FigureRow]) -> dict[str, YearSeries]:
    """Sum figure rows into functional groups; derive T from M + K where T is not stored."""
    return sum_groups(
        (region, year, sex, group_of(age_from, age_to), value, 1) for region, year, sex, age_from, age_to, value in rows
    )


def group_expression() -> Case:
    """group_of() as SQL: the functional group code of a figure's age range, NULL if it spans several.

    The groups are contiguous and in order, so the first group whose range holds
    age_from is the only candidate; a range reaching past it matches no later
    group either (age_from lies below their lower bounds).
    """
    whens = []
    for code, (low, high) in GROUP_BOUNDS.items():
        if high is None:
            whens.append(When(age_from__gte=low, then=Value(code)))
        else:
            whens.append(When(age_from__gte=low, age_from__lte=high, age_to__lte=high, then=Value(code)))
    return Case(*whens, default=None, output_field=CharField())


def grouped_figures(figures: QuerySet) -> Iterator[GroupedRow]:
    """(region_code, year, sex, group, persons) of a PopulationFigure queryset, summed by the database."""
    return iter(
        figures.annotate(group=group_expression())
        .values("region_code", "year", "sex", "group")
        .annotate(persons=Sum("value"), figures=Count("*"))
        .order_by()
        .values_list("region_code", "year", "sex", "group", "persons", "figures")
    )


def sum_groups(rows: Iterable[GroupedRow]) -> dict[str, YearSeries]:
    """Sum (region, year, sex, group, persons, figures) rows into a series per region; derive T from M + K.

    A row whose group is None spans several functional groups: it is skipped, and counted in a warning.
    """
    result: dict[str, YearSeries] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(lambda: dict.fromkeys(GROUPS, 0)))
    )
    skipped = 0
    for region, year, sex, group, value, figures in rows:
        if group is None:
            skipped += figures
            continue
        result[region][year][sex][group] += value
    if skipped:
        logger.warning("Skipped %d population figures whose age range spans several functional groups", skipped)
    for series in result.values():
        for by_sex in series.values():
            if Sex.TOTAL not in by_sex and Sex.MALE in by_sex and Sex.FEMALE in by_sex:
                by_sex[Sex.TOTAL] = {g: by_sex[Sex.MALE][g] + by_sex[Sex.FEMALE][g] for g in GROUPS}
    return {
        region: {year: {sex: dict(groups) for sex, groups in by_sex.items()} for year, by_sex in series.items()}
        for region, series in result.items()
    }


def add_missing_totals(regions: dict[str, YearSeries]) -> None:
    """Give fylker (first two digits) and Norway ("0") the sum of their kommuner where not stored.

    The demo and some imports hold kommuner only; SSB's own fylke and country rows win when present.
    """
    sums: dict[str, YearSeries] = {}
    for code, series in list(regions.items()):
        if len(code) != 4:
            continue
        for parent in (code[:2], "0"):
            if parent in regions:
                continue
            target = sums.setdefault(parent, {})
            for year, by_sex in series.items():
                for sex, groups in by_sex.items():
                    bucket = target.setdefault(year, {}).setdefault(sex, dict.fromkeys(GROUPS, 0))
                    for group, value in groups.items():
                        bucket[group] += value
    regions.update(sums)


def totals(series: YearSeries, year: int) -> dict[str, int]:
    """Persons per group (both sexes) in one year; empty if the year is missing."""
    return series.get(year, {}).get(Sex.TOTAL, {})


def total_of(groups: dict[str, int], members: Iterable[str] = GROUPS) -> int:
    return sum(groups.get(group, 0) for group in members)


def has_sex_breakdown(series: YearSeries, year: int) -> bool:
    by_sex = series.get(year, {})
    return Sex.MALE in by_sex and Sex.FEMALE in by_sex


BAND_TOP = 90
BANDS: tuple[str, ...] = (*(f"{low}-{low + 4}" for low in range(0, BAND_TOP, 5)), f"{BAND_TOP}+")
"""Five-year bands for the pyramid (0–4 … 85–89, 90+): even widths draw a true pyramid, the functional groups a diamond."""


def five_year_bands(rows: Iterable[tuple[str, int, int | None, int]]) -> dict[str, dict[str, int]] | None:
    """Persons per five-year band by sex from (sex, age_from, age_to, value) rows of one year.

    None when a figure below 90 spans more than one year of age (functional groups):
    bands cannot be made from them. T is derived from M + K where not stored.
    """
    result: dict[str, dict[str, int]] = {}
    found = False
    for sex, age_from, age_to, value in rows:
        if age_from < BAND_TOP and age_to != age_from:
            return None
        band = BANDS[-1] if age_from >= BAND_TOP else BANDS[age_from // 5]
        bucket = result.setdefault(sex, dict.fromkeys(BANDS, 0))
        bucket[band] += value
        found = True
    if not found:
        return None
    if Sex.TOTAL not in result and Sex.MALE in result and Sex.FEMALE in result:
        result[Sex.TOTAL] = {band: result[Sex.MALE][band] + result[Sex.FEMALE][band] for band in BANDS}
    return result


def band_label(band: str) -> str:
    """ "0–4" or "90+": short enough for the pyramid's axis on a phone."""
    return band.replace("-", "–")
