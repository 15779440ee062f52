"""Aggregation, indicators and challenge thresholds on a small dataset whose numbers can be checked by hand."""

import pytest

from innoplatform.municipalities.demography import challenges as thresholds
from innoplatform.municipalities.demography.aggregation import (
    add_missing_totals,
    aggregate,
    group_of,
    grouped_figures,
    sum_groups,
)
from innoplatform.municipalities.demography.challenges import derive_challenges
from innoplatform.municipalities.demography.charts import index_series, line_chart, nice_ticks
from innoplatform.municipalities.demography.indicators import indicators, status
from innoplatform.municipalities.models import PopulationDataset, PopulationFigure

from .demography_helpers import BASE_2025, TARGET_2040

RANGES = [
    (0, 0, "0"),
    (3, 3, "1-5"),
    (1, 5, "1-5"),
    (15, 15, "13-15"),
    (66, 66, "45-66"),
    (95, 95, "90+"),
    (90, None, "90+"),
    (105, None, "90+"),
    (0, 19, None),
    (60, 70, None),
    (0, None, None),
]


@pytest.mark.parametrize(("age_from", "age_to", "group"), RANGES)
def test_group_of_places_single_years_and_groups(age_from, age_to, group):
    assert group_of(age_from, age_to) == group


def test_aggregate_sums_single_years_and_derives_totals_from_sexes():
    rows = [("4003", 2025, sex, age, age, 10) for sex in ("M", "K") for age in range(0, 8)]
    rows.append(("4003", 2025, "M", 0, 19, 999))  # spans several groups: skipped
    series = aggregate(rows)["4003"][2025]
    assert series["M"]["0"] == 10
    assert series["M"]["1-5"] == 50
    assert series["M"]["6-12"] == 20
    assert series["T"]["1-5"] == 100
    assert sum(series["T"].values()) == 160


@pytest.mark.django_db
def test_the_database_groups_figures_as_group_of_does(caplog):
    dataset = PopulationDataset.objects.create(table="07459", kind=PopulationDataset.Kind.OBSERVED)
    rows = [
        ("4003", 2025 + index, sex, age_from, age_to, 10 + index)
        for index, (age_from, age_to, _group) in enumerate(RANGES)
        for sex in ("M", "K")
    ]
    PopulationFigure.objects.bulk_create(
        PopulationFigure(dataset=dataset, region_code=r, year=y, sex=s, age_from=a, age_to=t, value=v)
        for r, y, s, a, t, v in rows
    )
    expected = aggregate(rows)
    caplog.clear()
    assert sum_groups(grouped_figures(PopulationFigure.objects.filter(dataset=dataset))) == expected
    assert "Skipped 6 population figures" in caplog.text


def test_add_missing_totals_sums_kommuner_but_keeps_stored_fylke_rows():
    regions = aggregate([("4003", 2025, "T", 0, 0, 5), ("4001", 2025, "T", 0, 0, 7), ("40", 2025, "T", 0, 0, 100)])
    add_missing_totals(regions)
    assert regions["40"][2025]["T"]["0"] == 100
    assert regions["0"][2025]["T"]["0"] == 12


def test_indicators_of_the_known_dataset():
    values = indicators(BASE_2025, TARGET_2040)
    assert values == {
        "population_change_pct": 0.0,  # 1 000 → 1 000
        "age_80_plus_change_pct": 80.0,  # 100 → 180
        "age_80_plus_share_pct": 18.0,  # 180 of 1 000
        "old_age_dependency": 0.75,  # 360 aged 67+ per 480 aged 20–66
        "working_age_change_pct": -12.7,  # 550 → 480
        "children_change_pct": -17.5,  # 160 → 132
    }
    assert status(BASE_2025) == {"age_80_plus_share_pct": 10.0, "old_age_dependency": 0.455}  # 250 per 550


def test_indicators_are_none_where_the_base_is_zero():
    values = indicators(dict.fromkeys(BASE_2025, 0), TARGET_2040)
    assert values["population_change_pct"] is None
    assert values["age_80_plus_share_pct"] == 18.0


def test_challenges_of_the_known_dataset():
    assert derive_challenges(indicators(BASE_2025, TARGET_2040)) == ["aldring", "arbeidskraft", "faerre-barn"]


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({"age_80_plus_change_pct": 60.0}, []),
        ({"age_80_plus_change_pct": 60.1}, ["aldring"]),
        ({"age_80_plus_share_pct": 9.9}, []),
        ({"age_80_plus_share_pct": 10.0}, ["aldring"]),
        ({"population_change_pct": -3.0}, []),
        ({"population_change_pct": -3.1}, ["befolkningsnedgang"]),
        ({"old_age_dependency": 0.449}, []),
        ({"old_age_dependency": 0.45}, ["arbeidskraft"]),
        ({"working_age_change_pct": -5.0}, []),
        ({"working_age_change_pct": -5.1}, ["arbeidskraft"]),
        ({"children_change_pct": -10.0}, []),
        ({"children_change_pct": -10.1}, ["faerre-barn"]),
        ({"population_change_pct": 12.0}, []),
        ({"population_change_pct": 12.1}, ["befolkningsvekst"]),
        ({"population_change_pct": None, "children_change_pct": None}, []),
    ],
)
def test_challenge_thresholds(values, expected):
    assert derive_challenges(values) == expected


def test_thresholds_are_the_documented_ones():
    assert (thresholds.AGEING_80_PLUS_GROWTH_PCT, thresholds.AGEING_80_PLUS_SHARE_PCT) == (60.0, 10.0)
    assert (thresholds.DECLINE_PCT, thresholds.GROWTH_PCT) == (-3.0, 12.0)
    assert (thresholds.DEPENDENCY_RATIO, thresholds.WORKING_AGE_DECLINE_PCT) == (0.45, -5.0)
    assert thresholds.FEWER_CHILDREN_PCT == -10.0


def test_line_chart_geometry():
    chart = line_chart(
        list(range(2026, 2051)), [("A", {2026: 100, 2040: 150, 2050: 120}), ("B", {2026: 100, 2050: 80})], 2030
    )
    assert [label for _x, label in chart.x_ticks] == ["2026", "2030", "2035", "2040", "2045", "2050"]
    assert chart.y_ticks[0][1] == "80"
    first, second = chart.series
    assert first.solid.count(",") == 1  # only 2026 lies before the divider
    assert first.dashed.count(",") == 2  # 2040 and 2050
    assert (first.shape, second.shape) == ("circle", "square")
    assert chart.divider_x is not None and chart.projection_width > 0


def test_nice_ticks_and_index_series():
    assert nice_ticks(0, 17_000, 3) == [0, 10_000, 20_000]
    assert nice_ticks(83, 212) == [50, 100, 150, 200, 250]
    assert index_series({2025: 200, 2040: 250}, 2025) == {2025: 100.0, 2040: 125.0}
    assert index_series({2025: 0, 2040: 250}, 2025) == {}
