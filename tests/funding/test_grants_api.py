"""GET /api/grants/ and /api/grants/<id>/: public grants only, the page's filters, strict parameters, the schema."""

import pytest

from cases.factories import CaseIndexPageFactory, CasePageFactory
from funding.factories import ApplicationFactory, grant
from funding.models import Application, Report
from funding.offices import Office
from tests.funding.test_insight import HOSTILE, NON_PUBLIC, hidden_applications, make_grant

Status = Application.Status


@pytest.fixture
def grants(world):
    hidden_applications(world)
    return {
        "sensor": make_grant(
            "Sensorer i hjemmetjenesten",
            "3401",
            year=2023,
            amount=400_000,
            co=("3403",),
            service_areas=("helse-og-omsorg",),
            challenges=("aldring",),
            partners=("Høgskolen i Innlandet", "Frivilligsentralen"),
        ),
        "hamar": make_grant("Felles innbyggerdialog", "3403", year=2024, amount=150_000, status=Status.CLOSED),
        "bergen": make_grant("Velferdsteknologi i Bergen", "4601", office=Office.VESTLAND, year=2024, amount=1_000_000),
    }


def test_the_list_has_count_total_and_the_documented_fields(client, grants):
    response = client.get("/api/grants/")
    assert response.status_code == 200 and response["Access-Control-Allow-Origin"] == "*"
    body = response.json()
    assert (body["count"], body["total_nok"], body["page"], body["pages"]) == (3, 1_550_000, 1, 1)
    sensor = next(row for row in body["results"] if row["title"] == "Sensorer i hjemmetjenesten")
    assert sensor == {
        "id": grants["sensor"].pk,
        "year": 2023,
        "office": "innlandet",
        "kommune": {"number": "3401", "name": "Kongsvinger"},
        "co_kommuner": [{"number": "3403", "name": "Hamar"}],
        "title": "Sensorer i hjemmetjenesten",
        "partners": ["Høgskolen i Innlandet", "Frivilligsentralen"],
        "amount_nok": 400_000,
        "status": "granted",
        "url": f"http://testserver/tilskudd/{grants['sensor'].pk}/",
    }
    assert [row["year"] for row in body["results"]] == [2024, 2024, 2023]


@pytest.mark.parametrize(
    ("query", "expected", "total"),
    [
        ("kontor=vestland", {"bergen"}, 1_000_000),
        ("fylke=34", {"sensor", "hamar"}, 550_000),
        ("kommune=3403", {"sensor", "hamar"}, 550_000),
        ("ar=2024", {"hamar", "bergen"}, 1_150_000),
        ("tjenesteomrade=helse-og-omsorg", {"sensor"}, 400_000),
        ("utfordring=aldring&utfordring=klima", {"sensor"}, 400_000),
        ("status=closed", {"hamar"}, 150_000),
        ("kontor=innlandet&ar=2024", {"hamar"}, 150_000),
    ],
)
def test_filters_are_the_pages_and_the_total_is_of_all_matching(client, grants, query, expected, total):
    body = client.get(f"/api/grants/?{query}").json()
    assert {row["id"] for row in body["results"]} == {grants[key].pk for key in expected}
    assert body["total_nok"] == total and body["count"] == len(expected)


def test_the_total_covers_every_page(client, world):
    for n in range(55):
        make_grant(f"Prosjekt {n}", amount=100_000, year=2020)
    body = client.get("/api/grants/").json()
    assert (body["count"], body["pages"], len(body["results"]), body["total_nok"]) == (55, 2, 50, 5_500_000)
    second = client.get("/api/grants/?side=2").json()
    assert len(second["results"]) == 5 and second["total_nok"] == 5_500_000


@pytest.mark.parametrize(
    ("query", "param"),
    [
        ("kontor=oslo", "kontor"),
        ("fylke=3", "fylke"),
        ("fylke=99", "fylke"),  # well-formed, but no such fylke
        ("kommune=9999", "kommune"),
        ("kommune=34x1", "kommune"),
        ("ar=tjue", "ar"),
        ("tjenesteomrade=helse", "tjenesteomrade"),
        ("utfordring=ukjent", "utfordring"),
        ("fase=ferdig", "fase"),
        ("status=draft", "status"),
        ("status=rejected", "status"),
        ("side=0", "side"),
    ],
)
def test_invalid_values_are_a_400_naming_the_parameter(client, grants, query, param):
    response = client.get(f"/api/grants/?{query}")
    assert response.status_code == 400
    body = response.json()
    assert set(body) == {"detail", "errors"} and param in body["errors"]


def test_an_unknown_code_names_the_valid_ones(client, grants):
    message = client.get("/api/grants/?kontor=oslo").json()["errors"]["kontor"][0]
    assert "oslo" in message and "vestland" in message and "ostfold-buskerud-oslo-akershus" in message


def test_too_many_values_of_one_parameter_are_a_400(client, grants):
    query = "&".join(f"ar={2000 + n}" for n in range(51))
    assert "ar" in client.get(f"/api/grants/?{query}").json()["errors"]


def test_a_page_past_the_end_is_a_404(client, grants):
    assert client.get("/api/grants/?side=5").status_code == 404


def test_hidden_applications_never_appear(client, world, grants):
    body = client.get("/api/grants/").json()
    assert not [row for row in body["results"] if "Hemmelig" in row["title"]]
    for application in Application.objects.filter(title__startswith="Hemmelig"):
        response = client.get(f"/api/grants/{application.pk}/")
        assert response.status_code == 404 and "detail" in response.json()
    assert client.get("/api/grants/123456789/").status_code == 404
    assert client.get("/api/grants/99999999999999999999999/").status_code == 404


def test_a_public_status_without_an_allocation_is_not_a_grant(client, world):
    Application.objects.filter(pk=world.application.pk).update(status=Status.GRANTED)
    assert client.get(f"/api/grants/{world.application.pk}/").status_code == 404
    assert client.get("/api/grants/").json()["count"] == 0


def test_the_detail_has_the_description_codes_call_and_approved_reports(client, world, home_page):
    world.application.codes.create(dimension="service_area", code="helse-og-omsorg")
    world.application.codes.create(dimension="challenge", code="arbeidskraft")
    grant(world.application, 450_000, status=Status.CLOSED)
    Report.objects.create(
        application=world.application,
        kind=Report.Kind.FINAL,
        status=Report.Status.APPROVED,
        activities="Sensorer hos 40 brukere.",
        results="Færre nattbesøk.",
        key_figures="40 % færre nattbesøk",
        lessons="Start smått.",
        in_operation=True,
        spent_nok=440_000,
        spending_comment="Hemmelig forbruk",
        office_comment="Hemmelig tilbakemelding",
    )
    Report.objects.create(
        application=world.application, kind=Report.Kind.INTERIM, status=Report.Status.RETURNED, results="Ikke godkjent"
    )
    index = CaseIndexPageFactory(parent=home_page)
    index.save_revision().publish()
    case = CasePageFactory(parent=index, title="Nattilsyn", slug="nattilsyn", kommuner=[world.kommune_a])
    case.save_revision().publish()
    Application.objects.filter(pk=world.application.pk).update(case=case)

    response = client.get(f"/api/grants/{world.application.pk}/")
    assert response.status_code == 200
    body = response.json()
    assert body["summary"] == "Et prosjekt om bedre tjenester." and body["problem"] == "Flere eldre og færre ansatte."
    assert body["goal"] == "Flere kan bo hjemme lenger." and body["phase"] == "pilotering"
    assert body["service_areas"] == ["helse-og-omsorg"] and body["challenges"] == ["arbeidskraft"]
    assert body["call"] == "Innovasjonsmidler 2027"
    assert (body["amount_nok"], body["amount_sought_nok"], body["status"]) == (450_000, 500_000, "closed")
    assert body["partners"] == ["Høgskolen i Innlandet"]
    assert body["reports"] == [
        {
            "kind": "final",
            "activities": "Sensorer hos 40 brukere.",
            "results": "Færre nattbesøk.",
            "key_figures": "40 % færre nattbesøk",
            "lessons": "Start smått.",
            "in_operation": True,
        }
    ]
    assert body["case_url"].startswith("http://testserver/") and body["case_url"].endswith("/nattilsyn/")
    text = response.content.decode()
    for secret in ("Kari Nordmann", "kari@kommune.example.no", "Hemmelig", "Ikke godkjent", "440000", "Godt prosjekt"):
        assert secret not in text


def test_an_unpublished_case_is_not_linked(client, world, home_page):
    index = CaseIndexPageFactory(parent=home_page)
    index.save_revision().publish()
    draft = CasePageFactory(parent=index, title="Utkast", slug="utkast", kommuner=[world.kommune_a], live=False)
    grant(world.application, 450_000, status=Status.CLOSED)
    Application.objects.filter(pk=world.application.pk).update(case=draft)
    assert client.get(f"/api/grants/{world.application.pk}/").json()["case_url"] is None


def test_hostile_text_is_returned_as_text(client, world):
    application = make_grant(HOSTILE, summary=HOSTILE)
    body = client.get(f"/api/grants/{application.pk}/").json()
    assert body["title"] == HOSTILE and body["summary"] == HOSTILE
    assert client.get(f"/api/grants/{application.pk}/")["Content-Type"] == "application/json"


def test_a_non_public_status_is_missing_from_every_filter(client, world):
    for status in NON_PUBLIC:
        application = ApplicationFactory(call=world.call, lead_kommune=world.kommune_a, status=status)
        grant(application, 0, status=status)
    assert client.get("/api/grants/?kommune=3401").json() == {
        "count": 0,
        "page": 1,
        "pages": 1,
        "next": None,
        "previous": None,
        "total_nok": 0,
        "results": [],
    }


def test_the_schema_documents_both_endpoints_with_bounded_parameters(client, db):
    schema = client.get("/api/schema/?format=json").json()
    operation = schema["paths"]["/api/grants/"]["get"]
    parameters = {parameter["name"]: parameter["schema"] for parameter in operation["parameters"]}
    assert set(parameters) >= {"kontor", "fylke", "kommune", "ar", "tjenesteomrade", "utfordring", "side"}
    assert "vestland" in parameters["kontor"]["items"]["enum"]
    assert {"3401", "4601"} <= set(parameters["kommune"]["items"]["enum"]) and parameters["kommune"]["maxItems"] == 50
    assert {"34", "46"} <= set(parameters["fylke"]["items"]["enum"])
    assert parameters["ar"]["items"]["pattern"] == r"^\d{4}$"
    assert set(parameters["status"]["items"]["enum"]) == {
        "granted",
        "partly_granted",
        "reporting_due",
        "reported",
        "closed",
    }
    assert {"200", "400", "404"} <= set(operation["responses"])
    assert "/api/grants/{id}/" in schema["paths"]


@pytest.mark.parametrize("count", [2, 14])
def test_queries_do_not_grow_with_the_grants(client, world, django_assert_max_num_queries, count):
    from tests.funding.test_insight import grow

    grow(count)
    one = Application.objects.get(title="Vekst 1")
    Report.objects.create(application=one, kind=Report.Kind.FINAL, status=Report.Status.APPROVED, results="Bra")
    with django_assert_max_num_queries(5):
        assert client.get("/api/grants/").json()["count"] == count
    with django_assert_max_num_queries(7):  # kommune and fylke are checked against the registry
        assert client.get("/api/grants/?kommune=3401&fylke=34&tjenesteomrade=skole").status_code == 200
    with django_assert_max_num_queries(5):
        assert client.get(f"/api/grants/{one.pk}/").json()["reports"][0]["results"] == "Bra"
