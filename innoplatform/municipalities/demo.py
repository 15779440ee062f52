"""Generated demo population for every kommune: observed 2015–2025, projected 2026–2050.

A small seeded cohort model by functional age group and sex: each year a share
of every group ages into the next, some die, women 20–44 give birth, and people
move in or out by kommune class (cities and regional centres grow, rural
kommuner lose young adults and age). Plausible, deterministic, clearly not SSB's
figures: the datasets are flagged ``is_demo`` and every page says so.
"""

import random
from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection, transaction

from .demography.aggregation import GROUP_BOUNDS, GROUPS
from .models import Kommune, PopulationDataset, PopulationFigure
from .signals import population_imported

SEED = 2026
DEMO_SOURCE = "Demodata generert av load_demo_data"
OBSERVED_YEARS = range(2015, 2026)
PROJECTED_YEARS = range(2026, 2051)
PROJECTION_BASE_YEAR = 2026

CITIES = {
    "0301": 640_000,
    "4601": 280_000,
    "5001": 200_000,
    "1103": 140_000,
    "3201": 125_000,
    "4204": 110_000,
    "3301": 100_000,
    "3107": 82_000,
    "1108": 80_000,
    "5501": 76_000,
    "3203": 95_000,
    "3205": 85_000,
    "4003": 55_000,
}
WIDTHS = {code: (high - low + 1) if high is not None else None for code, (low, high) in GROUP_BOUNDS.items()}
MORTALITY = dict(zip(GROUPS, (0.002, 0.0001, 0.0001, 0.0002, 0.0004, 0.0007, 0.003, 0.012, 0.06, 0.2), strict=True))
# Shares of the population by group in 2015 for a young (city) and an old (rural) kommune.
YOUNG_SHARES = (0.012, 0.06, 0.085, 0.037, 0.05, 0.37, 0.265, 0.075, 0.033, 0.008)
OLD_SHARES = (0.009, 0.048, 0.075, 0.038, 0.05, 0.27, 0.3, 0.13, 0.063, 0.017)


@dataclass(frozen=True)
class Alternative:
    """An SSB-like projection alternative: fertility, life expectancy and migration multipliers."""

    code: str
    fertility: float
    mortality: float
    migration: float


ALTERNATIVES = (
    Alternative("MMMM", 1.0, 1.0, 0.0),
    Alternative("HHMH", 1.15, 0.9, 0.004),
    Alternative("LLML", 0.85, 1.1, -0.003),
)

Population = dict[str, dict[str, float]]  # {sex: {group: persons}}


def _start(rng: random.Random, size: int, ruralness: float) -> Population:
    shares = [y + (o - y) * ruralness for y, o in zip(YOUNG_SHARES, OLD_SHARES, strict=True)]
    total = sum(shares)
    population: Population = {"M": {}, "K": {}}
    for group, share in zip(GROUPS, shares, strict=True):
        women = 0.5 + (0.12 if group in ("80-89", "90+") else 0.0)
        persons = size * share / total * rng.uniform(0.95, 1.05)
        population["K"][group] = persons * women
        population["M"][group] = persons * (1 - women)
    return population


def _wave(year: int) -> float:
    """How strongly 67–79 ages into 80+ in a year: the large post-war cohorts reach 80 from the mid-2020s."""
    return min(1.7, 0.6 + 0.055 * (year - OBSERVED_YEARS[0]))


def _step(population: Population, migration: float, alternative: Alternative, year: int) -> Population:
    """One year: ageing, deaths, births and net migration (mostly young adults and their children)."""
    result: Population = {}
    for sex, groups in population.items():
        excess = 1.2 if sex == "M" else 1.0
        moved: dict[str, float] = dict.fromkeys(GROUPS, 0.0)
        for index, group in enumerate(GROUPS):
            persons = groups[group] * (1 - MORTALITY[group] * excess * alternative.mortality)
            width = WIDTHS[group]
            leaving = persons / width * (_wave(year) if group == "67-79" else 1.0) if width else 0.0
            moved[group] += persons - leaving
            if width:
                moved[GROUPS[index + 1]] += leaving
        result[sex] = moved
    births = population["K"]["20-44"] * 0.058 * alternative.fertility
    total = sum(sum(groups.values()) for groups in population.values())
    net = total * (migration + alternative.migration)
    for sex, part in (("M", 0.513), ("K", 0.487)):
        result[sex]["0"] += births * part
        for group, weight in (("20-44", 0.6), ("1-5", 0.1), ("6-12", 0.1), ("45-66", 0.15), ("67-79", 0.05)):
            result[sex][group] = max(0.0, result[sex][group] + net * weight / 2)
    return result


def _kommune_parameters(rng: random.Random, number: str) -> tuple[int, float, float]:
    """Size, ruralness (0 city … 1 rural) and yearly net migration rate of one kommune."""
    if number in CITIES:
        return CITIES[number], 0.0, rng.uniform(0.006, 0.011)
    size = int(min(60_000, max(200, rng.lognormvariate(8.6, 1.0))))
    ruralness = min(1.0, max(0.0, 1.2 - size / 25_000 + rng.uniform(-0.2, 0.2)))
    migration = rng.uniform(0.006, 0.013) - ruralness * rng.uniform(0.005, 0.012)
    return size, ruralness, migration


FigureValues = tuple[int, str, int, str, int, int | None, int]
FIGURE_COLUMNS = ("dataset", "region_code", "year", "sex", "age_from", "age_to", "value")


def _figures(dataset: PopulationDataset, number: str, year: int, population: Population, by_sex: bool) -> list:
    if not by_sex:
        population = {"T": {g: population["M"][g] + population["K"][g] for g in GROUPS}}
    return [
        (dataset.pk, number, year, sex, GROUP_BOUNDS[group][0], GROUP_BOUNDS[group][1], round(persons))
        for sex, groups in population.items()
        for group, persons in groups.items()
    ]


def _insert(rows: list[FigureValues]) -> None:
    """One executemany instead of bulk_create: on SQLite Django splits bulk_create into
    statements of about 140 rows and builds a model instance per row, which made the
    demo take most of a minute for its ~435 000 figures."""
    meta = PopulationFigure._meta
    columns = ", ".join(connection.ops.quote_name(meta.get_field(name).column) for name in FIGURE_COLUMNS)
    placeholders = ", ".join(["%s"] * len(FIGURE_COLUMNS))
    sql = f"INSERT INTO {connection.ops.quote_name(meta.db_table)} ({columns}) VALUES ({placeholders})"  # noqa: S608 (names from the model, values as parameters)
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def _dataset(table: str, kind: str, alternative: str, base_year: int | None) -> PopulationDataset | None:
    """The demo dataset for a table and alternative, or None where real figures already hold the slot."""
    dataset = PopulationDataset.objects.filter(table=table, alternative=alternative).first()
    if dataset is not None and not dataset.is_demo:
        return None
    if dataset is None:
        dataset = PopulationDataset(table=table, alternative=alternative)
    dataset.kind, dataset.base_year, dataset.source, dataset.is_demo = kind, base_year, DEMO_SOURCE, True
    dataset.save()
    dataset.figures.all().delete()
    return dataset


def load_demo_population(stdout=None, seed: int = SEED, kommuner: list[str] | None = None) -> list[PopulationDataset]:
    """Create or replace the demo datasets and send `population_imported`; returns the datasets written."""
    write: Callable[[str], object] = stdout.write if stdout else (lambda _text: None)
    numbers = kommuner or list(Kommune.objects.order_by("number").values_list("number", flat=True))
    with transaction.atomic():
        observed = _dataset("07459", PopulationDataset.Kind.OBSERVED, "", None)
        projections = {
            alt.code: _dataset("14746", PopulationDataset.Kind.PROJECTED, alt.code, PROJECTION_BASE_YEAR)
            for alt in ALTERNATIVES
        }
        figures: list[FigureValues] = []
        for number in numbers:
            rng = random.Random(f"{seed}-{number}")  # noqa: S311 (reproducible demo figures, not security)
            size, ruralness, migration = _kommune_parameters(rng, number)
            population = _start(rng, size, ruralness)
            for year in OBSERVED_YEARS:
                if observed is not None:
                    figures += _figures(observed, number, year, population, by_sex=True)
                population = _step(population, migration + rng.uniform(-0.002, 0.002), ALTERNATIVES[0], year)
            for alternative in ALTERNATIVES:
                dataset = projections[alternative.code]
                projected = population
                for year in PROJECTED_YEARS:
                    if dataset is not None:
                        main = alternative.code == ALTERNATIVES[0].code
                        figures += _figures(dataset, number, year, projected, by_sex=main)
                    projected = _step(projected, migration * 0.8, alternative, year)
        _insert(figures)
    datasets = [d for d in (observed, *projections.values()) if d is not None]
    write(f"Demodata: {len(figures)} befolkningstall i {len(datasets)} datasett for {len(numbers)} kommuner.\n")
    population_imported.send(sender=PopulationDataset, datasets=datasets)
    return datasets
