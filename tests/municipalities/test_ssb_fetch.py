"""fetch_ssb builds SSB's PxWebApi queries and handles the answers; HTTP is mocked, no network."""

import io
import json
import urllib.error
import urllib.parse
from pathlib import Path

import pytest

from django.core.management import CommandError, call_command

from innoplatform.municipalities.models import PopulationDataset, PopulationFigure
from innoplatform.municipalities.ssb import pxweb
from innoplatform.municipalities.ssb.tables import TABLES

DATA = Path(__file__).parent / "data"


class FakeResponse(io.BytesIO):
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


@pytest.fixture
def no_pause(monkeypatch):
    monkeypatch.setattr("innoplatform.municipalities.management.commands.fetch_ssb.PAUSE_SECONDS", 0)


@pytest.fixture
def recorded(monkeypatch):
    """Answer every request with a recorded SSB response; keep the requests for inspection."""
    requests = []

    def install(name: str):
        def urlopen(request, timeout):
            requests.append((request, timeout))
            return FakeResponse((DATA / name).read_bytes())

        monkeypatch.setattr("urllib.request.urlopen", urlopen)
        return requests

    return install


def query_of(url: str) -> dict[str, str]:
    return dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(url).query))


def test_v2_url_for_observed_table_uses_kommsummer_codes():
    request = pxweb.v2_request(TABLES["07459"], ["4001", "4003"], [2023, 2024])
    assert request.url.startswith("https://data.ssb.no/api/pxwebapi/v2/tables/07459/data?")
    assert request.body is None
    assert query_of(request.url) == {
        "lang": "no",
        "outputFormat": "json-stat2",
        "valueCodes[Region]": "K-4001,K-4003",
        "codelist[Region]": "agg_KommSummer",
        "valueCodes[Kjonn]": "1,2",
        "valueCodes[Alder]": "*",
        "valueCodes[ContentsCode]": "Personer1",
        "valueCodes[Tid]": "2023,2024",
    }


def test_v2_url_for_projection_asks_for_all_years_and_alternatives():
    query = query_of(pxweb.v2_request(TABLES["14288"], ["4003"], []).url)
    assert query["valueCodes[Region]"] == "4003"
    assert "codelist[Region]" not in query
    assert query["valueCodes[ContentsCode]"] == "*"
    assert query["valueCodes[Tid]"] == "*"


def test_v0_body_is_a_json_stat2_query():
    request = pxweb.v0_request(TABLES["07459"], ["4003"], [])
    assert request.url == "https://data.ssb.no/api/v0/no/table/07459/"
    body = json.loads(request.body)
    assert body["response"] == {"format": "json-stat2"}
    selections = {item["code"]: item["selection"] for item in body["query"]}
    assert selections["Region"] == {"filter": "agg:KommSummer", "values": ["K-4003"]}
    assert selections["Tid"] == {"filter": "top", "values": ["1"]}


@pytest.mark.parametrize("table", ["07459", "14288", "14746"])
def test_batches_cover_every_kommune_within_the_cell_limit(table):
    spec = TABLES[table]
    kommuner = [f"{n:04d}" for n in range(1000, 1357)]
    years = [2024, 2025] if table == "07459" else []
    batches = pxweb.region_batches(spec, kommuner, years, pxweb.MAX_CELLS)
    assert [code for batch in batches for code in batch] == kommuner
    assert all(len(batch) * pxweb.cells_per_region(spec, years) <= pxweb.MAX_CELLS for batch in batches)
    if table == "14288":
        # 106 ages × 2 sexes × 27 years × 3 alternatives = 17 172 cells per kommune.
        assert len(batches) == 8


@pytest.mark.django_db
def test_fetch_saves_and_imports_recorded_responses(tmp_path, recorded, no_pause):
    requests = recorded("jsonstat2_v2_07459.json")
    out = io.StringIO()
    call_command(
        "fetch_ssb",
        "--years",
        "2023",
        "2024",
        "--max-cells",
        "300000",
        "--output",
        str(tmp_path),
        "--import",
        stdout=out,
    )
    # 357 kommuner × 106 ages × 2 sexes × 2 years = 151 368 cells: one request of 300 000 cells is enough.
    assert len(requests) == 1
    request, timeout = requests[0]
    assert request.get_method() == "GET" and timeout == 60
    assert query_of(request.full_url)["valueCodes[Tid]"] == "2023,2024"
    assert len(query_of(request.full_url)["valueCodes[Region]"].split(",")) == 357
    assert [p.name for p in tmp_path.iterdir()] == ["07459_v2_01.json"]
    assert PopulationDataset.objects.get().table == "07459"
    assert PopulationFigure.objects.filter(region_code="4003").count() == 11
    assert "Importert" in out.getvalue()


@pytest.mark.django_db
def test_fetch_v0_posts_in_batches(tmp_path, recorded, no_pause):
    requests = recorded("jsonstat2_v0_14288.json")
    call_command("fetch_ssb", "--table", "14288", "--api", "v0", "--output", str(tmp_path), stdout=io.StringIO())
    assert len(requests) == 8
    assert all(request.get_method() == "POST" for request, _timeout in requests)
    assert len(list(tmp_path.iterdir())) == 8
    first = json.loads(requests[0][0].data)
    regions = next(item for item in first["query"] if item["code"] == "Region")["selection"]
    assert regions["filter"] == "item" and len(regions["values"]) == 46


@pytest.mark.django_db
def test_fetch_offline_gives_a_clear_error(tmp_path, monkeypatch, no_pause):
    def urlopen(request, timeout):
        raise urllib.error.URLError("Name or service not known")

    monkeypatch.setattr("urllib.request.urlopen", urlopen)
    with pytest.raises(CommandError, match="Er maskinen koblet til internett"):
        call_command("fetch_ssb", "--output", str(tmp_path), stdout=io.StringIO())


@pytest.mark.django_db
def test_import_from_url_downloads_first(recorded):
    recorded("tidy_14746_names.csv")
    call_command("import_ssb", "https://example.org/14746.csv", stdout=io.StringIO())
    assert PopulationDataset.objects.filter(table="14746").count() == 2


@pytest.mark.django_db
def test_http_error_is_reported(monkeypatch):
    def urlopen(request, timeout):
        raise urllib.error.HTTPError(request.full_url, 400, "Bad Request", {}, io.BytesIO(b"Too many cells"))

    monkeypatch.setattr("urllib.request.urlopen", urlopen)
    with pytest.raises(CommandError, match=r"SSB svarte 400.*Too many cells"):
        call_command("import_ssb", "https://data.ssb.no/x", stdout=io.StringIO())
