"""`/api/search/` and `/api/search/suggest/`: the answer's shape, its filters, its errors and its schema."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def cases(add_case):
    return [
        add_case(
            "Velferdsteknologi på sykehjemmet",
            "Sensorer varslet fall om natta.",
            service_areas=["helse-og-omsorg"],
            challenges=["aldring"],
            phase="pilotering",
        ),
        add_case(
            "Trygghetsalarmer med <b>GPS</b>",
            "Teknologi for eldre som går seg vill.",
            service_areas=["helse-og-omsorg"],
            challenges=["aldring"],
            phase="ny-praksis",
            year=2019,
        ),
        add_case("Digital skolehverdag", "Nettbrett i alle klasser.", service_areas=["skole"], phase="ny-praksis"),
    ]


def test_results_have_the_documented_shape(client, cases):
    body = client.get("/api/search/", {"q": "teknologi", "type": "case"}).json()
    assert body["count"] == 2
    first = body["results"][0]
    assert set(first) == {"type", "slug", "title", "url", "snippet", "score"}
    assert first["type"] == "case" and first["url"].startswith("http://testserver/")
    assert [result["slug"] for result in body["results"]] == [cases[0].slug, cases[1].slug]
    assert body["results"][0]["score"] >= body["results"][1]["score"] > 0
    assert {"value": "ny-praksis", "label": "Ny praksis", "count": 1} in body["facets"]["fase"]
    assert body["facets"]["type"][0] == {"value": "case", "label": "Eksempler", "count": 2}


def test_snippets_mark_the_words_and_escape_the_rest(client, cases):
    body = client.get("/api/search/", {"q": "teknologi eldre", "type": "case"}).json()
    snippet = body["results"][0]["snippet"]
    assert snippet == "<mark>Teknologi</mark> for <mark>eldre</mark> som går seg vill."
    titled = client.get("/api/search/", {"q": "GPS"}).json()["results"][0]
    assert titled["title"] == "Trygghetsalarmer med <b>GPS</b>"  # JSON carries the title as text


def test_facet_parameters_filter_within_a_type(client, cases):
    body = client.get("/api/search/", {"q": "teknologi", "type": "case", "fase": "ny-praksis"}).json()
    assert [result["slug"] for result in body["results"]] == [cases[1].slug]
    assert client.get("/api/search/", {"q": "teknologi", "type": "case", "ar": "2019"}).json()["count"] == 1


def test_limit_and_pages(client, cases):
    first = client.get("/api/search/", {"q": "teknologi", "type": "case", "limit": 1}).json()
    second = client.get("/api/search/", {"q": "teknologi", "type": "case", "limit": 1, "side": 2}).json()
    assert first["count"] == second["count"] == 2
    assert [first["results"][0]["slug"], second["results"][0]["slug"]] == [cases[0].slug, cases[1].slug]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({}, "q"),
        ({"q": "x" * 201}, "q"),
        ({"q": "skole", "type": "romskip"}, "type"),
        ({"q": "skole", "limit": "0"}, "limit"),
        ({"q": "skole", "limit": "101"}, "limit"),
        ({"q": "skole", "limit": "ti"}, "limit"),
        ({"q": "skole", "type": "case", "fase": "<script>"}, "fase"),
    ],
)
def test_bad_parameters_are_a_400_naming_the_field(client, params, field):
    response = client.get("/api/search/", params)
    assert response.status_code == 400
    assert field in response.json()["errors"]


def test_an_empty_query_finds_nothing_without_an_error(client, home_page):
    assert client.get("/api/search/", {"q": "  "}).json()["count"] == 0
    assert client.get("/api/search/suggest/", {"q": ""}).json() == {"suggestions": []}
    assert client.get("/api/search/suggest/").status_code == 400


def test_did_you_mean_and_any_word(client, cases):
    body = client.get("/api/search/", {"q": "sykehjmmet"}).json()
    assert body["suggestion"] == "sykehjemmet" and body["count"] == 1
    assert client.get("/api/search/", {"q": "nettbrett sensorer", "type": "case"}).json()["any_word"] is True


def test_suggestions_complete_the_last_word(client, cases):
    body = client.get("/api/search/suggest/", {"q": "velferdstek"}).json()
    assert body == {"suggestions": [{"type": "case", "title": "Velferdsteknologi på sykehjemmet", "url": cases[0].url}]}
    assert client.get("/api/search/suggest/", {"q": "v"}).json() == {"suggestions": []}


def test_the_endpoints_are_in_the_openapi_schema(client):
    paths = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()["paths"]
    parameters = {parameter["name"] for parameter in paths["/api/search/"]["get"]["parameters"]}
    assert {"q", "type", "limit", "side", "tjenesteomrade", "fase", "art"} <= parameters
    assert "/api/search/suggest/" in paths


def test_searching_is_rate_limited_per_address(client, settings, home_page):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "search": "2/m/ip", "search_suggest": "1/m/ip"}
    assert [client.get("/api/search/", {"q": "skole"}).status_code for _ in range(3)] == [200, 200, 429]
    assert client.get("/api/search/", {"q": "skole"}).json()["detail"]
    assert client.get("/sok/", {"q": "skole"}).status_code == 429
    assert [client.get("/api/search/suggest/", {"q": "sko"}).status_code for _ in range(2)] == [200, 429]
