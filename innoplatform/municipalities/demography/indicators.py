"""Indicators of how a region's age structure changes from the latest observed year to 2030, 2040 and 2050.

Changes are in per cent of the base (latest observed) year; shares and the
old-age dependency ratio (67+ per person aged 20–66) are for the target year.
A value is None where the base is zero, so small kommuner never divide by zero.
"""

from django.utils.translation import gettext_lazy as _

from .aggregation import AGE_67_PLUS, AGE_80_PLUS, CHILDREN, WORKING_AGE, total_of

TARGET_YEARS: tuple[int, ...] = (2030, 2040, 2050)
CHALLENGE_YEAR = 2040

POPULATION_CHANGE = "population_change_pct"
AGE_80_CHANGE = "age_80_plus_change_pct"
AGE_80_SHARE = "age_80_plus_share_pct"
OLD_AGE_DEPENDENCY = "old_age_dependency"
WORKING_AGE_CHANGE = "working_age_change_pct"
CHILDREN_CHANGE = "children_change_pct"

INDICATOR_LABELS = {
    POPULATION_CHANGE: _("Endring i folketall (%)"),
    AGE_80_CHANGE: _("Endring i antall 80 år og eldre (%)"),
    AGE_80_SHARE: _("Andel 80 år og eldre (%)"),
    OLD_AGE_DEPENDENCY: _("Eldre per person i yrkesaktiv alder (67+ per 20–66 år)"),
    WORKING_AGE_CHANGE: _("Endring i yrkesaktiv alder, 20–66 år (%)"),
    CHILDREN_CHANGE: _("Endring i barn og unge, 0–15 år (%)"),
}
INDICATOR_KEYS: tuple[str, ...] = tuple(INDICATOR_LABELS)

Indicators = dict[str, float | None]


def _change(before: int, after: int) -> float | None:
    return None if before == 0 else round((after / before - 1) * 100, 1)


def _ratio(part: int, whole: int, scale: float = 1, digits: int = 3) -> float | None:
    return None if whole == 0 else round(part / whole * scale, digits)


def status(groups: dict[str, int]) -> Indicators:
    """Share of 80+ and old-age dependency in one year (the "now" column)."""
    return {
        AGE_80_SHARE: _ratio(total_of(groups, AGE_80_PLUS), total_of(groups), 100, 1),
        OLD_AGE_DEPENDENCY: _ratio(total_of(groups, AGE_67_PLUS), total_of(groups, WORKING_AGE)),
    }


def indicators(base: dict[str, int], target: dict[str, int]) -> Indicators:
    """All six indicators of a target year against the base year, from persons per functional group."""
    return {
        POPULATION_CHANGE: _change(total_of(base), total_of(target)),
        AGE_80_CHANGE: _change(total_of(base, AGE_80_PLUS), total_of(target, AGE_80_PLUS)),
        **status(target),
        WORKING_AGE_CHANGE: _change(total_of(base, WORKING_AGE), total_of(target, WORKING_AGE)),
        CHILDREN_CHANGE: _change(total_of(base, CHILDREN), total_of(target, CHILDREN)),
    }
