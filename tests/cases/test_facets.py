"""Facet counts over a known set of cases, combined facets, text search, sorting and the URL state."""

import pytest

from django.http import QueryDict

from cases.facets import CaseFilters, facet_counts, filter_cases, sort_cases
from cases.factories import CasePageFactory, bulk_create_cases
from cases.models import CasePage, Dimension

pytestmark = pytest.mark.django_db


def counts(filters: CaseFilters) -> dict[str, dict[str, int]]:
    return {facet.param: {o.value: o.count for o in facet.options} for facet in facet_counts(filters)}


def parse(query: str) -> CaseFilters:
    return CaseFilters.from_querydict(QueryDict(query))


@pytest.fixture
def known_set(case_index, kommuner):
    """Three hand-made cases whose counts are easy to check by eye."""
    nordby, fjellvik, sorvag, _dalen = kommuner
    return [
        CasePageFactory(
            parent=case_index,
            title="Digitalt tilsyn om natta",
            start_year=2021,
            phase="pilotering",
            kommuner=[nordby, sorvag],
            codes={
                Dimension.SERVICE_AREA: ["helse-og-omsorg"],
                Dimension.SECTOR: ["kommune", "fou"],
                Dimension.CHALLENGE: ["aldring", "arbeidskraft"],
            },
        ),
        CasePageFactory(
            parent=case_index,
            title="Felles barnehageopptak",
            start_year=2023,
            phase="ny-praksis",
            kommuner=[fjellvik],
            codes={
                Dimension.SERVICE_AREA: ["barnehage", "administrasjon-og-digitalisering"],
                Dimension.SECTOR: ["kommune"],
                Dimension.CHALLENGE: ["faerre-barn"],
            },
        ),
        CasePageFactory(
            parent=case_index,
            title="Frivillige sjåfører til dagsenteret",
            start_year=2021,
            phase="innsikt",
            kommuner=[sorvag],
            codes={
                Dimension.SERVICE_AREA: ["helse-og-omsorg"],
                Dimension.SECTOR: ["kommune", "frivillig"],
                Dimension.CHALLENGE: ["aldring", "inkludering"],
            },
        ),
    ]


def test_counts_without_filters(known_set):
    result = counts(CaseFilters())
    assert result["tjenesteomrade"] == {"barnehage": 1, "helse-og-omsorg": 2, "administrasjon-og-digitalisering": 1}
    assert result["sektor"] == {"kommune": 3, "frivillig": 1, "fou": 1}
    assert result["fase"] == {"innsikt": 1, "pilotering": 1, "ny-praksis": 1}
    assert result["utfordring"] == {"aldring": 2, "arbeidskraft": 1, "faerre-barn": 1, "inkludering": 1}
    assert result["fylke"] == {"91": 2, "92": 2}  # a case in two fylker counts once in each
    assert result["kommune"] == {"9101": 1, "9102": 1, "9201": 2}
    assert result["ar"] == {"2023": 1, "2021": 2}


def test_a_facet_keeps_its_own_counts_and_narrows_the_others(known_set):
    filters = parse("tjenesteomrade=helse-og-omsorg")
    result = counts(filters)
    # Own facet: still counted over every case, so the user can widen the choice.
    assert result["tjenesteomrade"]["barnehage"] == 1
    # Other facets: only the two helse-og-omsorg cases.
    assert result["sektor"] == {"kommune": 2, "frivillig": 1, "fou": 1}
    assert result["fylke"] == {"91": 1, "92": 2}
    assert filter_cases(CasePage.objects.published(), filters).count() == 2


def test_or_within_and_across_facets(known_set):
    either = parse("tjenesteomrade=helse-og-omsorg&tjenesteomrade=barnehage")
    assert filter_cases(CasePage.objects.published(), either).count() == 3
    combined = parse("tjenesteomrade=helse-og-omsorg&sektor=frivillig&ar=2021&fylke=92")
    assert [case.title for case in filter_cases(CasePage.objects.published(), combined)] == [
        "Frivillige sjåfører til dagsenteret"
    ]
    result = counts(combined)
    assert result["fase"] == {"innsikt": 1}
    assert result["sektor"] == {"kommune": 2, "frivillig": 1, "fou": 1}


def test_kommune_and_phase_and_challenge_filters(known_set):
    assert filter_cases(CasePage.objects.published(), parse("kommune=9201")).count() == 2
    assert filter_cases(CasePage.objects.published(), parse("fase=ny-praksis")).get().title == "Felles barnehageopptak"
    assert filter_cases(CasePage.objects.published(), parse("utfordring=aldring&utfordring=faerre-barn")).count() == 3


def test_unknown_values_are_ignored(known_set):
    filters = parse("tjenesteomrade=romfart&fase=<script>&ar=tjue&fylke=9&sorter=tilfeldig")
    assert filters.selected == {}
    assert filters.sort == "nyeste"
    assert filter_cases(CasePage.objects.published(), filters).count() == 3


def test_selected_option_without_cases_is_still_shown(known_set):
    facet = next(f for f in facet_counts(parse("tjenesteomrade=kultur")) if f.param == "tjenesteomrade")
    kultur = next(option for option in facet.options if option.value == "kultur")
    assert kultur.selected and kultur.count == 0


def test_text_search_matches_title_summary_partner_and_tag(known_set):
    first = known_set[0]
    first.partners.create(name="Senter for omsorgsforskning", sector="fou")
    first.tags.add("nattevakt")
    first.save()
    search = lambda q: {c.title for c in filter_cases(CasePage.objects.published(), parse(f"q={q}"))}  # noqa: E731
    assert search("barnehageopptak") == {"Felles barnehageopptak"}
    assert search("omsorgsforskning") == {"Digitalt tilsyn om natta"}
    assert search("nattevakt") == {"Digitalt tilsyn om natta"}
    assert search("pårørende") == {case.title for case in known_set}  # in every summary


def test_sorting(known_set):
    by_title = [c.title for c in sort_cases(CasePage.objects.published(), parse("sorter=tittel"))]
    assert by_title == sorted(by_title)
    newest = [c.start_year for c in sort_cases(CasePage.objects.published(), parse("sorter=nyeste"))]
    assert newest == [2023, 2021, 2021]
    assert [c.start_year for c in sort_cases(CasePage.objects.published(), parse("sorter=eldste"))] == [
        2021,
        2021,
        2023,
    ]


def test_unpublished_cases_are_not_counted(known_set):
    known_set[1].unpublish()
    assert counts(CaseFilters())["tjenesteomrade"] == {"helse-og-omsorg": 2}


def test_bulk_set_counts_are_predictable(case_index, kommuner):
    bulk_create_cases(case_index, 120, kommuner)
    result = counts(CaseFilters())
    assert set(result["tjenesteomrade"].values()) == {12}
    assert set(result["sektor"].values()) == {20}
    assert set(result["utfordring"].values()) == {15}
    assert set(result["fase"].values()) == {20}
    assert result["fylke"] == {"91": 60, "92": 60}
    filtered = counts(parse("fylke=91&fase=forankring"))
    # Cases 0, 6, 12 …: phase 0 and kommune index 0 or 1 (Nordfylke) → i ≡ 0 (mod 6) and i mod 4 < 2.
    assert sum(filtered["tjenesteomrade"].values()) == len([i for i in range(120) if i % 6 == 0 and i % 4 < 2])


def test_cases_under_a_view_restriction_are_not_published(known_set, case_index):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=known_set[0], restriction_type="login")
    assert CasePage.objects.published().count() == 2
    PageViewRestriction.objects.create(page=case_index, restriction_type="login")
    assert CasePage.objects.published().count() == 0


def test_kommune_size_facet_counts_and_filters(known_set, monkeypatch):
    # Nordby is small, Fjellvik middle-sized and Sørvåg a town: a case counts once per class it touches.
    monkeypatch.setattr(
        "cases.facets.kommune_populations", lambda: {"9101": 3_200, "9102": 12_500, "9201": 61_000, "9202": 800}
    )
    result = counts(CaseFilters())
    assert result["storrelse"] == {"under-5000": 1, "5000-19999": 1, "50000-og-over": 2}
    small = parse("storrelse=under-5000")
    assert [case.title for case in filter_cases(CasePage.objects.published(), small)] == ["Digitalt tilsyn om natta"]
    assert counts(small)["fase"] == {"pilotering": 1}
    assert filter_cases(CasePage.objects.published(), parse("storrelse=under-5000&storrelse=5000-19999")).count() == 2


def test_kommune_size_facet_is_hidden_without_population_figures(known_set):
    facet = next(f for f in facet_counts(CaseFilters()) if f.param == "storrelse")
    assert facet.options == []
