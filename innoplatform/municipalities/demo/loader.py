"""Writes the demo datasets: SSB's 2024 population, generated history 2015–2023 and three generated projections.

The observed dataset (07459) holds SSB's real figures for 2024 by sex and single
year of age, marked as SSB's (`ssb_years`), and generated years before it by
functional group and sex. The projections (14288, base year 2024, alternatives
MMMM, HHMH, LLML) are wholly generated; MMMM is stored by sex, with single years
in the pyramid year so the pyramid can be drawn in five-year bands, the other two
as totals. Every dataset is flagged `is_demo`; real imported datasets are never
touched, and demo datasets left from earlier versions are removed.
"""

from collections.abc import Callable

from django.db import connection, transaction

from ..demography.aggregation import GROUP_BOUNDS, GROUPS
from ..demography.profile import PYRAMID_YEAR
from ..models import Kommune, PopulationDataset, PopulationFigure
from ..signals import population_imported
from .base import AGES, BASE_FILE, BASE_YEAR, read_base
from .cohort import ALTERNATIVES, MAIN, Population, as_floats, history, internal_migration, project

DEMO_SOURCE = f"load_demo_data: kohortmodell fra {BASE_FILE.name}"
HISTORY_YEARS = range(2015, BASE_YEAR)
PROJECTED_YEARS = range(BASE_YEAR + 1, 2051)
OBSERVED_TABLE = "07459"
PROJECTION_TABLE = "14288"

FigureValues = tuple[int, str, int, str, int, int | None, int]
FIGURE_COLUMNS = ("dataset", "region_code", "year", "sex", "age_from", "age_to", "value")
_GROUP_AGES = [(group, GROUP_BOUNDS[group][0], GROUP_BOUNDS[group][1]) for group in GROUPS]


def _by_group(persons: list[float]) -> list[tuple[int, int | None, int]]:
    """(age_from, age_to, persons) per functional group."""
    return [
        (low, high, round(sum(persons[low : (high if high is not None else AGES - 1) + 1])))
        for _group, low, high in _GROUP_AGES
    ]


def _by_single_year(persons: list[float]) -> list[tuple[int, int | None, int]]:
    return [(age, age if age < AGES - 1 else None, round(count)) for age, count in enumerate(persons)]


def _rows(dataset_id: int, number: str, year: int, population: Population, *, by_sex: bool, single: bool) -> list:
    split = _by_single_year if single else _by_group
    if by_sex:
        parts = population.items()
    else:
        parts = [("T", [m + k for m, k in zip(population["M"], population["K"], strict=True)])]
    return [
        (dataset_id, number, year, sex, low, high, value)
        for sex, persons in parts
        for low, high, value in split(persons)
    ]


def _insert(rows: list[FigureValues]) -> None:
    """One executemany instead of bulk_create: on SQLite Django splits bulk_create into
    statements of about 140 rows and builds a model instance per row, which made the
    demo take most of a minute for its half a million figures."""
    meta = PopulationFigure._meta
    columns = ", ".join(connection.ops.quote_name(meta.get_field(name).column) for name in FIGURE_COLUMNS)
    placeholders = ", ".join(["%s"] * len(FIGURE_COLUMNS))
    sql = f"INSERT INTO {connection.ops.quote_name(meta.db_table)} ({columns}) VALUES ({placeholders})"  # noqa: S608 (names from the model, values as parameters)
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def _dataset(table: str, kind: str, alternative: str, base_year: int | None, ssb_years: list[int]):
    """The demo dataset for a table and alternative, emptied; None where real figures already hold the slot."""
    dataset = PopulationDataset.objects.filter(table=table, alternative=alternative).first()
    if dataset is not None and not dataset.is_demo:
        return None
    if dataset is None:
        dataset = PopulationDataset(table=table, alternative=alternative)
    dataset.kind, dataset.base_year, dataset.source, dataset.is_demo = kind, base_year, DEMO_SOURCE, True
    dataset.ssb_years = ssb_years
    dataset.save()
    dataset.figures.all().delete()
    return dataset


def _kommune_rows(number: str, base: Population, migration: float, observed, projections: dict) -> list:
    rows = []
    if observed is not None:
        rows += _rows(observed.pk, number, BASE_YEAR, base, by_sex=True, single=True)
        for year, population in history(base, migration + MAIN.immigration, HISTORY_YEARS, BASE_YEAR):
            rows += _rows(observed.pk, number, year, population, by_sex=True, single=False)
    for alternative in ALTERNATIVES:
        dataset = projections[alternative.code]
        if dataset is None:
            continue
        main = alternative is MAIN
        for year, population in project(
            base, migration + alternative.immigration, alternative, PROJECTED_YEARS, BASE_YEAR
        ):
            single = main and year == PYRAMID_YEAR
            rows += _rows(dataset.pk, number, year, population, by_sex=main, single=single)
    return rows


def load_demo_population(stdout=None, kommuner: list[str] | None = None) -> list[PopulationDataset]:
    """Create or replace the demo datasets and send `population_imported`; returns the datasets written."""
    write: Callable[[str], object] = stdout.write if stdout else (lambda _text: None)
    base = read_base()
    numbers = [
        n for n in (kommuner or Kommune.objects.order_by("number").values_list("number", flat=True)) if n in base
    ]
    migration = internal_migration(base)
    with transaction.atomic():
        PopulationDataset.objects.filter(is_demo=True).exclude(table__in=[OBSERVED_TABLE, PROJECTION_TABLE]).delete()
        observed = _dataset(OBSERVED_TABLE, PopulationDataset.Kind.OBSERVED, "", None, [BASE_YEAR])
        projections = {
            alt.code: _dataset(PROJECTION_TABLE, PopulationDataset.Kind.PROJECTED, alt.code, BASE_YEAR, [])
            for alt in ALTERNATIVES
        }
        count = 0
        for number in numbers:
            rows = _kommune_rows(number, as_floats(base[number]), migration[number], observed, projections)
            _insert(rows)
            count += len(rows)
        datasets = [d for d in (observed, *projections.values()) if d is not None]
        population_imported.send(sender=PopulationDataset, datasets=datasets)
    write(
        f"Demodata: {count} befolkningstall i {len(datasets)} datasett for {len(numbers)} kommuner "
        f"(SSBs folketall 1.1.{BASE_YEAR}, historikk og framskrivinger generert).\n"
    )
    return datasets
