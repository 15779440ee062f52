"""manage.py import_kostra: a kommune's own kindergarten rate from SSB's KOSTRA table 13502."""

import csv
import io
import json
import statistics
from decimal import Decimal
from pathlib import Path

import pytest

from django.core.management import CommandError, call_command

from innoplatform.municipalities.models import Kommune, Service, ServiceRate
from tests.ssb_data import SSB_DATA_DIR

pytestmark = pytest.mark.django_db

KOSTRA = SSB_DATA_DIR / "kostra"
ALL_KOMMUNER = KOSTRA / "13502_KOSandel120000_andel_1-2aar_i_barnehage_2015-2023.csv"
TELEMARK_1_5 = KOSTRA / "telemark_dekningsgrad_barnehage_13502.csv"
STATBANK = (
    '"13502: Barnehager - nøkkeltal (K) 2015 - 2023"\n\n'
    '"region";"statistikkvariabel";"2022";"2023"\n'
    '"3807 Skien";"Andel barn 1-2 år i barnehage, i forhold til innbyggere 1-2 år (prosent)";84,9;86,4\n'
    '"4001 Porsgrunn";"Andel barn 1-2 år i barnehage, i forhold til innbyggere 1-2 år (prosent)";90,1;..\n'
    '"EAK Landet";"Andel barn 1-2 år i barnehage, i forhold til innbyggere 1-2 år (prosent)";87,6;88,0\n'
    '"0806 Skien (-2019)";"Andel barn 1-2 år i barnehage, i forhold til innbyggere 1-2 år (prosent)";.;.\n'
)


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("import_kostra", *[str(arg) for arg in args], stdout=out)
    return out.getvalue()


def fails(*args) -> str:
    with pytest.raises(CommandError) as error:
        call_command("import_kostra", *[str(arg) for arg in args])
    assert not ServiceRate.objects.filter(kommune__isnull=False).exists()
    return str(error.value)


def own(number: str) -> ServiceRate:
    return ServiceRate.objects.get(kommune__number=number, service__code="barnehage", age_group="1-5")


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.skipif(not ALL_KOMMUNER.is_file(), reason=f"SSB-filen {ALL_KOMMUNER} finnes ikke her")
def test_real_file_for_all_kommuner():
    output = run(ALL_KOMMUNER)
    assert ServiceRate.objects.filter(kommune__isnull=False, imported_from="13502").count() == 354
    skien = own("4003")  # published as 3807 in 2020–2023
    assert skien.coverage_rate == Decimal("0.9276")  # (2 × 86,4 % + 3 × 97 %) / 5
    assert skien.source.startswith("SSB KOSTRA tabell 13502 (KOSandel120000), Skien 2023: 86,4 % av barn 1–2 år")
    assert skien.fte_per_user == Decimal("0.2")  # the national staffing per child
    # Ålesund and Haram were divided in 2024, so neither has a series; Modalen's 2020–2023 rows are not published.
    assert "Ikke med i kilden: Haram, Modalen, Ålesund." in output
    assert "historisk kommune" in output and "Svalbard" in output
    assert "andelen er regnet som 100 %" in output


@pytest.mark.skipif(not (ALL_KOMMUNER.is_file() and TELEMARK_1_5.is_file()), reason="KOSTRA-filene finnes ikke her")
def test_rates_from_the_1_2_share_agree_with_ssbs_own_1_5_share():
    """Telemark's file has SSB's 1–5 share (KOSandel150000); the rate derived from 1–2 must come close."""
    run(ALL_KOMMUNER)
    with TELEMARK_1_5.open(encoding="utf-8", newline="") as handle:
        published = {
            row["Kommunenummer"]: float(row["Andel"]) for row in csv.DictReader(handle) if row["År"].startswith("2023")
        }
    gaps = [
        abs(float(rate.coverage_rate) - published[rate.kommune.number])
        for rate in ServiceRate.objects.filter(kommune__number__in=published).select_related("kommune")
    ]
    assert len(gaps) == 17
    assert statistics.mean(gaps) < 0.02 and max(gaps) < 0.05


@pytest.mark.skipif(not TELEMARK_1_5.is_file(), reason=f"SSB-filen {TELEMARK_1_5} finnes ikke her")
def test_telemark_1_5_file_as_fractions():
    run(TELEMARK_1_5, "--contents", "KOSandel150000")
    assert own("4003").coverage_rate == Decimal("0.9470")  # Skien 2025: 0.947
    assert own("4003").source.startswith("SSB KOSTRA tabell 13502 (KOSandel150000), Skien 2025: 94,7 % av barn 1–5 år")
    assert ServiceRate.objects.filter(kommune__isnull=False).count() == 17


def test_statbank_export(tmp_path):
    output = run(write(tmp_path, "13502.csv", STATBANK))
    assert own("4003").coverage_rate == Decimal("0.9276")
    assert own("4001").coverage_rate == Decimal("0.9424")  # 2023 missing: 2022's 90,1 %
    assert "Hoppet over 2 verdier for landet." in output and "Hoppet over 2 verdier for historisk kommune." in output
    assert "3 verdier manglet" in output and "Ikke med i kilden: 355 kommuner." in output


def test_jsonstat_export(tmp_path):
    document = {
        "class": "dataset",
        "label": "13502: Barnehager",
        "id": ["KOKkommuneregion0000", "ContentsCode", "Tid"],
        "size": [2, 1, 2],
        "dimension": {
            "KOKkommuneregion0000": {
                "category": {"index": {"4003": 0, "EAK": 1}, "label": {"4003": "Skien", "EAK": "Landet"}}
            },
            "ContentsCode": {"category": {"index": {"KOSandel150000": 0}}},
            "Tid": {"category": {"index": {"2023": 0, "2024": 1}}},
        },
        "value": [92.0, 93.9, 93.8, 94.3],
    }
    run(write(tmp_path, "13502.json", json.dumps(document)))
    assert own("4003").coverage_rate == Decimal("0.9390")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "kommunenr,kommune,aar,andel_1_2_aar_i_barnehage_prosent\n9999,Atlantis,2023,80\n",
            "linje 2, kolonne «andel_1_2_aar_i_barnehage_prosent»: Ukjent region «9999»",
        ),
        (
            "kommunenr,kommune,aar,andel_1_2_aar_i_barnehage_prosent\n4003,Skien,2023,mange\n",
            "linje 2, kolonne «andel_1_2_aar_i_barnehage_prosent»: «mange» er ikke en mulig andel",
        ),
        (
            "kommunenr,kommune,aar,andel_1_2_aar_i_barnehage_prosent\n4003,Skien,2023,5000\n",
            "«5000» er ikke en mulig andel",
        ),
        (
            "kommunenr,kommune,aar,andel_1_2_aar_i_barnehage_prosent\n4003,Skien,23,80\n",
            "linje 2, kolonne «aar»: Ugyldig år «23»",
        ),
        (
            "kommunenr,kommune,aar,andel_1_2_aar_i_barnehage_prosent\n4003,Skien,2023\n",
            "linje 2: har 3 felt, overskriften har 4",
        ),
        ("kommunenr,kommune,aar,andel_1_2_aar_i_barnehage_prosent\n", "ingen rader med tall"),
        ("", "Filen er tom"),
        ("kommune,aar,andel\nSkien,2023,80\n", "Mangler kolonnen «kommunenr/region»"),
        ("kommunenr,aar,andel\n4003,2023,0.9\n", "Finner ikke hva tallet måler; oppgi --contents"),
        ('"12292: Hjemmetjenester"\n\n"region";"2023"\n"4003 Skien";5\n', "Filen er tabell 12292, ikke 13502"),
        (
            "kommunenr,kommune,aar,andel_1_2_aar_i_barnehage_prosent\n4003,Skien,2023,12345678901234567890123\n",
            "er ikke en mulig andel",
        ),
        (
            "kommunenr,kommune,aar,andel_1_2_aar_i_barnehage_prosent\n3807,Skien,2023,86.4\n4003,Skien,2023,88\n",
            "linje 3, kolonne «andel_1_2_aar_i_barnehage_prosent»: Skien 2023 finnes også i linje 2",
        ),
    ],
)
def test_bad_input_names_line_and_field_and_writes_nothing(tmp_path, text, expected):
    assert expected in fails(write(tmp_path, "bad.csv", text))


def test_missing_file_and_unknown_contents(tmp_path):
    assert "Finner ikke filen" in fails(tmp_path / "nope.csv")
    assert "Ukjent innhold" in fails(
        write(tmp_path, "a.csv", "kommunenr,aar,andel\n4003,2023,0.9\n"), "--contents", "tull"
    )


def test_hand_entered_rates_are_kept_unless_replaced(tmp_path):
    path = write(tmp_path, "13502.csv", STATBANK)
    ServiceRate.objects.create(
        service=Service.objects.get(code="barnehage"),
        kommune=Kommune.objects.get(number="4003"),
        age_group="1-5",
        coverage_rate=Decimal("0.8"),
        fte_per_user=Decimal("0.25"),
        source="Skien kommune, egne tall",
    )
    assert "Beholdt satser lagt inn for hånd for Skien" in run(path)
    assert own("4003").coverage_rate == Decimal("0.8") and own("4001").imported_from == "13502"
    run(path, "--replace-manual")
    assert own("4003").coverage_rate == Decimal("0.9276") and own("4003").imported_from == "13502"


def test_dry_run_and_re_import(tmp_path):
    path = write(tmp_path, "13502.csv", STATBANK)
    assert "Tørrkjøring: 2 satser kontrollert" in run(path, "--dry-run")
    assert not ServiceRate.objects.filter(kommune__isnull=False).exists()
    run(path)
    first = sorted(
        ServiceRate.objects.filter(kommune__isnull=False).values_list("kommune__number", "coverage_rate", "source")
    )
    run(path)
    assert (
        sorted(
            ServiceRate.objects.filter(kommune__isnull=False).values_list("kommune__number", "coverage_rate", "source")
        )
        == first
    )


def test_profile_names_the_imported_rate(client, home_page, tmp_path):
    from innoplatform.municipalities.demography.summaries import refresh_demographic_summaries

    from .demography_helpers import load_population

    load_population(["4003", "4001", "4005"])
    refresh_demographic_summaries()
    run(write(tmp_path, "13502.csv", STATBANK))
    content = client.get("/kommuner/4003-skien/").content.decode()
    barnehage = content[content.index('data-service="barnehage"') : content.index('data-service="grunnskole"')]
    assert 'data-rate="own"' in barnehage and "SSB KOSTRA tabell 13502 (KOSandel120000), Skien 2023" in barnehage
    assert "93 %" in barnehage
    hjemme = content[content.index('data-service="hjemmetjenester"') : content.index('data-service="sykehjem"')]
    assert hjemme.count('data-rate="national"') == 9 and 'data-rate="own"' not in hjemme
