"""The demo population: SSB's real 2024 figures as its base, generated history and projections, labelled as such."""

import csv
import io
import re

import pytest

from django.db.models import Sum

from innoplatform.municipalities.demo import DEMO_SOURCE, load_demo_population
from innoplatform.municipalities.demo.base import BASE_FILE, read_base
from innoplatform.municipalities.demo.cohort import (
    ALTERNATIVES,
    MAIN,
    as_floats,
    internal_migration,
    project,
    step,
    step_back,
    survival,
)
from innoplatform.municipalities.models import DemographicSummary, Kommune, PopulationDataset, PopulationFigure
from tests.ssb_data import SSB_DATA_DIR

from .demography_helpers import TARGET_2040, add_groups, dataset

pytestmark = pytest.mark.django_db

SHARED_2024 = SSB_DATA_DIR / "csdata" / "norway_population_by_age_sex_2024.csv"
TELEMARK = ["4003", "4001", "4005"]


@pytest.mark.skipif(not SHARED_2024.is_file(), reason=f"SSB-filen {SHARED_2024} finnes ikke her")
def test_shipped_file_is_ssbs_2024_population():
    """Every kommune, sex and age in the shipped file equals SSB's export; the special rows are empty."""
    expected: dict[tuple[str, str, int], int] = {}
    with SHARED_2024.open(encoding="latin-1", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    for region, age, males, females in rows[3:]:
        code = region.split()[0].removeprefix("K-")
        years = int(re.match(r"\d+", age).group())
        if len(code) == 4 and code.isdigit() and not code.startswith(("21", "22", "23")):
            expected[code, "M", years], expected[code, "K", years] = int(males), int(females)
        else:
            assert (males, females) == ("0", "0")
    shipped = {
        (number, sex, age): count
        for number, by_sex in read_base().items()
        for sex, counts in by_sex.items()
        for age, count in enumerate(counts)
    }
    assert shipped == expected
    assert sum(shipped.values()) == 5_550_203


def test_shipped_file_covers_the_registry_and_credits_ssb():
    base = read_base()
    assert set(base) == set(Kommune.objects.values_list("number", flat=True))
    assert sum(base["4003"]["M"]) + sum(base["4003"]["K"]) == 56_619
    assert sum(base["1135"]["M"]) + sum(base["1135"]["K"]) == 4_572
    readme = (BASE_FILE.parent / "README.md").read_text(encoding="utf-8")
    assert BASE_FILE.name in readme and "07459" in readme
    assert "Kilde: Statistisk sentralbyrå (SSB)" in readme and "NLOD" in readme and "CC BY 4.0" in readme


def test_demo_is_built_on_ssbs_2024_figures():
    out = io.StringIO()
    load_demo_population(stdout=out, kommuner=[*TELEMARK, "1135"])
    observed = PopulationDataset.objects.get(table="07459")
    assert observed.is_demo and observed.ssb_years == [2024] and observed.source == DEMO_SOURCE
    in_2024 = PopulationFigure.objects.filter(dataset=observed, year=2024)
    assert in_2024.filter(region_code="4003").aggregate(s=Sum("value"))["s"] == 56_619
    assert in_2024.filter(region_code="1135").aggregate(s=Sum("value"))["s"] == 4_572
    assert in_2024.filter(region_code="4003", sex="K", age_from=90).get().value == read_base()["4003"]["K"][90]
    years = set(PopulationFigure.objects.filter(dataset=observed).values_list("year", flat=True))
    assert years == set(range(2015, 2025))
    projections = PopulationDataset.objects.filter(kind="projected")
    assert sorted(projections.values_list("table", "alternative", "base_year", "is_demo")) == [
        ("14288", alt, 2024, True) for alt in ("HHMH", "LLML", "MMMM")
    ]
    assert DemographicSummary.objects.get(region_code="4003", dataset__alternative="MMMM").population == 56_619
    assert "SSBs folketall 1.1.2024" in out.getvalue()


def test_demo_loader_is_idempotent():
    load_demo_population(kommuner=TELEMARK)
    rows = sorted(
        PopulationFigure.objects.values_list("dataset__alternative", "region_code", "year", "sex", "age_from", "value")
    )
    datasets = sorted(PopulationDataset.objects.values_list("pk", "table", "alternative"))
    load_demo_population(kommuner=TELEMARK)
    assert sorted(PopulationDataset.objects.values_list("pk", "table", "alternative")) == datasets
    assert (
        sorted(
            PopulationFigure.objects.values_list(
                "dataset__alternative", "region_code", "year", "sex", "age_from", "value"
            )
        )
        == rows
    )


def test_demo_loader_leaves_real_datasets_alone_and_removes_stale_demo():
    real = dataset("14746", alternative="MMMM")
    add_groups(real, "4003", 2040, TARGET_2040)
    stale = dataset("14746", alternative="HHMH", is_demo=True)
    load_demo_population(kommuner=["4003"])
    real.refresh_from_db()
    assert not real.is_demo and real.figures.count() == 10
    assert not PopulationDataset.objects.filter(pk=stale.pk).exists()
    assert PopulationDataset.objects.filter(is_demo=True).count() == 4


def test_pyramid_year_is_stored_by_single_year():
    load_demo_population(kommuner=["4003"])
    main = PopulationFigure.objects.filter(dataset__alternative="MMMM", region_code="4003")
    assert main.filter(year=2040).count() == 106 * 2
    assert main.filter(year=2041).count() == 10 * 2
    assert PopulationFigure.objects.filter(dataset__alternative="LLML", region_code="4003", year=2040).count() == 10


def _norway(year: int, alternative) -> tuple[float, float, float]:
    """(population, share 80+ in %, persons 67+ per person 20–66) for Norway under an alternative."""
    base, migration = read_base(), internal_migration(read_base())
    ages = [0.0] * 106
    for number, population in base.items():
        for found, projected in project(
            as_floats(population), migration[number] + alternative.immigration, alternative, range(year, year + 1), 2024
        ):
            assert found == year
            for sex in ("M", "K"):
                ages = [a + b for a, b in zip(ages, projected[sex], strict=True)]
    total = sum(ages)
    return total, sum(ages[80:]) / total * 100, sum(ages[67:]) / sum(ages[20:67])


def test_alternatives_differ_in_size_ageing_and_old_age_ratio():
    main, high, low = (_norway(2050, alternative) for alternative in ALTERNATIVES)
    assert low[0] < main[0] < high[0]
    assert 5_900_000 < main[0] < 6_300_000  # SSB's main alternative: about 6.1 million in 2050
    assert abs(high[1] - main[1]) >= 0.3 and abs(low[1] - main[1]) >= 0.05
    assert abs(high[2] - main[2]) >= 0.02 and abs(low[2] - main[2]) >= 0.015
    assert low[2] > main[2] > high[2]


def test_step_back_undoes_step():
    population = as_floats(read_base()["4003"])
    survives = survival(0, MAIN)
    forward = step(population, survives, MAIN.fertility, 0.004)
    back = step_back(forward, survives, 0.004)
    for sex in ("M", "K"):
        assert back[sex][10:100] == pytest.approx(population[sex][10:100], rel=1e-3)


def test_internal_migration_sums_to_zero_and_favours_young_kommuner():
    base = read_base()
    rates = internal_migration(base)
    sizes = {number: sum(p["M"]) + sum(p["K"]) for number, p in base.items()}
    assert sum(rates[n] * sizes[n] for n in rates) == pytest.approx(0, abs=1e-6)
    assert rates["0301"] > 0 > rates["1856"]  # Oslo gains, Røst loses
    assert max(abs(rate) for rate in rates.values()) <= 0.0081


def test_demo_page_says_what_is_ssbs_and_what_is_generated(client, home_page):
    load_demo_population(kommuner=TELEMARK)
    content = client.get("/kommuner/4003-skien/").content.decode()
    assert "Demodata: genererte tall, ikke offisiell statistikk fra SSB." in content
    assert "Folketallet for 2024 er SSBs offisielle tall. Tallene for 2015–2023 og framskrivingene er laget" in content
    assert "Folketall 2024" in content and "56\xa0619" in content and "SSBs tall per 1. januar" in content
    assert "Generert (demodata)" in content and "Framskrevet (generert)" in content
    assert "Historikk (generert)" in content  # the chart's label left of the divider
    assert (
        "Kilde: Statistisk sentralbyrå (SSB), tabell 07459: registrert befolkning 2024; generert demodata: befolkning 2015–2023"
        in content
    )
    assert "Hver søyle er en femårsgruppe" in content  # 2024 and 2040 by single year: five-year bands
