"""Each data state — no figures, observed only (one year or several), projection only, both — in every view.

The set-up mirrors the trust problem of issue 8: SSB's 07459 for many kommuner,
a projection for Telemark only. No view may name a table the kommune lacks, draw
a one-point chart or conclude anything about challenges without a projection.
"""

import csv
import io
import json

import pytest

from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from innoplatform.municipalities.demography.summaries import refresh_demographic_summaries
from innoplatform.municipalities.models import PopulationFigure

from .demography_helpers import BASE_2025, TARGET_2040, add_groups, load_population, scaled

pytestmark = pytest.mark.django_db

TELEMARK = ["4003", "4001", "4005", "4010", "4012", "4014"]


@pytest.fixture
def partial(home_page):
    """Telemark: observed 2016–2025 and a projection. Bergen: observed 2025 only. Stavanger: observed 2024–2025.
    Tromsø: projection only. Oslo: both, and its own fylke. Bodø: nothing."""
    observed, projection = load_population(TELEMARK)
    add_groups(observed, "4601", 2025, BASE_2025)
    add_groups(observed, "1103", 2024, BASE_2025)
    add_groups(observed, "1103", 2025, scaled(BASE_2025, 1.01))
    for year, groups in ((2026, BASE_2025), (2040, TARGET_2040)):
        add_groups(projection, "5501", year, groups)
    add_groups(observed, "0301", 2025, scaled(BASE_2025, 3))
    add_groups(projection, "0301", 2040, scaled(TARGET_2040, 3))
    refresh_demographic_summaries()
    return observed, projection


def page(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def source_line(content: str) -> str:
    start = content.index("data-profile-source>") + len("data-profile-source>")
    return content[start : content.index("</p>", start)]


def test_observed_only_one_year_profile(client, partial):
    content = page(client, "/kommuner/4601-bergen/")
    assert source_line(content) == "Kilde: Statistisk sentralbyrå (SSB), tabell 07459: registrert befolkning 2025."
    assert "Framskrevet" not in content and "framskrevet)" not in content
    assert 'data-missing="projection"' in content and "fetch_ssb --table 14288 --import" in content
    assert "Folketall 2025" in content and "1\xa0000" in content
    assert "Bare 2025 er lastet inn" in content and 'id="chart-age-title"' not in content
    assert 'id="chart-services-title"' not in content  # no one-point index chart
    assert "Befolkningspyramide 2025</h2>" in content  # the base year alone
    assert 'data-challenges="unavailable"' in content
    assert "gir ingen av de demografiske utfordringene" not in content
    assert "Kommuner med lignende utvikling" not in content and 'id="sammenligning"' not in content
    assert "i 2025" in content and "10,0 %" in content  # 80+ share now, from the figures themselves


def test_observed_only_downloads(client, partial):
    assert client.get(reverse("municipalities:csv", args=["4601", "sammenligning"])).status_code == 404
    response = client.get(reverse("municipalities:csv", args=["4601", "tjenester"]))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Kilde: Statistisk sentralbyrå (SSB), tabell 07459: registrert befolkning 2025."]
    assert {row[1] for row in rows[4:]} == {"2025"}


def test_observed_only_several_years_draws_history_without_projection(client, partial):
    response = client.get("/kommuner/1103-stavanger/")
    content = response.content.decode()
    assert 'id="chart-age-title"' in content and "chart-line--projected" not in content
    assert "Alle årene er registrert befolkning; ingen framskriving er lastet inn." in content
    assert 'class="chart-divider"' not in content
    # A nearly flat index (100 → 101) gets a readable axis, not 100/100/100/100/101.
    labels = [label for _y, label in response.context["age_chart"].y_ticks]
    assert len(labels) == len(set(labels)) and (labels[0], labels[-1]) == ("94", "106")


def test_projection_only_profile(client, partial):
    content = page(client, "/kommuner/5501-tromso/")
    assert 'data-missing="observed"' in content and "fetch_ssb --table 07459 --import" in content
    assert "Profilen starter derfor i 2026" in content and "framskrivingens utgangspunkt" in content
    assert source_line(content) == (
        "Kilde: Statistisk sentralbyrå (SSB), tabell 14746: framskriving, alternativ MMMM, basisår 2026."
    )
    assert 'data-challenge="aldring"' in content
    assert "Befolkningspyramide 2026 og 2040" in content


def test_both_profile_compares_and_links_all_five_similar(client, partial):
    content = page(client, "/kommuner/4003-skien/")
    assert "data-missing" not in content
    assert "Sammenlignet med Telemark og hele landet" in content
    link = content[content.index("/kommuner/sammenlign/?k=4003") :].split('"')[0]
    assert link.count("k=") == 6  # Skien and all five similar kommuner


def test_oslo_has_no_second_oslo_column(client, partial):
    response = client.get("/kommuner/0301-oslo/")
    assert response.context["comparison_columns"] == ["Oslo", "Hele landet"]
    assert "Sammenlignet med hele landet" in response.content.decode()


def test_no_figures_says_how_to_load_them(client, partial):
    content = page(client, "/kommuner/1804-bodo/")
    assert "ikke importert befolkningstall for Bodø" in content
    assert "fetch_ssb --table 07459 --import" in content and "fetch_ssb --table 14288 --import" in content
    assert "<svg" not in content


def test_api_states(client, partial):
    bergen = client.get("/api/kommuner/4601/profile").json()
    assert (bergen["available"], bergen["state"]) == (True, "observed")
    assert [part["part"] for part in bergen["missing"]] == ["projection"]
    assert bergen["datasets"]["projection"] is None and bergen["alternatives"] == []
    assert bergen["indicators"] == {"base": {"age_80_plus_share_pct": 10.0, "old_age_dependency": 0.455}}
    assert bergen["challenges"] == [] and bergen["similar"] == []
    assert bergen["pyramid"]["year_then"] is None and bergen["pyramid"]["rows"][0]["then"] is None
    assert bergen["datasets"]["observed"]["source"] == "SSB-tabell 07459 (test)"
    tromso = client.get("/api/kommuner/5501/profile").json()
    assert (tromso["state"], tromso["base_year"], tromso["datasets"]["observed"]) == ("projection", 2026, None)
    assert "aldring" in tromso["challenges"]
    skien = client.get("/api/kommuner/4003/profile").json()
    assert (skien["state"], skien["missing"]) == ("both", [])
    assert skien["note"].startswith("Befolkningstall fra SSB for 2016–2025 er lastet inn; utfordringene bygger")
    assert client.get("/api/kommuner/1804/profile").json()["state"] == "none"


def test_compare_view_with_mixed_states(client, partial):
    response = client.get(reverse("municipalities:compare"), {"k": ["4003", "4601", "5501", "1804"]})
    content = response.content.decode()
    assert (
        "Ingen befolkningsframskriving er lastet inn for Bergen, så her kan bare folketallet sammenlignes." in content
    )
    assert "Det er ikke lastet inn befolkningstall for Bodø." in content
    two = page(client, reverse("municipalities:compare") + "?k=4003&k=4601&k=1103")
    assert "Ingen befolkningsframskriving er lastet inn for Bergen og Stavanger," in two
    comparison = response.context["comparison"]
    assert comparison.populations == [1000, 1000, 1000, None]
    assert comparison.base_years == [2025, 2025, 2026, None]
    assert comparison.challenges[1] is None and comparison.challenges[3] is None
    assert "aldring".capitalize() in content and "ingen framskriving" in content
    assert "Folketall (siste år)" in content and "(2025)" in content
    assert "Kilde: Statistisk sentralbyrå (SSB), tabell 07459: registrert befolkning 2025." in content


def test_compare_view_without_any_figures(client, home_page):
    content = page(client, reverse("municipalities:compare") + "?k=4003&k=4001")
    assert "Det er ikke importert befolkningstall for disse kommunene ennå" in content
    assert "<table" not in content


@pytest.mark.parametrize("extra_years", [0, 20])
def test_observed_only_query_counts_are_constant(client, partial, django_assert_max_num_queries, extra_years):
    observed, _projection = partial
    rows = []
    for year in range(2025 - extra_years, 2025):
        rows += [
            PopulationFigure(dataset=observed, region_code="4601", year=year, age_from=a, age_to=a, value=5)
            for a in range(90)
        ]
    PopulationFigure.objects.bulk_create(rows)
    refresh_demographic_summaries()
    client.get("/kommuner/4601-bergen/")
    with django_assert_max_num_queries(16):
        client.get("/kommuner/4601-bergen/")
    with django_assert_max_num_queries(5):
        client.get("/api/kommuner/4601/profile")


@pytest.mark.parametrize(
    "path",
    [
        "/kommuner/4003-skien/?alternativ=%00%FF",
        "/kommuner/4003-skien/?alternativ=" + "X" * 5000,
        "/kommuner/4003-skien/?alternativ=llml&alternativ=MMMM",
        "/kommuner/4003/aldersgrupper.csv?alternativ=TULL",
        "/kommuner/4601/sammenligning.csv",
        "/kommuner/1804/tjenester.csv",
        "/kommuner/sammenlign/?k=" + "9" * 30 + "&k=%00&k=" + "Skien" * 500,
        "/kommuner/sammenlign/?" + "&".join(f"k={n}" for n in range(4000, 4100)),
        "/api/kommuner/4601/profile?alternativ=%F0%9F%92%A9",
        "/api/kommuner/1804/profile",
        "/kommuner/?q=" + "%00" * 300,
    ],
)
def test_odd_input_never_gives_a_server_error(client, partial, path):
    assert client.get(path).status_code in (200, 301, 400, 404)


def test_a_dataset_emptied_during_a_request_gives_a_smaller_profile(rf, partial):
    """The request read the dataset list; then another process deleted the projection (no signal here)."""
    from innoplatform.municipalities import api_views, views
    from innoplatform.municipalities.demography.datasets import begin_request, current_datasets, end_request
    from innoplatform.municipalities.models import DemographicSummary, PopulationDataset

    begin_request()
    try:
        assert current_datasets().projection is not None  # remembered for this request
        projection = PopulationDataset.objects.filter(kind="projected")
        PopulationFigure.objects.filter(dataset__in=projection)._raw_delete(PopulationFigure.objects.db)
        DemographicSummary.objects.filter(dataset__in=projection)._raw_delete(DemographicSummary.objects.db)
        projection._raw_delete(PopulationDataset.objects.db)
        request = rf.get("/kommuner/4003-skien/")
        request.user = AnonymousUser()
        response = views.kommune_detail(request, "4003", "skien")
        assert response.status_code == 200
        assert 'data-missing="projection"' in response.content.decode()
        api_response = api_views.KommuneProfileView.as_view()(rf.get("/api/kommuner/4003/profile"), number="4003")
        data = json.loads(api_response.render().content)
        assert data["state"] == "observed" and data["challenges"] == []
        assert views.kommune_csv(rf.get("/"), "4003", "aldersgrupper").status_code == 200
    finally:
        end_request()
