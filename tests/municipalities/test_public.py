"""What other apps ask about kommuner: challenges, similar kommuner and data states, with fixed query counts."""

import pytest

from django.template.loader import render_to_string

from innoplatform.municipalities import public
from innoplatform.municipalities.demography.summaries import refresh_demographic_summaries
from innoplatform.municipalities.factories import KommuneFactory
from innoplatform.municipalities.models import Kommune, PopulationDataset

from .demography_helpers import BASE_2025, TARGET_2040, add_groups, dataset, load_population, observed_dataset

pytestmark = pytest.mark.django_db

TELEMARK = ["4003", "4001", "4005", "4010", "4012", "4014"]


def kommuner(*numbers: str) -> list[Kommune]:
    found = Kommune.objects.in_bulk(numbers, field_name="number")
    return [found[number] for number in numbers]


@pytest.fixture
def mixed():
    """Skien and five more with both; Bergen observed only (one year); Tromsø projection only; Oslo nothing."""
    observed, projection = load_population(TELEMARK)
    add_groups(observed, "4601", 2024, BASE_2025)
    add_groups(projection, "5501", 2026, BASE_2025)
    add_groups(projection, "5501", 2040, TARGET_2040)
    refresh_demographic_summaries()
    return observed, projection


def test_four_states(mixed):
    skien, bergen, tromso, oslo = kommuner("4003", "4601", "5501", "0301")
    states = public.data_states_for([skien, bergen, tromso, oslo])
    assert states[skien.pk].kind == public.DataKind.BOTH
    assert (states[skien.pk].observed_first_year, states[skien.pk].base_year) == (2016, 2025)
    assert states[bergen.pk].kind == public.DataKind.OBSERVED and states[bergen.pk].base_year == 2024
    assert states[tromso.pk].kind == public.DataKind.PROJECTION and states[tromso.pk].base_year == 2026
    assert states[oslo.pk].kind == public.DataKind.NONE
    assert not states[bergen.pk].has_challenges and states[tromso.pk].has_challenges
    assert states[skien.pk].projection_table == "14746" and states[skien.pk].projection_alternative == "MMMM"


def test_notes_say_what_is_loaded_and_what_follows(mixed):
    skien, bergen, tromso, oslo = kommuner("4003", "4601", "5501", "0301")
    states = public.data_states_for([skien, bergen, tromso, oslo])
    assert states[bergen.pk].note == (
        "Befolkningstall fra SSB for 2024 er lastet inn, men ingen framskriving – "
        "derfor vises ingen demografiske utfordringer."
    )
    assert states[skien.pk].note == (
        "Befolkningstall fra SSB for 2016–2025 er lastet inn; "
        "utfordringene bygger på SSBs framskriving i tabell 14746 (alternativ MMMM)."
    )
    assert states[tromso.pk].note.startswith("Registrerte befolkningstall er ikke lastet inn; utfordringene bygger")
    assert "ikke lastet inn befolkningstall" in states[oslo.pk].note
    assert [part["part"] for part in states[oslo.pk].missing] == ["observed", "projection"]
    assert "fetch_ssb --table 14288" in states[bergen.pk].missing[0]["load_with"]
    assert states[skien.pk].missing == []


def test_demo_note_names_the_generated_years():
    observed, _projection = load_population(TELEMARK)
    PopulationDataset.objects.update(is_demo=True)
    observed.refresh_from_db()
    observed.ssb_years = [2025]
    observed.save()
    refresh_demographic_summaries()
    (skien,) = kommuner("4003")
    state = public.data_states_for([skien])[skien.pk]
    assert state.is_demo
    assert state.note.startswith(
        "Befolkningstallene for 2025 er SSBs, tallene for 2016–2024 er genererte demodata; "
        "utfordringene bygger på en framskriving plattformen har generert"
    )


def test_note_fragment_renders_the_state(mixed):
    bergen, oslo = kommuner("4601", "0301")
    states = public.data_states_for([bergen, oslo])
    html = render_to_string("municipalities/includes/kommune_data_note.html", {"state": states[bergen.pk]})
    assert 'data-data-state="observed"' in html
    assert "Befolkningstall fra SSB for 2024 er lastet inn, men ingen framskriving" in html
    html = render_to_string("municipalities/includes/kommune_data_note.html", {"state": states[oslo.pk]})
    assert 'data-data-state="none"' in html


def test_challenges_and_similar_for_many(mixed):
    skien, bergen, tromso, oslo = kommuner("4003", "4601", "5501", "0301")
    challenges = public.challenges_for([skien, bergen, tromso, oslo])
    assert challenges[skien.pk] == ["aldring", "arbeidskraft", "faerre-barn"]
    assert challenges[bergen.pk] == [] and challenges[oslo.pk] == []
    assert challenges[tromso.pk] == ["aldring", "arbeidskraft", "faerre-barn"]
    similar = public.similar_for([skien, bergen, oslo], limit=3)
    assert len(similar[skien.pk]) == 3 and similar[bergen.pk] == [] and similar[oslo.pk] == []
    assert similar[skien.pk][0].reason.startswith("lignende ")
    assert {s.kommune.number for s in similar[skien.pk]} <= {*TELEMARK, "5501"} - {"4003"}
    # The single-kommune functions agree with the batch ones.
    assert public.kommune_challenges(skien) == challenges[skien.pk]
    assert public.similar_kommuner(skien, limit=3) == similar[skien.pk]


def test_populations_include_observed_only_kommuner(mixed):
    populations = public.kommune_populations()
    assert populations["4601"] == 1000 and populations["4003"] == 1000 and "0301" not in populations
    assert set(public.kommuner_with_challenge("aldring").values_list("number", flat=True)) == {*TELEMARK, "5501"}


def test_empty_without_figures():
    (skien,) = kommuner("4003")
    assert public.challenges_for([skien]) == {skien.pk: []}
    assert public.similar_for([skien]) == {skien.pk: []}
    assert public.data_states_for([skien])[skien.pk].kind == public.DataKind.NONE
    assert public.kommune_populations() == {}


@pytest.mark.parametrize("count", [3, 40])
def test_query_counts_do_not_grow_with_the_kommuner(django_assert_num_queries, count):
    numbers = [kommune.number for kommune in KommuneFactory.create_batch(count)]
    load_population(numbers[: count - 1])
    observed = PopulationDataset.objects.get(kind="observed")
    add_groups(observed, numbers[-1], 2025, BASE_2025)
    refresh_demographic_summaries()
    asked = list(Kommune.objects.filter(number__in=numbers))
    with django_assert_num_queries(2):
        states = public.data_states_for(asked)
    assert sum(state.kind == public.DataKind.BOTH for state in states.values()) == count - 1
    with django_assert_num_queries(2):
        assert len(public.challenges_for(asked)) == count
    with django_assert_num_queries(3):
        similar = public.similar_for(asked)
    assert sum(len(rows) for rows in similar.values()) == (count - 1) * min(5, count - 2)
    assert public.data_states_for(iter(asked))  # any iterable will do


def test_observed_only_without_any_projection():
    add_groups(observed_dataset(), "4003", 2024, BASE_2025)
    refresh_demographic_summaries()
    (skien,) = kommuner("4003")
    assert public.data_states_for([skien])[skien.pk].kind == public.DataKind.OBSERVED
    assert public.kommune_populations() == {"4003": 1000}


def test_projection_only_table_without_observed_dataset():
    projection = dataset("14288", base_year=2024)
    add_groups(projection, "4003", 2024, BASE_2025)
    add_groups(projection, "4003", 2040, TARGET_2040)
    refresh_demographic_summaries()
    (skien,) = kommuner("4003")
    state = public.data_states_for([skien])[skien.pk]
    assert (state.kind, state.base_year, state.projection_table) == (public.DataKind.PROJECTION, 2024, "14288")


def test_similarity_reason_reads_as_norwegian():
    assert public.similarity_reason(["old_age_dependency", "size"]) == (
        "lignende forhold mellom eldre og yrkesaktive og størrelse"
    )
    assert public.similarity_reason(["unknown"]) == ""
