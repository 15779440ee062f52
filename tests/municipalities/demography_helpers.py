"""Small, hand-checkable population data for the demography tests."""

from innoplatform.municipalities.demography.aggregation import GROUP_BOUNDS, GROUPS
from innoplatform.municipalities.models import PopulationDataset, PopulationFigure

# Kommune "A": 1 000 inhabitants in 2025 and 2040, but older and with fewer children in 2040.
BASE_2025 = dict(zip(GROUPS, (10, 50, 70, 30, 40, 300, 250, 150, 80, 20), strict=True))
TARGET_2040 = dict(zip(GROUPS, (8, 40, 60, 24, 28, 250, 230, 180, 140, 40), strict=True))


def dataset(table="14746", kind="projected", alternative="MMMM", base_year=2026, is_demo=False) -> PopulationDataset:
    return PopulationDataset.objects.create(
        table=table, kind=kind, alternative=alternative, base_year=base_year, source="test", is_demo=is_demo
    )


def observed_dataset(is_demo=False) -> PopulationDataset:
    return dataset(table="07459", kind="observed", alternative="", base_year=None, is_demo=is_demo)


def add_groups(target: PopulationDataset, region: str, year: int, groups: dict[str, int], sex: str = "T") -> None:
    PopulationFigure.objects.bulk_create(
        PopulationFigure(
            dataset=target,
            region_code=region,
            year=year,
            sex=sex,
            age_from=GROUP_BOUNDS[group][0],
            age_to=GROUP_BOUNDS[group][1],
            value=value,
        )
        for group, value in groups.items()
    )


def scaled(groups: dict[str, int], factor: float) -> dict[str, int]:
    return {group: round(value * factor) for group, value in groups.items()}


def load_population(numbers: list[str], years: range = range(2016, 2026), by_sex: bool = False):
    """Observed figures for `years`, and an MMMM projection 2026–2050 interpolating towards TARGET_2040."""
    observed, projection = observed_dataset(), dataset()
    rows = []
    for index, number in enumerate(numbers):
        size = 1 + index * 0.5
        for year in [*years, *range(2026, 2051)]:
            share = min(max((year - 2025) / 15, 0), 1.5)
            groups = {g: BASE_2025[g] + (TARGET_2040[g] - BASE_2025[g]) * share for g in GROUPS}
            target = observed if year < 2026 else projection
            sexes = (("M", 0.5), ("K", 0.5)) if by_sex else (("T", 1),)
            for sex, part in sexes:
                rows += [
                    PopulationFigure(
                        dataset=target,
                        region_code=number,
                        year=year,
                        sex=sex,
                        age_from=GROUP_BOUNDS[g][0],
                        age_to=GROUP_BOUNDS[g][1],
                        value=max(0, round(v * size * part)),
                    )
                    for g, v in groups.items()
                ]
    PopulationFigure.objects.bulk_create(rows, batch_size=2000)
    return observed, projection
