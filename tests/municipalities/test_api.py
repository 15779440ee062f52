"""GET /api/kommuner/<nummer>/profile: the profile's figures as JSON."""

import pytest

from innoplatform.municipalities.demography.summaries import refresh_demographic_summaries

from .demography_helpers import load_population

pytestmark = pytest.mark.django_db


def test_profile_without_figures(client):
    response = client.get("/api/kommuner/4003/profile")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "kommune": {
            "number": "4003",
            "name": "Skien",
            "fylke": {"number": "40", "name": "Telemark"},
            "url": "/kommuner/4003-skien/",
        },
        "available": False,
        "state": "none",
        "note": "Det er ikke lastet inn befolkningstall fra SSB for kommunen – derfor vises ingen demografiske utfordringer.",
        "missing": [
            {
                "part": "observed",
                "message": "Registrert befolkning (SSB-tabell 07459) er ikke lastet inn.",
                "load_with": "manage.py fetch_ssb --table 07459 --import | manage.py import_ssb <fil>",
            },
            {
                "part": "projection",
                "message": "Ingen befolkningsframskriving (SSB-tabell 14288 eller 14746) er lastet inn.",
                "load_with": "manage.py fetch_ssb --table 14288 --import | manage.py import_ssb <fil>",
            },
        ],
    }


def test_unknown_kommune_is_404(client):
    assert client.get("/api/kommuner/9999/profile").status_code == 404


def test_profile_with_figures(client):
    load_population(["4003", "4001", "4005", "4010", "4012", "4014"], by_sex=True)
    refresh_demographic_summaries()
    data = client.get("/api/kommuner/4003/profile").json()
    assert data["available"] is True and data["demo"] is False
    assert data["base_year"] == 2025 and data["population"] == 1000
    assert data["datasets"]["projection"]["table"] == "14746"
    assert data["alternatives"] == ["MMMM"]
    assert data["indicators"]["2040"]["age_80_plus_change_pct"] == 80.0
    assert data["challenges"] == ["aldring", "arbeidskraft", "faerre-barn"]
    assert set(data["comparison"]) == {"fylke", "country"}
    first = data["age_groups"][0]
    assert first["kind"] == "observed" and set(first["groups"]) >= {"0", "1-5", "90+"}
    assert data["age_groups"][-1] == {**data["age_groups"][-1], "year": 2050, "kind": "projected"}
    assert data["pyramid"]["by_sex"] is True and data["pyramid"]["year_then"] == 2040
    assert data["pyramid"]["rows"][0]["now"].keys() == {"M", "K"}
    barnehage = data["services"][0]
    assert barnehage["code"] == "barnehage" and barnehage["rates"] == "national"
    need_2025 = next(need for need in barnehage["needs"] if need["year"] == 2025)
    assert need_2025 == {"year": 2025, "users": 47.0, "fte": 9.4}
    assert data["working_age"]["2025"] == 550
    assert len(data["similar"]) == 5 and data["similar"][0]["reason"].startswith("lignende")


def test_an_unknown_alternative_is_a_400_naming_the_imported_ones(client, db):
    from tests.municipalities.demography_helpers import load_population

    load_population(["4003"])
    refresh_demographic_summaries()
    for value in ("XXXX", "mmmm"):
        response = client.get("/api/kommuner/4003/profile", {"alternativ": value})
        assert response.status_code == 400
        assert response.json()["errors"]["alternativ"] == [f"Ukjent alternativ: {value}. Gyldige verdier: MMMM."]
    assert client.get("/api/kommuner/4003/profile", {"alternativ": "MMMM"}).json()["state"] == "both"


def test_an_unknown_kommune_is_a_404_in_json(client, db):
    response = client.get("/api/kommuner/9999/profile")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json" and response.json()["detail"]
