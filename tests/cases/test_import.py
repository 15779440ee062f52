"""`import_cases`: a good file, re-import by slug, and every kind of bad line rejected with nothing written."""

import json
from io import StringIO

import pytest

from django.core.management import CommandError, call_command

from wagtail.models import Page, Revision

from cases.models import CaseCode, CasePage, CaseReuse

pytestmark = pytest.mark.django_db


def record(**changes) -> dict:
    data = {
        "slug": "digitalt-tilsyn",
        "title": "Digitalt tilsyn om natta",
        "summary": "Sensorer erstatter noen av nattbesøkene.",
        "body": "<p>Hjemmetjenesten prøvde <strong>digitalt tilsyn</strong>.</p><script>alert(1)</script>",
        "municipalities": ["9101", "9201"],
        "sectors": ["kommune", "fou"],
        "service_areas": ["helse-og-omsorg"],
        "challenges": ["aldring"],
        "phase": "pilotering",
        "year": 2022,
        "status": "i-drift",
        "tags": ["velferdsteknologi", "natt"],
        "partners": [{"name": "Senter for omsorgsforskning", "sector": "fou"}],
        "results": {"text": "Færre nattbesøk.", "figures": [{"value": 1200, "unit": "timer", "label": "spart per år"}]},
        "funding": [{"source": "Skjønnsmidler fra Statsforvalteren", "programme": "Fornying", "amount_nok": 450000}],
    }
    data.update(changes)
    return data


def write(tmp_path, *records, raw_lines=()) -> str:
    path = tmp_path / "cases.jsonl"
    lines = [json.dumps(r, ensure_ascii=False) for r in records] + list(raw_lines)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def run(path: str, *args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("import_cases", path, *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def snapshot() -> tuple:
    return (Page.objects.count(), Revision.objects.count(), CaseCode.objects.count(), CaseReuse.objects.count())


def test_good_file_creates_published_cases(tmp_path, case_index, kommuner):
    out, _ = run(write(tmp_path, record(), record(slug="nummer-to", title="Nummer to")), "--publish")
    assert "2 nye og 0 oppdaterte" in out
    case = CasePage.objects.get(slug="digitalt-tilsyn")
    assert case.live and case.get_parent().specific == case_index
    assert case.sectors == ["kommune", "fou"] and case.service_areas == ["helse-og-omsorg"]
    assert sorted(k.number for k in case.kommuner.all()) == ["9101", "9201"]
    assert "<script" not in json.dumps(list(case.body.raw_data)) and "<strong>digitalt tilsyn</strong>" in str(
        case.body
    )
    assert case.partners.get().sector == "fou"
    assert case.result_figures.get().unit == "timer"
    assert case.funding.get().amount_nok == 450000
    assert sorted(t.name for t in case.tags.all()) == ["natt", "velferdsteknologi"]
    assert case.status == "i-drift"


def test_without_publish_cases_are_drafts(tmp_path, case_index, kommuner):
    run(write(tmp_path, record()))
    case = CasePage.objects.get()
    assert not case.live and case.latest_revision is not None


def test_reimport_updates_by_slug(tmp_path, case_index, kommuner):
    run(write(tmp_path, record()), "--publish")
    out, _ = run(write(tmp_path, record(title="Nytt navn", sectors=["kommune"], municipalities=["9102"])), "--publish")
    assert "0 nye og 1 oppdaterte" in out
    case = CasePage.objects.get()
    assert case.title == "Nytt navn"
    assert case.sectors == ["kommune"]
    assert [k.number for k in case.kommuner.all()] == ["9102"]


BAD_LINES = [
    ("not json", "{title: 'x'", "ugyldig JSON"),
    ("not an object", "[1, 2]", "linjen må være et JSON-objekt"),
    ("missing key", {k: v for k, v in record().items() if k != "phase"}, "mangler nøkkelen «phase»"),
    ("unknown key", record(colour="blå"), "ukjent nøkkel «colour»"),
    ("wrong type year", record(year="2022"), "«year» må være heltall"),
    ("bool as year", record(year=True), "«year» må være heltall"),
    ("wrong type list", record(sectors="kommune"), "«sectors» må være liste"),
    ("unknown sector", record(sectors=["kommune", "banker"]), "ukjent kode i «sectors»: banker (gyldige: kommune,"),
    ("unknown service area", record(service_areas=["romfart"]), "ukjent kode i «service_areas»: romfart"),
    ("unknown challenge", record(challenges=["kjedsomhet"]), "ukjent kode i «challenges»: kjedsomhet"),
    ("unknown phase", record(phase="drift"), "ukjent fase «drift» (gyldige: forankring,"),
    ("unknown status", record(status="ferdig"), "ukjent status «ferdig»"),
    ("unknown kommune", record(municipalities=["9999"]), "ukjent kommunenummer '9999'"),
    ("kommune as number", record(municipalities=[9101]), "ukjent kommunenummer 9101"),
    ("bad slug", record(slug="Store bokstaver"), "«slug» kan bare ha"),
    ("partner sector", record(partners=[{"name": "Lag", "sector": "klubb"}]), "ukjent sektor for partneren «Lag»"),
    ("funding amount", record(funding=[{"source": "KS", "amount_nok": "mye"}]), "«amount_nok» må være"),
    ("results figures", record(results={"text": "x", "figures": [{"value": "1"}]}), "hvert resultattall"),
]


@pytest.mark.parametrize(("kind", "line", "message"), BAD_LINES, ids=[case[0] for case in BAD_LINES])
def test_each_kind_of_bad_line_is_rejected_and_nothing_is_written(
    tmp_path, case_index, kommuners_and_existing, kind, line, message
):
    before = snapshot()
    raw = line if isinstance(line, str) else json.dumps(line, ensure_ascii=False)
    path = write(tmp_path, record(slug="god-linje"), raw_lines=[raw])
    with pytest.raises(CommandError, match="Ingenting er importert"):
        run(path, "--publish")
    assert snapshot() == before
    assert not CasePage.objects.filter(slug="god-linje").exists()
    assert CasePage.objects.get(slug="finnes-fra-for").title == "Fra før"
    _, err = _stderr_of(path)
    assert f"Linje 2: {message}" in err, err


def test_duplicate_slug_in_file_is_reported(tmp_path, case_index, kommuners_and_existing):
    _, err = _stderr_of(write(tmp_path, record(), record()))
    assert "Linje 2: «slug» digitalt-tilsyn står også på linje 1" in err


def test_every_bad_line_is_listed(tmp_path, case_index, kommuners_and_existing):
    _, err = _stderr_of(write(tmp_path, record(phase="x"), record(slug="to"), record(slug="tre", year="x")))
    assert "Linje 1:" in err and "Linje 3:" in err and "Linje 2:" not in err


def test_missing_file(tmp_path, case_index):
    with pytest.raises(CommandError, match="Kan ikke lese"):
        run(str(tmp_path / "finnes-ikke.jsonl"))


@pytest.fixture
def kommuners_and_existing(tmp_path, kommuner, case_index):
    """An existing case that a rejected file must leave untouched."""
    path = tmp_path / "existing.jsonl"
    path.write_text(json.dumps(record(slug="finnes-fra-for", title="Fra før")) + "\n", encoding="utf-8")
    run(str(path), "--publish")
    return kommuner


def _stderr_of(path: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError):
        call_command("import_cases", path, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()
