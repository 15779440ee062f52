"""Listings in the search's order: paging, indexes, and a query without words to search for."""

import pytest

from django.http import QueryDict

from cases.facets import CaseFilters, filter_cases, sort_cases
from cases.models import CasePage
from search.ranking import RankedResults

pytestmark = pytest.mark.django_db


@pytest.fixture
def three(add_case):
    return [add_case(f"Sensor {n}", "Sensorer.", year=2020 + n) for n in range(3)]


def test_ranked_results_keep_the_ranking_and_only_what_the_queryset_holds(three):
    ranking = [three[2].pk, 999_999, three[0].pk, three[1].pk]
    ranked = RankedResults(CasePage.objects.exclude(pk=three[1].pk), ranking)
    assert len(ranked) == ranked.count() == 2
    assert [case.pk for case in ranked[0:5]] == [three[2].pk, three[0].pk]
    assert ranked[-1].pk == three[0].pk
    with pytest.raises(IndexError):
        ranked[-3]
    with pytest.raises(IndexError):
        ranked[2]
    assert ranked.limited(1).values_list("title") == [(three[2].title,)]


def test_a_query_without_searchable_words_lists_everything_newest_first(three):
    filters = CaseFilters.from_querydict(QueryDict("q=og"))
    cases = sort_cases(filter_cases(CasePage.objects.published(), filters), filters)
    assert cases.ordered and [case.start_year for case in cases] == [2022, 2021, 2020]


def test_the_case_index_orders_by_relevance_with_a_query(add_case, client):
    add_case("Om dagsenteret", "Noen fikk sensor på døren.")
    add_case("Sensorer og sensordata", "Sensorer i hvert rom.")
    page = client.get("/eksempler/", {"q": "sensor"}).content.decode()
    assert page.index("Sensorer og sensordata") < page.index("Om dagsenteret")
    assert '<option value="relevans" selected>' in page
    assert '<option value="relevans"' not in client.get("/eksempler/").content.decode()
