"""Choosing the observed dataset and the projection, and the similarity of kommuner."""

import pytest

from innoplatform.municipalities.demography.datasets import current_datasets
from innoplatform.municipalities.demography.similarity import SIZE, nearest_neighbours

from .demography_helpers import dataset, observed_dataset

pytestmark = pytest.mark.django_db


def test_no_datasets_is_empty():
    choice = current_datasets()
    assert choice.is_empty and choice.alternatives == []


def test_newest_projection_table_and_main_alternative_win():
    dataset("13600", base_year=2022)
    dataset("14288", base_year=2024)
    high = dataset("14746", alternative="HHMH")
    main = dataset("14746", alternative="MMMM")
    observed = observed_dataset()
    choice = current_datasets()
    assert choice.projection == main
    assert choice.observed == observed
    assert [d.alternative for d in choice.alternatives] == ["MMMM", "HHMH"]
    assert current_datasets("HHMH").projection == high
    assert current_datasets("XXXX").projection == main


def test_real_figures_win_over_demo_figures():
    dataset("14746", is_demo=True)
    real = dataset("14288", base_year=2024)
    assert current_datasets().projection == real
    assert not current_datasets().is_demo


def _profile(change: float, share: float, population: int) -> tuple[dict, int]:
    return (
        {
            "population_change_pct": change,
            "age_80_plus_change_pct": change * 2,
            "age_80_plus_share_pct": share,
            "old_age_dependency": 0.3,
            "working_age_change_pct": change / 2,
            "children_change_pct": -change,
        },
        population,
    )


def test_nearest_neighbours_on_standardised_values():
    profiles = {
        "0001": _profile(10, 5, 10_000),
        "0002": _profile(10.5, 5.1, 11_000),
        "0003": _profile(-8, 12, 1_000),
        "0004": _profile(-7.5, 11.5, 1_200),
        "0005": _profile(0, 8, 5_000),
    }
    result = nearest_neighbours(profiles, limit=2)
    assert [n.number for n in result["0001"]] == ["0002", "0005"]
    assert result["0003"][0].number == "0004"
    # Equal dependency (a zero-spread column) is the closest possible dimension.
    assert result["0001"][0].dimensions[0] == "old_age_dependency"
    assert len(result["0001"][0].dimensions) == 2


def test_size_counts_on_a_log_scale():
    profiles = {"0001": _profile(0, 5, 1_000), "0002": _profile(0, 5, 10_000), "0003": _profile(0, 5, 100_000)}
    result = nearest_neighbours(profiles, limit=2)
    # 1 000 → 10 000 is as far as 10 000 → 100 000.
    assert result["0002"][0].distance == pytest.approx(result["0002"][1].distance)
    assert result["0001"][0].number == "0002"
    assert SIZE not in result["0001"][0].dimensions  # every other dimension is equal, size is the one that differs


def test_kommuner_with_missing_indicators_are_left_out():
    profiles = {"0001": _profile(1, 5, 1000), "0002": ({"population_change_pct": None}, 500)}
    assert nearest_neighbours(profiles) == {}
