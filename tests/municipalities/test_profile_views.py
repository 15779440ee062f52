"""The kommune profile page, its CSV downloads and the compare view, with and without figures."""

import csv
import io

import pytest

from django.urls import reverse
from django.utils import timezone

from innoplatform.municipalities.demography.summaries import refresh_demographic_summaries
from innoplatform.municipalities.factories import KommuneFactory
from innoplatform.municipalities.models import Kommune, PopulationDataset, Service, ServiceRate

from .demography_helpers import dataset, load_population

pytestmark = pytest.mark.django_db

TELEMARK = ["4003", "4001", "4005", "4010", "4012", "4014"]


@pytest.fixture
def figures(db):
    observed, projection = load_population(TELEMARK, by_sex=True)
    refresh_demographic_summaries()
    return observed, projection


def test_profile_without_figures_keeps_the_plain_message(client, home_page):
    content = client.get("/kommuner/4003-skien/").content.decode()
    assert "ikke importert befolkningstall" in content
    assert "<svg" not in content
    assert client.get(reverse("municipalities:csv", args=["4003", "aldersgrupper"])).status_code == 404


def test_profile_shows_charts_tables_challenges_and_similar(client, home_page, figures):
    response = client.get("/kommuner/4003-skien/")
    content = response.content.decode()
    assert response.status_code == 200
    assert "ikke importert befolkningstall" not in content
    assert content.count('role="img"') == 3
    assert 'aria-labelledby="chart-age-title chart-age-desc"' in content
    assert "chart-line--projected" in content and "Framskrevet" in content
    assert '<caption id="table-age">' in content and 'scope="col"' in content
    assert 'role="region" aria-labelledby="table-age"' in content
    assert "Befolkningspyramide 2025 og 2040" in content
    assert "Menn 2025" in content  # figures by sex give a pyramid by sex
    assert "Mangel på arbeidskraft" in content and "Færre barn og unge" in content
    assert "Kommuner med lignende utvikling" in content and "lignende " in content
    assert "Nasjonale" in content
    assert "Demodata" not in content
    assert "Sammenlignet med Telemark og hele landet" in content
    assert "Andre kommuner i Telemark" in content
    assert 'style="' not in content  # the CSP forbids inline styles
    assert "Framskrivingsalternativ" not in content  # one alternative only


def test_profile_says_which_rates_are_in_use(client, home_page, figures):
    ServiceRate.objects.create(
        service=Service.objects.get(code="barnehage"),
        kommune=Kommune.objects.get(number="4003"),
        age_group="1-5",
        coverage_rate="0.8",
        fte_per_user="0.25",
        source="Skien kommune, egne tall 2025",
    )
    content = client.get("/kommuner/4003-skien/").content.decode()
    barnehage = content[content.index('data-service="barnehage"') : content.index('data-service="grunnskole"')]
    assert 'data-rate="own"' in barnehage and "kommunens egen" in barnehage
    assert "Skien kommune, egne tall 2025" in barnehage
    assert 'data-rate="national"' not in barnehage  # the own rate replaces the only national one (1–5 år)
    sykehjem = content[content.index('data-service="sykehjem"') :]
    assert 'data-rate="own"' not in sykehjem[: sykehjem.index("</table>")]
    assert "<sup>" not in barnehage  # one source: no footnote numbers


def test_rates_with_two_sources_are_numbered(client, home_page, figures):
    ServiceRate.objects.create(
        service=Service.objects.get(code="sykehjem"),
        kommune=Kommune.objects.get(number="4003"),
        age_group="90+",
        coverage_rate="0.3",
        fte_per_user="1.1",
        source="Skien kommune, egne tall 2025",
    )
    content = client.get("/kommuner/4003-skien/").content.decode()
    sykehjem = content[content.index('data-service="sykehjem"') :]
    sykehjem = sykehjem[: sykehjem.index("</ol>")]
    assert sykehjem.count("<sup>1</sup>") == 4 and sykehjem.count("<sup>2</sup>") == 1
    assert sykehjem.index("KOSTRA/IPLOS") < sykehjem.index("Skien kommune, egne tall 2025")


def test_demo_figures_are_labelled(client, home_page):
    load_population(TELEMARK)
    PopulationDataset.objects.update(is_demo=True)
    refresh_demographic_summaries()
    content = client.get("/kommuner/4003-skien/").content.decode()
    assert "Demodata: genererte tall, ikke offisiell statistikk fra SSB" in content
    assert "Menn til venstre" not in content  # totals only: the pyramid says so
    compare = client.get(reverse("municipalities:compare"), {"k": ["4003", "4001"]}).content.decode()
    assert "Demodata: genererte tall, ikke offisiell statistikk fra SSB" in compare


def test_alternative_can_be_chosen(client, home_page, figures):
    _observed, main = figures
    high = dataset(alternative="HHMH")
    for figure in main.figures.filter(region_code="4003"):
        figure.pk, figure.dataset, figure.value = None, high, figure.value * 2
        figure.save()
    refresh_demographic_summaries()
    content = client.get("/kommuner/4003-skien/", {"alternativ": "HHMH"}).content.decode()
    assert '<option value="HHMH" selected>' in content
    assert "?alternativ=HHMH" in content  # CSV links keep the choice
    default = client.get("/kommuner/4003-skien/").content.decode()
    assert '<option value="MMMM" selected>' in default


def _csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


@pytest.mark.parametrize("chart", ["aldersgrupper", "befolkningspyramide", "tjenester", "sammenligning"])
def test_csv_downloads_start_with_source_and_date(client, figures, chart):
    response = client.get(reverse("municipalities:csv", args=["4003", chart]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert f"4003-skien-{chart}.csv" in response["Content-Disposition"]
    rows = _csv(response)
    assert rows[0] == [
        "Kilde: Statistisk sentralbyrå (SSB), tabell 07459: registrert befolkning 2016–2025; "
        "Statistisk sentralbyrå (SSB), tabell 14746: framskriving, alternativ MMMM, basisår 2026."
    ]
    assert rows[1] == [f"Lastet ned {timezone.localdate().isoformat()}"] and rows[2] == []
    table = rows[3:]
    assert len(table) > 3
    assert len({len(row) for row in table}) == 1


def test_age_group_csv_holds_the_figures(client, figures):
    table = _csv(client.get(reverse("municipalities:csv", args=["4003", "aldersgrupper"])))[3:]
    assert table[0][0] == "år" and table[0][-1] == "i alt"
    row_2025 = next(row for row in table if row[0] == "2025")
    assert row_2025[1] == "Registrert"
    assert row_2025[-1] == "1000"
    assert next(row for row in table if row[0] == "2040")[1] == "Framskrevet"


def test_csv_cells_are_formula_safe(client, figures):
    Service.objects.filter(code="barnehage").update(name='=HYPERLINK("http://x")')
    table = _csv(client.get(reverse("municipalities:csv", args=["4003", "tjenester"])))[3:]
    assert table[1][0] == '\'=HYPERLINK("http://x")'


def test_compare_view(client, home_page, figures):
    response = client.get(reverse("municipalities:compare"), {"k": ["4003", "Porsgrunn", "Atlantis"]})
    content = response.content.decode()
    assert response.status_code == 200
    assert [k.number for k in response.context["comparison"].kommuner] == ["4003", "4001"]
    assert "Atlantis" in content and "Vi fant ikke" in content
    assert "Skien" in content and "Porsgrunn" in content
    assert "Mangel på arbeidskraft" in content


def test_compare_view_without_input_shows_the_form(client, home_page):
    response = client.get(reverse("municipalities:compare"))
    assert response.status_code == 200
    assert response.context["comparison"] is None
    assert response.content.decode().count('name="k"') == 2


def test_compare_view_caps_the_number_of_kommuner(client, home_page, figures):
    numbers = [k.number for k in Kommune.objects.order_by("number")[:9]]
    response = client.get(reverse("municipalities:compare"), {"k": numbers})
    assert len(response.context["comparison"].kommuner) == 6


def _profile_data(kommuner: int, years: int):
    numbers = [kommune.number for kommune in KommuneFactory.create_batch(kommuner)]
    load_population(numbers, years=range(2025 - years + 1, 2026), by_sex=True)
    refresh_demographic_summaries()
    return Kommune.objects.get(number=numbers[0])


@pytest.mark.parametrize(("kommuner", "years"), [(5, 10), (40, 30)])
def test_profile_query_count_is_constant(client, home_page, django_assert_max_num_queries, kommuner, years):
    kommune = _profile_data(kommuner, years)
    client.get(kommune.get_absolute_url())  # warm the dataset cache and the site lookups
    with django_assert_max_num_queries(20):  # the profile and each app's section (cases, courses, partners, funding)
        response = client.get(kommune.get_absolute_url())
    assert response.context["profile"] is not None
    assert len(response.context["profile"].similar) == min(5, kommuner - 1)


@pytest.mark.parametrize(("kommuner", "years"), [(5, 10), (40, 30)])
def test_compare_and_csv_query_counts_are_constant(client, home_page, django_assert_max_num_queries, kommuner, years):
    kommune = _profile_data(kommuner, years)
    others = list(Kommune.objects.filter(number__startswith="90").values_list("number", flat=True)[:5])
    client.get(reverse("municipalities:compare"))  # the first request of a site creates its settings row
    with django_assert_max_num_queries(8):
        client.get(reverse("municipalities:compare"), {"k": others})
    with django_assert_max_num_queries(8):
        client.get(reverse("municipalities:csv", args=[kommune.number, "tjenester"]))
