"""Demographic challenges derived from the 2040 indicators, with the thresholds written out.

The thresholds mark a change large enough that a kommune will have to plan for
it; they are documented in docs/demography.md. Codes come from the shared
vocabulary, so cases and partner posts tagged with the same code can be matched.
"""

from innoplatform.core.vocabularies import Challenge

from .indicators import (
    AGE_80_CHANGE,
    AGE_80_SHARE,
    CHILDREN_CHANGE,
    OLD_AGE_DEPENDENCY,
    POPULATION_CHANGE,
    WORKING_AGE_CHANGE,
    Indicators,
)

AGEING_80_PLUS_GROWTH_PCT = 60.0
"""aldring: the number aged 80+ grows by more than this (per cent) ..."""
AGEING_80_PLUS_SHARE_PCT = 10.0
"""... or at least this share (per cent) of the inhabitants is 80+ (Norway 2024: about 4.7 %)."""
DECLINE_PCT = -3.0
"""befolkningsnedgang: the population falls by more than 3 %."""
DEPENDENCY_RATIO = 0.45
"""arbeidskraft: at least 0.45 persons aged 67+ per person aged 20–66 (Norway 2024: about 0.3) ..."""
WORKING_AGE_DECLINE_PCT = -5.0
"""... or the working-age population (20–66) falls by more than 5 %."""
FEWER_CHILDREN_PCT = -10.0
"""faerre-barn: the number aged 0–15 falls by more than 10 %."""
GROWTH_PCT = 12.0
"""befolkningsvekst: the population grows by more than 12 %."""


def _above(value: float | None, limit: float) -> bool:
    return value is not None and value > limit


def _at_least(value: float | None, limit: float) -> bool:
    return value is not None and value >= limit


def _below(value: float | None, limit: float) -> bool:
    return value is not None and value < limit


def derive_challenges(values: Indicators) -> list[str]:
    """Challenge codes, in vocabulary order, that the 2040 indicators meet."""
    met = {
        Challenge.ALDRING: _above(values.get(AGE_80_CHANGE), AGEING_80_PLUS_GROWTH_PCT)
        or _at_least(values.get(AGE_80_SHARE), AGEING_80_PLUS_SHARE_PCT),
        Challenge.BEFOLKNINGSNEDGANG: _below(values.get(POPULATION_CHANGE), DECLINE_PCT),
        Challenge.ARBEIDSKRAFT: _at_least(values.get(OLD_AGE_DEPENDENCY), DEPENDENCY_RATIO)
        or _below(values.get(WORKING_AGE_CHANGE), WORKING_AGE_DECLINE_PCT),
        Challenge.FAERRE_BARN: _below(values.get(CHILDREN_CHANGE), FEWER_CHILDREN_PCT),
        Challenge.BEFOLKNINGSVEKST: _above(values.get(POPULATION_CHANGE), GROWTH_PCT),
    }
    return [str(code) for code in Challenge.values if met.get(code)]
