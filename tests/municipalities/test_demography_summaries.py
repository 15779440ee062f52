"""Precomputed summaries, the population_imported receiver and the public functions."""

import pytest

from innoplatform.municipalities import public
from innoplatform.municipalities.demography.summaries import refresh_demographic_summaries
from innoplatform.municipalities.models import DemographicSummary, Kommune, PopulationDataset
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


def test_summaries_work_with_figures_by_sex():
    load_population(["4003", "4001", "4005"], by_sex=True)
    refresh_demographic_summaries()
    assert DemographicSummary.objects.get(region_code="4003").population == 1000


def test_observed_only_regions_get_a_row_without_projection():
    observed, projection = _known_data()
    add_groups(observed, "4601", 2024, BASE_2025)
    add_groups(observed, "4601", 2025, scaled(BASE_2025, 2))
    refresh_demographic_summaries()
    bergen = DemographicSummary.objects.get(region_code="4601")
    assert bergen.dataset is None and bergen.challenges == [] and bergen.similar == []
    assert (bergen.observed_first_year, bergen.observed_last_year, bergen.base_year) == (2024, 2025, 2025)
    assert bergen.population == 2000
    assert bergen.indicators == {"base": {"age_80_plus_share_pct": 10.0, "old_age_dependency": 0.455}}
    # Vestland (46) has only Bergen, so it too has observed figures only; Norway has a projection.
    assert DemographicSummary.objects.get(region_code="46").dataset is None
    assert DemographicSummary.objects.get(region_code="0").dataset == projection
    skien = DemographicSummary.objects.get(region_code="4003")
    assert (skien.observed_first_year, skien.observed_last_year) == (2025, 2025)


def test_projection_only_regions_start_from_the_projection():
    projection = dataset("14288", base_year=2024)
    add_groups(projection, "4003", 2024, BASE_2025)
    add_groups(projection, "4003", 2040, TARGET_2040)
    refresh_demographic_summaries()
    skien = DemographicSummary.objects.get(region_code="4003")
    assert (skien.base_year, skien.observed_last_year, skien.observed_dataset) == (2024, None, None)
    assert skien.indicators["2040"]["age_80_plus_change_pct"] == 80.0


def test_the_demographic_brief_gives_population_projection_and_challenges_in_words():
    _known_data()
    refresh_demographic_summaries()
    brief = public.demographic_brief(Kommune.objects.get(number="4003"))
    assert brief.startswith("Skien hadde 1\u00a0000 innbyggere i 2025.")
    assert "SSBs framskriving (hovedalternativet) for 2040:" in brief
    assert "– Endring i antall 80 år og eldre (%): 80,0" in brief
    assert brief.endswith(
        "Demografiske utfordringer ut fra tallene: aldring, mangel på arbeidskraft, færre barn og unge."
    )


def test_the_demographic_brief_is_empty_without_figures():
    assert public.demographic_brief(Kommune.objects.get(number="4003")) == ""
