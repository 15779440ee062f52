"""A simple cohort-component model that generates the demo's history and projections from the 2024 base.

Each year, by sex and single year of age: people age one year and some die
(Gompertz death rates giving a life expectancy near Norway's, 82 for men and
85 for women, falling by a yearly improvement from age 50); women 15–49 give
birth (a bell-shaped fertility schedule scaled to the total fertility rate);
and a kommune gains or loses people by net migration, mostly young adults and
their children. Net migration is immigration (the same rate everywhere) plus
internal migration, estimated from how far the kommune's share of 20–39-year-olds
in 2024 lies from the national share (kommuner that have lost young adults keep
losing them); internal migration sums to zero nationally.

The three alternatives differ as SSB's do in their letters: fertility, life
expectancy and immigration (HHMH high, LLML low, MMMM in between). The history
before 2024 runs the same model backwards with the main alternative. These are
deliberately simple, documented assumptions (docs/demography.md), not SSB's model.
"""

import functools
import math
from collections.abc import Iterator
from dataclasses import dataclass

from .base import AGES, BasePopulation

SEXES = ("M", "K")
BOYS_PER_BIRTH = 0.513
"""Share of newborns who are boys (about 105 boys per 100 girls)."""
GOMPERTZ_LEVEL = {"M": 0.049, "K": 0.037}
"""Death rate at age 80 in 2024; it grows by GOMPERTZ_SLOPE per year of age."""
GOMPERTZ_SLOPE = 0.11
INFANT_DEATH_RATE = {"M": 0.0020, "K": 0.0017}
YOUNG_DEATH_RATE = {"M": 0.0003, "K": 0.00015}
"""Ages 1–29, where the Gompertz curve would be too low."""
MAX_DEATH_RATE = 0.6
IMPROVEMENT_FROM_AGE = 50
FERTILE_AGES = range(15, 50)
MEAN_AGE_AT_BIRTH = 31.0
FERTILITY_SPREAD = 5.5
INTERNAL_MIGRATION_SCALE = 0.005
"""Yearly internal net migration per unit of relative deviation in the 20–39 share."""
INTERNAL_MIGRATION_LIMIT = 0.008
"""No kommune gains or loses more than 0.8 % of its inhabitants a year by moving within Norway."""

Population = dict[str, list[float]]  # {sex: persons by single year of age, 105 = 105+}


@dataclass(frozen=True)
class Alternative:
    """Assumptions of one projection alternative, named like SSB's (fertility, life expectancy, internal, immigration)."""

    code: str
    fertility: float
    """Total fertility rate (children per woman)."""
    mortality_improvement: float
    """Yearly fall in death rates from age 50."""
    immigration: float
    """Net immigration per year, as a share of the population."""


ALTERNATIVES = (
    Alternative("MMMM", fertility=1.45, mortality_improvement=0.012, immigration=0.0035),
    Alternative("HHMH", fertility=1.75, mortality_improvement=0.022, immigration=0.0065),
    Alternative("LLML", fertility=1.20, mortality_improvement=0.002, immigration=0.0010),
)
MAIN = ALTERNATIVES[0]


def _bell(centre: float, spread: float, ages: range) -> list[float]:
    weights = [math.exp(-0.5 * ((age - centre) / spread) ** 2) if age in ages else 0.0 for age in range(AGES)]
    total = sum(weights)
    return [weight / total for weight in weights]


FERTILITY_SHAPE = _bell(MEAN_AGE_AT_BIRTH, FERTILITY_SPREAD, FERTILE_AGES)
"""Share of a woman's children born at each age; × fertility rate = births per woman of that age."""


def _migration_shape() -> list[float]:
    adults, children = _bell(26, 6, range(16, 70)), _bell(3, 4, range(16))
    weights = [0.8 * adult + 0.2 * child for adult, child in zip(adults, children, strict=True)]
    return [weight / sum(weights) for weight in weights]


MIGRATION_SHAPE = _migration_shape()
"""Age profile of net migrants: young adults (four in five) and their young children."""


def death_rate(sex: str, age: int, years_from_base: int, improvement: float) -> float:
    """Probability of dying within a year at `age`, `years_from_base` years after 2024 (negative: before)."""
    if age == 0:
        rate = INFANT_DEATH_RATE[sex]
    elif age < 30:
        rate = YOUNG_DEATH_RATE[sex]
    else:
        rate = GOMPERTZ_LEVEL[sex] * math.exp(GOMPERTZ_SLOPE * (age - 80))
    if age >= IMPROVEMENT_FROM_AGE:
        rate *= (1 - improvement) ** years_from_base
    return min(MAX_DEATH_RATE, rate)


@functools.cache
def survival(years_from_base: int, alternative: Alternative) -> dict[str, list[float]]:
    """Share surviving the year, by sex and age; the same table serves every kommune."""
    return {
        sex: [1 - death_rate(sex, age, years_from_base, alternative.mortality_improvement) for age in range(AGES)]
        for sex in SEXES
    }


def internal_migration(base: BasePopulation) -> dict[str, float]:
    """Yearly internal net migration rate per kommune, from its 2024 share of 20–39-year-olds (sums to zero)."""
    national_young = sum(sum(p[sex][20:40]) for p in base.values() for sex in SEXES)
    national_total = sum(sum(p[sex]) for p in base.values() for sex in SEXES)
    national_share = national_young / national_total
    rates, sizes = {}, {}
    for number, population in base.items():
        total = sum(sum(population[sex]) for sex in SEXES)
        sizes[number] = total
        share = sum(sum(population[sex][20:40]) for sex in SEXES) / total if total else national_share
        rate = INTERNAL_MIGRATION_SCALE * (share / national_share - 1)
        rates[number] = max(-INTERNAL_MIGRATION_LIMIT, min(INTERNAL_MIGRATION_LIMIT, rate))
    mean = sum(rates[n] * sizes[n] for n in rates) / national_total
    return {number: rate - mean for number, rate in rates.items()}


def _total(population: Population) -> float:
    return sum(sum(persons) for persons in population.values())


def step(population: Population, survives: dict[str, list[float]], fertility: float, migration: float) -> Population:
    """One year forward: ageing with deaths, births, net migration."""
    births = fertility * sum(w * p for w, p in zip(FERTILITY_SHAPE, population["K"], strict=True))
    migrants = _total(population) * migration / 2
    result: Population = {}
    for sex in SEXES:
        alive = [persons * share for persons, share in zip(population[sex], survives[sex], strict=True)]
        aged = [0.0, *alive[:-1]]
        aged[-1] += alive[-1]
        aged[0] = births * (BOYS_PER_BIRTH if sex == "M" else 1 - BOYS_PER_BIRTH) * (1 - (1 - survives[sex][0]) / 2)
        moved = [persons + migrants * weight for persons, weight in zip(aged, MIGRATION_SHAPE, strict=True)]
        result[sex] = moved if migrants >= 0 else [max(0.0, persons) for persons in moved]
    return result


def step_back(population: Population, survives: dict[str, list[float]], migration: float) -> Population:
    """One year backward: who must have lived here a year earlier to give `population`.

    Nearly the inverse of `step`: migration is sized from the later year's total, which the step back knows.
    """
    migrants = _total(population) * migration / 2
    result: Population = {}
    for sex in SEXES:
        arrived = [
            max(0.0, persons - migrants * weight)
            for persons, weight in zip(population[sex], MIGRATION_SHAPE, strict=True)
        ]
        younger = [arrived[age + 1] / survives[sex][age] for age in range(AGES - 1)]
        # The oldest survive mostly within the open group; split it evenly between 104 and 105+.
        younger[-1] = arrived[-1] / 2 / survives[sex][-2]
        result[sex] = [*younger, arrived[-1] / 2 / survives[sex][-1]]
    return result


def as_floats(population: dict[str, list[int]]) -> Population:
    return {sex: [float(persons) for persons in population[sex]] for sex in SEXES}


def project(
    base: Population, migration: float, alternative: Alternative, years: range, base_year: int
) -> Iterator[tuple[int, Population]]:
    """(year, population) for each year in `years` after the base year."""
    population = base
    for year in range(base_year + 1, years.stop):
        population = step(population, survival(year - 1 - base_year, alternative), alternative.fertility, migration)
        if year in years:
            yield year, population


def history(base: Population, migration: float, years: range, base_year: int) -> Iterator[tuple[int, Population]]:
    """(year, population) for each year in `years` before the base year, newest first, with the main alternative."""
    population = base
    for year in range(base_year - 1, years.start - 1, -1):
        population = step_back(population, survival(year - base_year, MAIN), migration)
        yield year, population
