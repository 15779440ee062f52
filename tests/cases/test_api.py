"""The JSON API and the CSV export of a filtered list."""

import csv
import io

import pytest

from cases.factories import CasePageFactory
from cases.models import Dimension

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_cases(case_index, kommuners):
    first = CasePageFactory(
        parent=case_index,
        title="Læringsbrett i skolen",
        slug="laeringsbrett",
        kommuner=[kommuners[0]],
        start_year=2020,
        codes={Dimension.SERVICE_AREA: ["skole"], Dimension.SECTOR: ["kommune", "naeringsliv"]},
    )
    second = CasePageFactory(
        parent=case_index,
        title="Frisklivssentral på hjul",
        slug="frisklivssentral",
        kommuner=[kommuners[2]],
        codes={Dimension.SERVICE_AREA: ["helse-og-omsorg"], Dimension.CHALLENGE: ["folkehelse"]},
    )
    second.partners.create(name="Idrettslaget", sector="frivillig")
    second.save()
    return first, second


@pytest.fixture
def kommuners(kommuner):
    return kommuner


def test_list_is_paginated_and_filterable(client, two_cases):
    data = client.get("/api/cases/").json()
    assert data["count"] == 2 and data["pages"] == 1 and data["next"] is None
    assert {item["slug"] for item in data["results"]} == {"laeringsbrett", "frisklivssentral"}
    assert data["facets"]["tjenesteomrade"] == [
        {"value": "skole", "label": "Skole", "count": 1},
        {"value": "helse-og-omsorg", "label": "Helse og omsorg", "count": 1},
    ]
    filtered = client.get("/api/cases/", {"tjenesteomrade": "skole", "fylke": "91"}).json()
    assert [item["slug"] for item in filtered["results"]] == ["laeringsbrett"]
    item = filtered["results"][0]
    assert item["municipalities"] == ["9101"]
    assert item["sectors"] == ["kommune", "naeringsliv"]
    assert item["url"].endswith("/eksempler/laeringsbrett/")


def test_list_without_trailing_slash_redirects(client, two_cases):
    assert client.get("/api/cases").status_code == 301


def test_detail(client, two_cases):
    data = client.get("/api/cases/frisklivssentral/").json()
    assert data["title"] == "Frisklivssentral på hjul"
    assert data["partners"] == [{"name": "Idrettslaget", "sector": "frivillig"}]
    assert data["municipalities"] == [{"number": "9201", "name": "Sørvåg", "fylke": "Sørfylke"}]
    assert data["challenges"] == ["folkehelse"]
    assert data["reused_by"] == []


def test_unpublished_case_is_not_in_the_api(client, two_cases):
    two_cases[0].unpublish()
    assert client.get("/api/cases/laeringsbrett/").status_code == 404
    assert client.get("/api/cases/").json()["count"] == 1


def test_csv_export_of_filtered_list(client, two_cases):
    response = client.get("/api/cases/eksport.csv", {"tjenesteomrade": "helse-og-omsorg"})
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Kilde: Innovasjonsplattformen, eksempelbiblioteket"]
    assert rows[1][0].startswith("Lastet ned ") and rows[2] == []
    header, *cases = rows[3:]
    assert header[:4] == ["Tittel", "Sammendrag", "Adresse", "Kommunenummer"]
    assert len(cases) == 1 and cases[0][0] == "Frisklivssentral på hjul"
    row = dict(zip(header, cases[0], strict=True))
    assert row["Kommunenummer"] == "9201" and row["Kommuner"] == "Sørvåg"
    assert row["Tjenesteområder"] == "Helse og omsorg" and row["Fase"] == "Pilotering"
    assert row["Adresse"].endswith("/eksempler/frisklivssentral/")


def test_csv_cells_are_formula_safe(client, case_index, kommuner):
    from cases.factories import CasePageFactory

    CasePageFactory(
        parent=case_index, title='=HYPERLINK("http://x.example","klikk")', introduction="+cmd|' /C calc'!A0"
    )
    rows = list(
        csv.reader(io.StringIO(client.get("/api/cases/eksport.csv").content.decode("utf-8-sig")), delimiter=";")
    )
    assert rows[4][0] == '\'=HYPERLINK("http://x.example","klikk")'
    assert rows[4][1] == "'+cmd|' /C calc'!A0"


def test_an_unknown_code_is_a_400_naming_the_valid_ones(client, two_cases):
    response = client.get("/api/cases/", {"utfordring": ["aldring", "tull"]})
    assert response.status_code == 400
    body = response.json()
    assert body["detail"] == "Forespørselen har ugyldige parametere."
    assert body["errors"]["utfordring"] == [
        "Ukjent verdi: tull. Gyldige verdier: aldring, befolkningsnedgang, arbeidskraft, faerre-barn, "
        "befolkningsvekst, folkehelse, inkludering, klima."
    ]


@pytest.mark.parametrize(
    ("params", "param"),
    [
        ({"kommune": "9999"}, "kommune"),
        ({"kommune": "99999999999999999999999"}, "kommune"),
        ({"fylke": "Oslo"}, "fylke"),
        ({"ar": "i fjor"}, "ar"),
        ({"sorter": "tilfeldig"}, "sorter"),
    ],
)
def test_other_invalid_filters_are_400_too(client, two_cases, params, param):
    response = client.get("/api/cases/", params)
    assert response.status_code == 400
    assert list(response.json()["errors"]) == [param]
    assert client.get("/api/cases/eksport.csv", params).status_code == 400


def test_a_page_out_of_range_is_404_in_json(client, two_cases):
    response = client.get("/api/cases/", {"side": "99"})
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "Siden finnes ikke."}
    assert client.get("/api/cases/", {"side": "1"}).json()["page"] == 1


def test_unknown_case_and_unknown_address_are_404_in_json(client, two_cases):
    assert client.get("/api/cases/finnes-ikke/").json()["detail"]
    response = client.get("/api/finnes-ikke/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == {"detail": "Finnes ikke."}


def test_the_api_is_open_to_other_sites(client, two_cases):
    assert client.get("/api/cases/")["Access-Control-Allow-Origin"] == "*"


def test_the_list_links_to_the_next_page(client, case_index, kommuners):
    from cases.factories import bulk_create_cases

    bulk_create_cases(case_index, 60, kommuners)
    first = client.get("/api/cases/", {"fylke": "91"}).json()
    assert first["count"] == 30 and first["pages"] == 1
    everything = client.get("/api/cases/").json()
    assert everything["pages"] == 2 and everything["next"].endswith("/api/cases/?side=2")
    assert len(client.get("/api/cases/", {"side": "2"}).json()["results"]) == 10


def test_an_api_address_that_does_not_exist_is_not_redirected_to_the_page_tree(client, two_cases):
    response = client.get("/api/kommuner/null/profile")
    assert response.status_code == 404 and response.json() == {"detail": "Finnes ikke."}


@pytest.mark.parametrize("side", ["", "0", "-1", "to", "1.5", "²"])
def test_a_page_number_that_is_not_a_whole_number_from_1_is_a_400(client, two_cases, side):
    response = client.get("/api/cases/", {"side": side})
    assert response.status_code == 400
    assert response.json()["errors"] == {"side": ["Sidenummeret må være et helt tall fra 1."]}
