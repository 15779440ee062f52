"""Page tree rules, the index and case pages, and their query counts at 10 and 1,000 cases."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.test.utils import WagtailPageTestCase

from cases.factories import CasePageFactory, bulk_create_cases
from cases.models import CaseIndexPage, CasePage, Dimension
from innoplatform.core.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db


class TestPageTree(WagtailPageTestCase):
    def test_parents(self):
        self.assertAllowedParentPageTypes(CasePage, {CaseIndexPage})
        self.assertAllowedParentPageTypes(CaseIndexPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(CaseIndexPage, {CasePage})
        self.assertAllowedSubpageTypes(CasePage, set())


def test_case_page_shows_metadata(client, case_index, kommuner):
    case = CasePageFactory(
        parent=case_index,
        title="Digitalt tilsyn om natta",
        kommuner=[kommuner[0]],
        codes={Dimension.SERVICE_AREA: ["helse-og-omsorg"], Dimension.SECTOR: ["kommune", "fou"]},
        results_text="Færre unødvendige nattbesøk.",
    )
    case.partners.create(name="Senter for omsorgsforskning", sector="fou")
    case.funding.create(source="Skjønnsmidler fra Statsforvalteren", amount_nok=450000)
    case.save()
    html = client.get(case.url).content.decode()
    for text in (
        "Digitalt tilsyn om natta",
        "Nordby",
        "Helse og omsorg",
        "Forskning og utdanning",
        "Pilotering",
        "Senter for omsorgsforskning",
        "450",
        "Færre unødvendige nattbesøk",
        "Logg inn for å markere det",
    ):
        assert text in html, text


def test_index_lists_and_filters_in_the_url(client, case_index, kommuner):
    CasePageFactory(parent=case_index, title="Om barnehage", codes={Dimension.SERVICE_AREA: ["barnehage"]})
    CasePageFactory(parent=case_index, title="Om skole", codes={Dimension.SERVICE_AREA: ["skole"]})
    html = client.get(case_index.url, {"tjenesteomrade": "barnehage"}).content.decode()
    assert "Om barnehage" in html and "Om skole" not in html
    assert 'value="barnehage" id="f-tjenesteomrade-barnehage" checked' in html
    assert "1 eksempel" in html
    assert "Fjern filteret Tjenesteområde: Barnehage" in html


def test_pagination_keeps_the_filters(client, case_index, kommuner):
    bulk_create_cases(case_index, 30, kommuner)
    response = client.get(case_index.url, {"fylke": "91", "side": "2"})
    assert response.context["page_obj"].number == 2
    assert response.context["page_obj"].paginator.count == 16
    assert "fylke=91&amp;side=1" in response.content.decode()
    assert client.get(case_index.url, {"side": "999"}).context["page_obj"].number == 3


def test_library_redirects_to_the_index(client, case_index):
    assert client.get(reverse("cases:library")).url == case_index.url


def test_library_is_404_without_index(client, home_page):
    assert client.get(reverse("cases:library")).status_code == 404


INDEX_QUERY_BUDGET = 26
CASE_QUERY_BUDGET = 34


def _query_count(client, url, params=None) -> int:
    client.get(url, params or {})  # warm the per-process caches (site, locale) first
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, params or {}).status_code == 200
    return len(queries)


FILTERED = {"tjenesteomrade": ["helse-og-omsorg", "skole"], "fylke": "91", "q": "Eksempel", "sorter": "tittel"}


def test_index_queries_are_constant_at_10_and_1000_cases(client, case_index, kommuner, django_assert_max_num_queries):
    bulk_create_cases(case_index, 10, kommuner)
    small = (_query_count(client, case_index.url), _query_count(client, case_index.url, FILTERED))
    bulk_create_cases(case_index, 990, kommuner)
    with django_assert_max_num_queries(INDEX_QUERY_BUDGET):
        client.get(case_index.url)
    large = (_query_count(client, case_index.url), _query_count(client, case_index.url, FILTERED))
    assert small == large, (small, large)
    print(f"case index queries at 10 and 1000 cases: {small} / {large}")


def test_case_page_queries_are_constant_at_10_and_1000_cases(
    client, case_index, kommuner, django_assert_max_num_queries
):
    case = CasePageFactory(
        parent=case_index,
        kommuner=kommuner[:2],
        codes={
            Dimension.SERVICE_AREA: ["helse-og-omsorg"],
            Dimension.SECTOR: ["kommune"],
            Dimension.CHALLENGE: ["aldring"],
        },
    )
    bulk_create_cases(case_index, 10, kommuner)
    small = _query_count(client, case.url)
    bulk_create_cases(case_index, 990, kommuner)
    with django_assert_max_num_queries(CASE_QUERY_BUDGET):
        client.get(case.url)
    large = _query_count(client, case.url)
    assert small == large, (small, large)
    print(f"case page queries at 10 and 1000 cases: {small} / {large}")


def test_api_and_csv_queries_are_constant(client, case_index, kommuner):
    bulk_create_cases(case_index, 10, kommuner)
    small = (_query_count(client, "/api/cases/"), _query_count(client, "/api/cases/eksport.csv", {"fylke": "91"}))
    bulk_create_cases(case_index, 990, kommuner)
    large = (_query_count(client, "/api/cases/"), _query_count(client, "/api/cases/eksport.csv", {"fylke": "91"}))
    assert small == large


def test_library_redirect_keeps_the_filters(client, case_index):
    response = client.get(reverse("cases:library"), {"kommune": "9101", "utfordring": ["aldring", "klima"]})
    assert response.url == f"{case_index.url}?kommune=9101&utfordring=aldring&utfordring=klima"
