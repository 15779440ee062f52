"""Precomputed summaries, the population_imported receiver, the public functions and the demo loader."""

import io

import pytest

from innoplatform.municipalities import public
from innoplatform.municipalities.demo import DEMO_SOURCE, load_demo_population
from innoplatform.municipalities.demography.summaries import refresh_demographic_summaries
from innoplatform.municipalities.models import DemographicSummary, Kommune, PopulationDataset, PopulationFigure
from innoplatform.municipalities.signals import population_imported

from .demography_helpers import BASE_2025, TARGET_2040, add_groups, dataset, load_population, observed_dataset, scaled

pytestmark = pytest.mark.django_db

KOMMUNER = ["4003", "4001", "4005", "4010", "4012", "4014", "3201"]


def _known_data():
    """Skien follows the known dataset; the others are scaled, so all share its path but not its size."""
    observed, projection = observed_dataset(), dataset()
    for index, number in enumerate(KOMMUNER):
        factor = 1 + index
        add_groups(observed, number, 2025, scaled(BASE_2025, factor))
        add_groups(projection, number, 2040, scaled(TARGET_2040, factor))
        add_groups(projection, number, 2030, scaled(BASE_2025, factor))
    return observed, projection


def test_public_functions_are_empty_without_figures():
    skien = Kommune.objects.get(number="4003")
    assert public.kommune_challenges(skien) == []
    assert public.similar_kommuner(skien) == []
    assert list(public.kommuner_with_challenge("aldring")) == []


def test_signal_refreshes_summaries_with_indicators_and_challenges():
    observed, projection = _known_data()
    population_imported.send(sender=PopulationDataset, datasets=[observed, projection])
    summary = DemographicSummary.objects.get(region_code="4003")
    assert summary.base_year == 2025
    assert summary.population == 1000
    assert summary.indicators["2040"]["age_80_plus_change_pct"] == 80.0
    assert summary.indicators["2030"]["population_change_pct"] == 0.0
    assert "2050" not in summary.indicators
    assert summary.challenges == ["aldring", "arbeidskraft", "faerre-barn"]
    # Fylke 40 and Norway are summed from the kommuner, since no rows for them were imported.
    telemark = DemographicSummary.objects.get(region_code="40")
    assert telemark.population == sum(1000 * (1 + i) for i, n in enumerate(KOMMUNER) if n.startswith("40"))
    assert DemographicSummary.objects.get(region_code="0").population == 1000 * sum(range(1, 8))


def test_public_functions_read_the_summaries():
    _known_data()
    refresh_demographic_summaries()
    skien = Kommune.objects.get(number="4003")
    assert public.kommune_challenges(skien) == ["aldring", "arbeidskraft", "faerre-barn"]
    similar = public.similar_kommuner(skien, limit=3)
    assert len(similar) == 3
    assert similar[0].kommune.number == "4001"  # the nearest in size, everything else is equal
    assert similar[0].reason.startswith("lignende ")
    assert " og " in similar[0].reason
    assert set(public.kommuner_with_challenge("faerre-barn").values_list("number", flat=True)) == set(KOMMUNER)
    assert not public.kommuner_with_challenge("befolkningsvekst").exists()


def test_refresh_replaces_old_summaries():
    _known_data()
    refresh_demographic_summaries()
    first = DemographicSummary.objects.count()
    assert refresh_demographic_summaries() == first
    assert DemographicSummary.objects.count() == first
    PopulationDataset.objects.all().delete()
    assert refresh_demographic_summaries() == 0


def test_each_alternative_gets_summaries():
    _known_data()
    high = dataset(alternative="HHMH")
    add_groups(high, "4003", 2040, scaled(TARGET_2040, 1.2))
    refresh_demographic_summaries()
    assert DemographicSummary.objects.filter(region_code="4003").count() == 2
    assert DemographicSummary.objects.get(region_code="4003", dataset=high).indicators["2040"][
        "population_change_pct"
    ] == pytest.approx(20.0, abs=0.2)


def test_demo_loader_is_idempotent_and_labelled():
    out = io.StringIO()
    load_demo_population(stdout=out, kommuner=["4003", "4001", "4005"])
    counts = (PopulationDataset.objects.count(), PopulationFigure.objects.count())
    values = list(PopulationFigure.objects.order_by("pk").values_list("value", flat=True)[:50])
    load_demo_population(kommuner=["4003", "4001", "4005"])
    assert (PopulationDataset.objects.count(), PopulationFigure.objects.count()) == counts
    assert list(PopulationFigure.objects.order_by("pk").values_list("value", flat=True)[:50]) == values
    assert counts[0] == 4
    assert all(d.is_demo and d.source == DEMO_SOURCE for d in PopulationDataset.objects.all())
    assert "Demodata" in out.getvalue()
    assert DemographicSummary.objects.filter(region_code="4003").count() == 3
    observed_years = PopulationFigure.objects.filter(dataset__table="07459").values_list("year", flat=True)
    assert (min(observed_years), max(observed_years)) == (2015, 2025)


def test_demo_loader_leaves_real_datasets_alone():
    real = dataset("14746", alternative="MMMM")
    add_groups(real, "4003", 2040, TARGET_2040)
    load_demo_population(kommuner=["4003"])
    real.refresh_from_db()
    assert not real.is_demo
    assert real.figures.count() == 10
    assert PopulationDataset.objects.filter(is_demo=True).count() == 3


def test_summaries_work_with_figures_by_sex():
    load_population(["4003", "4001", "4005"], by_sex=True)
    refresh_demographic_summaries()
    assert DemographicSummary.objects.get(region_code="4003").population == 1000
