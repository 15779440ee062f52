"""Page tree rules, the index and case pages, and their query counts at 10 and 1,000 cases."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.test.utils import WagtailPageTestCase

from cases.factories import CasePageFactory, bulk_create_cases
from cases.models import CaseIndexPage, CasePage, CaseReuse, Dimension
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
CASE_QUERY_BUDGET = 36


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


@pytest.fixture
def eight_kommuner(fylker):
    """Eight kommuner with real demographic summaries (observed, projection, challenges, similar kommuner)."""
    from innoplatform.municipalities.factories import KommuneFactory
    from innoplatform.municipalities.signals import population_imported
    from tests.municipalities.demography_helpers import load_population

    kommuner = [KommuneFactory(number=f"91{n:02d}", name=f"Kommune {n}", fylke=fylker[n % 2]) for n in range(1, 9)]
    population_imported.send(sender=None, datasets=list(load_population([k.number for k in kommuner])))
    return kommuner


def _full_case(index, kommuner, title: str) -> CasePage:
    """A case with every part the page shows: partners, figures, funding, tags and reuse marks."""
    case = CasePageFactory(
        parent=index,
        title=title,
        kommuner=kommuner,
        codes={
            Dimension.SERVICE_AREA: ["helse-og-omsorg", "skole"],
            Dimension.SECTOR: ["kommune", "fou"],
            Dimension.CHALLENGE: ["aldring", "arbeidskraft"],
        },
    )
    for n in range(3):
        case.partners.create(name=f"Partner {n}", sector="fou")
        case.result_figures.create(value=n + 1, unit="timer", label=f"Resultat {n}")
        case.funding.create(source=f"Kilde {n}", amount_nok=1000 * (n + 1))
    case.tags.add("velferdsteknologi", "nattjeneste", "pårørende")
    case.save()
    for kommune in kommuner:
        CaseReuse.objects.create(page=case, kommune=kommune)
    return case


def test_case_page_queries_do_not_grow_with_kommuner_cases_or_parts(
    client, case_index, eight_kommuner, django_assert_max_num_queries
):
    """With real summaries: one kommune and 10 cases, then six kommuner, all parts and 1,000 cases."""
    small_case = CasePageFactory(parent=case_index, kommuner=eight_kommuner[:1])
    bulk_create_cases(case_index, 10, eight_kommuner)
    small = _query_count(client, small_case.url)
    large_case = _full_case(case_index, eight_kommuner[:6], "Stort eksempel")
    bulk_create_cases(case_index, 990, eight_kommuner)
    with django_assert_max_num_queries(CASE_QUERY_BUDGET):
        html = client.get(large_case.url).content.decode()
    assert "Partner 2" in html and "Kilde 2" in html and "pårørende" in html and "Kommune 6" in html
    large = _query_count(client, large_case.url)
    assert small == large, (small, large)
    print(f"case page queries, 1 kommune / 10 cases and 6 kommuner / 1000 cases: {small} / {large}")


def test_kommune_page_queries_do_not_grow_with_its_cases(client, case_index, eight_kommuner):
    kommune = eight_kommuner[0]
    CasePageFactory(parent=case_index, kommuner=[kommune])
    small = _query_count(client, kommune.get_absolute_url())
    for n in range(30):
        _full_case(case_index, [kommune, eight_kommuner[1 + n % 7]], f"Eksempel {n}")
    large = _query_count(client, kommune.get_absolute_url())
    assert small == large, (small, large)


def test_api_and_csv_queries_are_constant(client, case_index, kommuner):
    bulk_create_cases(case_index, 10, kommuner)
    small = (_query_count(client, "/api/cases/"), _query_count(client, "/api/cases/eksport.csv", {"fylke": "91"}))
    bulk_create_cases(case_index, 990, kommuner)
    large = (_query_count(client, "/api/cases/"), _query_count(client, "/api/cases/eksport.csv", {"fylke": "91"}))
    assert small == large


def test_library_redirect_keeps_the_filters(client, case_index):
    response = client.get(reverse("cases:library"), {"kommune": "9101", "utfordring": ["aldring", "klima"]})
    assert response.url == f"{case_index.url}?kommune=9101&utfordring=aldring&utfordring=klima"
