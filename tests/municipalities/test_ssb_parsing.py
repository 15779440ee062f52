"""SSB's codes and labels for ages, sexes, counts, regions and alternatives become ours."""

import json
from io import StringIO
from pathlib import Path

import pytest

from django.core.management import call_command

from innoplatform.municipalities.models import PopulationDataset
from innoplatform.municipalities.ssb.regions import RegionKind, RegionResolver
from innoplatform.municipalities.ssb.tables import TABLES, resolve_alternative
from innoplatform.municipalities.ssb.values import parse_age, parse_count, parse_sex, parse_year

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("000", (0, 0)),
        ("105+", (105, None)),
        ("105", (105, 105)),
        ("F001-005", (1, 5)),
        ("F090+", (90, None)),
        ("0 år", (0, 0)),
        ("1-5 år", (1, 5)),
        ("90 år eller eldre", (90, None)),
        ("1 year", (1, 1)),
        ("105 years or older", (105, None)),
    ],
)
def test_ages(text, expected):
    assert parse_age(text) == expected


@pytest.mark.parametrize("text", ["alle aldre", "5-1 år", "", "abc"])
def test_unknown_ages(text):
    with pytest.raises(ValueError, match="Ukjent alder"):
        parse_age(text)


def test_counts_sexes_and_years():
    assert parse_count("56619") == 56619
    assert parse_count("319.0") == 319
    assert parse_count("-") == 0
    assert [parse_count(symbol) for symbol in ("..", ".", ":", "...", "")] == [None] * 5
    for bad in ("12a", "1.5", "-3"):
        with pytest.raises(ValueError):
            parse_count(bad)
    assert [parse_sex(text) for text in ("1", "2", "Menn", "Females", "Begge kjønn")] == ["M", "K", "M", "K", "T"]
    assert parse_year("2024-01-01") == 2024


def test_alternatives():
    projection = TABLES["14746"]
    assert resolve_alternative("Personer", "Hovedalternativet (MMMM)", projection) == "MMMM"
    assert resolve_alternative("LMML", "Lav fruktbarhet", projection) == "LMML"
    assert resolve_alternative("Personer2", "Personer", projection) == "HHMH"
    assert resolve_alternative("Personer1", "Personer", TABLES["07459"]) == ""
    with pytest.raises(ValueError, match="Ukjent framskrivingsalternativ"):
        resolve_alternative("Folkemengde", "Folkemengde", projection)


@pytest.mark.django_db
def test_regions():
    resolver = RegionResolver.from_registry()
    kinds = {
        text: (resolver.by_text(text).kind, resolver.by_text(text).code)
        for text in (
            "K-4003 Skien",
            "4003 Skien",
            "Skien",
            "Telemark",
            "Trøndelag",
            "Hele landet",
            "0 Hele landet",
            "Oslo",
            "K-3001 Halden",
            "Porsgrunn (2020-2023)",
            "K-21-22 Svalbard and Jan Mayen",
            "K-Rest Divided municalities and unknown",
            "9999 Atlantis",
            "Narnia",
        )
    }
    assert kinds == {
        "K-4003 Skien": (RegionKind.KOMMUNE, "4003"),
        "4003 Skien": (RegionKind.KOMMUNE, "4003"),
        "Skien": (RegionKind.KOMMUNE, "4003"),
        "Telemark": (RegionKind.FYLKE, "40"),
        "Trøndelag": (RegionKind.FYLKE, "50"),
        "Hele landet": (RegionKind.COUNTRY, "0"),
        "0 Hele landet": (RegionKind.COUNTRY, "0"),
        "Oslo": (RegionKind.KOMMUNE, "0301"),
        "K-3001 Halden": (RegionKind.HISTORICAL, "3001"),
        "Porsgrunn (2020-2023)": (RegionKind.HISTORICAL, "Porsgrunn (2020-2023)"),
        "K-21-22 Svalbard and Jan Mayen": (RegionKind.SPECIAL, "21-22"),
        "K-Rest Divided municalities and unknown": (RegionKind.SPECIAL, "Rest"),
        "9999 Atlantis": (RegionKind.UNKNOWN, "9999"),
        "Narnia": (RegionKind.UNKNOWN, "Narnia"),
    }


@pytest.mark.django_db
def test_jsonstat_with_alternative_as_its_own_dimension(tmp_path):
    document = json.loads((DATA / "jsonstat2_v0_14288.json").read_text(encoding="utf-8"))
    document["id"][2] = "Framskriving"
    document["dimension"]["Framskriving"] = {
        "label": "alternativ",
        "category": {
            "index": {"MMMM": 0, "MLMM": 1, "LLML": 2},
            "label": {"MMMM": "Hoved", "MLMM": "Lav", "LLML": "L"},
        },
    }
    del document["dimension"]["ContentsCode"]
    document["id"].append("ContentsCode")
    document["size"].append(1)
    document["dimension"]["ContentsCode"] = {"category": {"index": {"Folkemengde": 0}}}
    del document["extension"]
    document["label"] = "Framskrevet folkemengde"
    path = tmp_path / "alt.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    call_command("import_ssb", str(path), "--table", "14746", stdout=StringIO())
    assert sorted(PopulationDataset.objects.values_list("alternative", flat=True)) == ["LLML", "MLMM", "MMMM"]
    assert PopulationDataset.objects.get(alternative="MLMM").figures.count() == 3 * 3 * 2


@pytest.mark.django_db
def test_statbank_csv_with_bom_and_progress_output(tmp_path, monkeypatch):
    monkeypatch.setattr("innoplatform.municipalities.ssb.writer.PROGRESS_EVERY", 2)
    monkeypatch.setattr("innoplatform.municipalities.ssb.writer.BATCH_SIZE", 2)
    path = tmp_path / "bom.csv"
    text = (DATA / "statbank_07459_no_utf8.csv").read_text(encoding="utf-8")
    path.write_text("\ufeff" + text, encoding="utf-8")
    out = StringIO()
    call_command("import_ssb", str(path), stdout=out)
    assert "2 av 16 verdier lagret" in out.getvalue()
    assert "16 av 16 verdier lagret" in out.getvalue()
    assert PopulationDataset.objects.get().figures.count() == 16
