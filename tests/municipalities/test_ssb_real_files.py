"""Importing SSB's real files reproduces SSB's totals exactly.

The files lie outside the project (tests/ssb_data.py); each test skips when its
file is absent. Expected sums are computed from the file itself, independently
of the importer, and checked against SSB's published totals.
"""

import csv
import re
from collections import Counter
from io import StringIO
from pathlib import Path

import pytest

from django.core.management import call_command
from django.db.models import Sum

from innoplatform.municipalities.models import Kommune, PopulationDataset, PopulationFigure
from tests.ssb_data import SSB_DATA_DIR

pytestmark = pytest.mark.django_db

CSDATA = SSB_DATA_DIR / "csdata"
TELEMARK = SSB_DATA_DIR / "telemark"


def needs(path: Path):
    return pytest.mark.skipif(not path.is_file(), reason=f"SSB-filen {path} finnes ikke her")


def run(path: Path, *args: str) -> str:
    out = StringIO()
    call_command("import_ssb", str(path), *args, stdout=out)
    return out.getvalue()


def stored_sums(**filters) -> Counter:
    rows = PopulationFigure.objects.filter(**filters).values_list("region_code", "year").annotate(s=Sum("value"))
    return Counter({(region, year): total for region, year, total in rows})


def statbank_sums(path: Path) -> tuple[Counter, int]:
    """Sum per (kommune code, year) straight from a StatBank CSV, and the sum of the special rows."""
    sums: Counter = Counter()
    special = 0
    with path.open(encoding="latin-1", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    header = rows[2]
    years = [int(re.search(r"\d{4}", heading).group()) for heading in header[2:]]
    for row in rows[3:]:
        code = row[0].split()[0].removeprefix("K-")
        for year, value in zip(years, row[2:], strict=True):
            if len(code) == 4 and code.isdigit() and not code.startswith(("21", "22", "23")):
                sums[code, year] += int(value)
            else:
                special += int(value)
    return sums, special


PERSONER_2024 = CSDATA / "Personer2024.csv"


@needs(PERSONER_2024)
def test_personer_2024_reproduces_the_file_and_norway_total():
    output = run(PERSONER_2024)
    expected, special = statbank_sums(PERSONER_2024)
    assert stored_sums() == expected
    assert sum(expected.values()) + special == 5_550_203
    assert PopulationFigure.objects.aggregate(s=Sum("value"))["s"] == 5_550_203 - special
    assert stored_sums(region_code="4003")["4003", 2024] == 56_619
    skien_1_5 = PopulationFigure.objects.filter(region_code="4003", age_from__gte=1, age_to__lte=5)
    assert skien_1_5.aggregate(s=Sum("value"))["s"] == 2_828
    assert "Svalbard" in output and "Continental shelf" in output and "Rest" in output


BY_SEX_2024 = CSDATA / "norway_population_by_age_sex_2024.csv"


@needs(BY_SEX_2024)
def test_population_by_sex_2024():
    run(BY_SEX_2024)
    expected, _special = statbank_sums(BY_SEX_2024)
    expected_total = sum(value for (code, _year), value in expected.items())
    assert PopulationFigure.objects.aggregate(s=Sum("value"))["s"] == expected_total
    skien = PopulationFigure.objects.filter(region_code="4003")
    assert skien.aggregate(s=Sum("value"))["s"] == 56_619
    assert set(skien.values_list("sex", flat=True)) == {"M", "K"}
    assert PopulationFigure.objects.count() == 357 * 106 * 2


PERSONER_2023 = CSDATA / "Personer2023.csv"


@needs(PERSONER_2023)
def test_personer_2023_reports_historical_codes():
    output = run(PERSONER_2023)
    expected, _special = statbank_sums(PERSONER_2023)
    registry = set(Kommune.objects.values_list("number", flat=True))
    historical = sorted({code for code, _year in expected} - registry)
    assert "3001" in historical and "3806" in historical
    assert f"{len(historical)} historiske regioner" in output
    assert "3001" in output
    assert not PopulationFigure.objects.filter(region_code__in=historical).exists()
    assert stored_sums() == Counter({key: value for key, value in expected.items() if key[0] in registry})


def tidy_sums(path: Path, names: dict[str, str], alternative: str | None) -> Counter:
    """Sum per (region code, year) straight from a Telemark tidy file."""
    sums: Counter = Counter()
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if alternative and f"({alternative})" not in row["statistikkvariabel"]:
                continue
            if row["region"] in names:
                sums[names[row["region"]], int(row["år"])] += int(row["value"])
    return sums


def telemark_names() -> dict[str, str]:
    names = {kommune.name: kommune.number for kommune in Kommune.objects.filter(fylke__number="40")}
    return names | {"Telemark": "40", "Hele landet": "0"}


PROJECTION_2026 = TELEMARK / "Framskrevet_folkemengde_2026-2050.csv"
PROJECTION_2024 = TELEMARK / "Framskrevet_folkemengde_2024-2050.csv"


@needs(PROJECTION_2026)
def test_projection_14746_by_kommune_name():
    run(PROJECTION_2026)
    for alternative in ("MMMM", "HHMH", "LLML"):
        dataset = PopulationDataset.objects.get(table="14746", alternative=alternative)
        assert dataset.base_year == 2026
        assert stored_sums(dataset=dataset) == tidy_sums(PROJECTION_2026, telemark_names(), alternative)
    mmmm = stored_sums(dataset__table="14746", dataset__alternative="MMMM")
    assert (mmmm["40", 2026], mmmm["40", 2050]) == (177_923, 184_526)
    kommuner = sum(value for (code, year), value in mmmm.items() if len(code) == 4 and year == 2050)
    assert kommuner == 184_526


@needs(PROJECTION_2024)
def test_projection_14288_by_kommune_name():
    run(PROJECTION_2024, "--alternative", "MMMM")
    assert list(PopulationDataset.objects.values_list("table", "alternative")) == [("14288", "MMMM")]
    mmmm = stored_sums()
    assert mmmm == tidy_sums(PROJECTION_2024, telemark_names(), "MMMM")
    assert (mmmm["40", 2024], mmmm["40", 2050]) == (177_093, 185_686)
    porsgrunn_1_5 = PopulationFigure.objects.get(region_code="4001", year=2024, age_from=1)
    assert (porsgrunn_1_5.age_to, porsgrunn_1_5.value) == (5, 1_733)


PROJECTION_2022 = TELEMARK / "Framskrevet_folkemengde_2022-2050.csv"


@needs(PROJECTION_2022)
def test_projection_13600_reports_the_2020_2023_structure():
    output = run(PROJECTION_2022)
    assert "18 historiske regioner" in output
    assert "Vestfold og Telemark (2020-2023)" in output
    assert set(PopulationFigure.objects.values_list("region_code", flat=True)) == {"0"}
    assert stored_sums(dataset__alternative="MMMM") == tidy_sums(PROJECTION_2022, {"Hele landet": "0"}, "MMMM")


HISTORY = TELEMARK / "befolkningsframskrivinger_historiske.csv"


@needs(HISTORY)
def test_observed_07459_grouped_ages_2000_2026():
    run(HISTORY, "--table", "07459")
    assert stored_sums() == tidy_sums(HISTORY, telemark_names(), None)
    assert stored_sums(region_code="4003")["4003", 2024] == 56_619
    assert PopulationFigure.objects.get(region_code="4003", year=2024, age_from=1).value == 2_828
    assert sorted(set(PopulationFigure.objects.values_list("year", flat=True))) == list(range(2000, 2027))


@needs(PERSONER_2024)
def test_reimporting_a_real_file_is_idempotent():
    run(PERSONER_2024)
    first = sorted(PopulationFigure.objects.values_list("region_code", "year", "sex", "age_from", "age_to", "value"))
    run(PERSONER_2024)
    assert PopulationFigure.objects.count() == len(first)
    assert (
        sorted(PopulationFigure.objects.values_list("region_code", "year", "sex", "age_from", "age_to", "value"))
        == first
    )
