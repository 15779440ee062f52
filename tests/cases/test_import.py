"""`import_cases`: a good file, re-import by slug, and every kind of bad line or file rejected with nothing written."""

import codecs
import json
from decimal import Decimal
from io import StringIO

import pytest

from django.core.management import CommandError, call_command
from django.db import IntegrityError

from wagtail.models import Page, Revision

from cases import importer
from cases.importer import CaseImportError, import_cases
from cases.models import CaseCode, CasePage, CaseReuse
from tests.read_only import read_only_database

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


def figure(**changes) -> dict:
    return {"value": 1200, "unit": "timer", "label": "spart per år", **changes}


def results_with(*figures) -> dict:
    return {"text": "Færre nattbesøk.", "figures": list(figures)}


def raw(data: dict, **replacements: str) -> str:
    """The record as a JSON line, with placeholder strings replaced by JSON that json.dumps will not write."""
    line = json.dumps(data, ensure_ascii=False)
    for placeholder, text in replacements.items():
        line = line.replace(f'"{placeholder}"', text)
    return line


BAD_LINES = [
    ("not json", "{title: 'x'", "ugyldig JSON (Expecting property name enclosed in double quotes, tegn 2)"),
    ("not an object", "[1, 2]", "linjen må være et JSON-objekt"),
    ("missing key", {k: v for k, v in record().items() if k != "phase"}, "mangler nøkkelen «phase»"),
    ("unknown key", record(colour="blå"), 'ukjent nøkkel "colour"'),
    (
        "12 unknown keys",
        record(**{f"k{n:02}": n for n in range(12)}),
        'ukjente nøkler "k00", "k01", "k02", "k03", "k04", "k05", "k06", "k07", "k08", "k09" og 2 til',
    ),
    ("wrong type year", record(year="2022"), "«year» må være heltall"),
    ("bool as year", record(year=True), "«year» må være heltall"),
    ("NaN as year", raw(record(year="NAN"), NAN="NaN"), "«year» må være heltall"),
    ("5,000-digit year", raw(record(year="BIG"), BIG="9" * 5000), "«year» må være heltall"),
    ("wrong type list", record(sectors="kommune"), "«sectors» må være liste"),
    ("year out of range", record(year=1989), "«year» må være et årstall mellom 1990 og 2100"),
    ("codes not text", record(sectors=["kommune", 1]), "«sectors» må være en liste med koder"),
    ("no sector", record(sectors=[]), "«sectors» må ha minst én kode"),
    ("no kommune", record(municipalities=[]), "«municipalities» må ha minst ett kommunenummer"),
    ("empty body", record(body=""), "«body» er tom"),
    ("unknown sector", record(sectors=["kommune", "banker"]), 'ukjent kode i «sectors»: "banker" (gyldige: kommune,'),
    ("unknown service area", record(service_areas=["romfart"]), 'ukjent kode i «service_areas»: "romfart"'),
    ("unknown challenge", record(challenges=["kjedsomhet"]), 'ukjent kode i «challenges»: "kjedsomhet"'),
    ("unknown phase", record(phase="drift"), 'ukjent fase "drift" (gyldige: forankring,'),
    ("unknown status", record(status="ferdig"), 'ukjent status "ferdig"'),
    ("unknown kommune", record(municipalities=["9999", "9101"]), 'ukjent kommunenummer i «municipalities»: "9999" ('),
    ("kommune as number", record(municipalities=[9101]), "ukjent kommunenummer i «municipalities»: 9101 ("),
    ("bad slug", record(slug="Store bokstaver"), "«slug» kan bare ha"),
    ("slug too long", record(slug="a" * 256), "«slug» er for lang (256 tegn; høyst 255)"),
    ("title too long", record(title="T" * 256), "«title» er for lang (256 tegn; høyst 255)"),
    ("empty title", record(title="  "), "«title» er tom"),
    ("summary too long", record(summary="s" * 601), "«summary» er for lang (601 tegn; høyst 600)"),
    ("lone surrogate", raw(record(title="LONE"), LONE=r'"Halv \ud800"'), "«title» har en \\u-kode for et halvt"),
    ("tag too long", record(tags=["ok", "t" * 101]), "«tags» nr. 2 er for lang (101 tegn; høyst 100)"),
    ("tag not text", record(tags=["ok", 7]), "«tags» nr. 2 må være tekst"),
    ("too many tags", record(tags=[f"t{n}" for n in range(51)]), "«tags» har 51 elementer; høyst 50 er tillatt"),
    ("too many kommuner", record(municipalities=["9101"] * 401), "«municipalities» har 401 elementer; høyst 400"),
    ("partner not object", record(partners=["Lag"]), "«partners» nr. 1 må være et objekt med «name», «sector»"),
    (
        "partner sector",
        record(partners=[{"name": "Lag", "sector": "klubb"}]),
        'ukjent sektor i «partners» nr. 1: "klubb"',
    ),
    (
        "partner unknown key",
        record(partners=[{"name": "Lag", "sector": "frivillig", "role": "leder"}]),
        'ukjent nøkkel "role" i «partners» nr. 1',
    ),
    (
        "partner name too long",
        record(partners=[{"name": "P" * 201, "sector": "fou"}]),
        "«name» i «partners» nr. 1 er for lang (201 tegn; høyst 200)",
    ),
    (
        "too many partners",
        record(partners=[{"name": "Lag", "sector": "fou"}] * 51),
        "«partners» har 51 elementer; høyst 50",
    ),
    (
        "figure value text",
        record(results=results_with(figure(value="1"))),
        "«value» i «results.figures» nr. 1 må være et tall",
    ),
    (
        "figure missing key",
        record(results=results_with({"value": 1})),
        "mangler nøkkelen «label» i «results.figures» nr. 1",
    ),
    (
        "figure NaN",
        raw(record(results=results_with(figure(value="V"))), V="NaN"),
        "«value» i «results.figures» nr. 1 er NaN,",
    ),
    (
        "figure Infinity",
        raw(record(results=results_with(figure(), figure(value="V"))), V="-Infinity"),
        "«value» i «results.figures» nr. 2 er -Infinity, som ikke er et tall i JSON",
    ),
    (
        "figure 1e400",
        raw(record(results=results_with(figure(value="V"))), V="1e400"),
        "«value» i «results.figures» nr. 1 er for stort; høyst 13 sifre",
    ),
    (
        "figure 14 digits",
        record(results=results_with(figure(value=10**13))),
        "«value» i «results.figures» nr. 1 er for stort",
    ),
    (
        "figure two decimals",
        raw(record(results=results_with(figure(value="V"))), V="12.25"),
        "«value» i «results.figures» nr. 1 har for mange desimaler; høyst 1",
    ),
    (
        "unit too long",
        record(results=results_with(figure(unit="u" * 41))),
        "«unit» i «results.figures» nr. 1 er for lang (41 tegn; høyst 40)",
    ),
    (
        "label too long",
        record(results=results_with(figure(label="l" * 201))),
        "«label» i «results.figures» nr. 1 er for lang (201 tegn",
    ),
    (
        "too many figures",
        record(results=results_with(*[figure()] * 51)),
        "«results.figures» har 51 elementer; høyst 50",
    ),
    ("results unknown key", record(results={"text": "x", "tall": []}), 'ukjent nøkkel "tall" i «results»'),
    ("results text not text", record(results={"text": 5}), "«text» i «results» må være tekst"),
    ("figures not a list", record(results={"figures": "mange"}), "«figures» i «results» må være en liste"),
    (
        "funding amount text",
        record(funding=[{"source": "KS", "amount_nok": "mye"}]),
        "«amount_nok» i «funding» nr. 1 må være",
    ),
    (
        "funding amount 10^30",
        record(funding=[{"source": "KS", "amount_nok": 10**30}]),
        "«amount_nok» i «funding» nr. 1 må være et helt antall kroner fra 0 til 9 223 372 036 854 775 807",
    ),
    (
        "funding amount 2^63",
        record(funding=[{"source": "KS", "amount_nok": 2**63}]),
        "«amount_nok» i «funding» nr. 1 må være",
    ),
    (
        "funding amount negative",
        record(funding=[{"source": "KS", "amount_nok": -1}]),
        "«amount_nok» i «funding» nr. 1 må være",
    ),
    (
        "funding missing source",
        record(funding=[{"programme": "Fornying"}]),
        "mangler nøkkelen «source» i «funding» nr. 1",
    ),
    ("source too long", record(funding=[{"source": "s" * 201}]), "«source» i «funding» nr. 1 er for lang (201 tegn"),
    (
        "programme too long",
        record(funding=[{"source": "KS", "programme": "p" * 201}]),
        "«programme» i «funding» nr. 1 er for lang (201 tegn",
    ),
    ("line too long", record(body="x" * 1_000_001), "linjen er for lang (1 000 "),
    ("nested 100,000 deep", "[" * 100_000 + "]" * 100_000, "linjen har JSON nøstet dypere enn 10 nivåer"),
    ("50,000 tags", record(tags=["a"] * 50_000), "«tags» har 50 000 elementer; høyst 50 er tillatt"),
]


@pytest.mark.parametrize(("kind", "line", "message"), BAD_LINES, ids=[case[0] for case in BAD_LINES])
def test_each_kind_of_bad_line_is_rejected_and_nothing_is_written(
    tmp_path, case_index, kommuners_and_existing, kind, line, message
):
    before = snapshot()
    raw_line = line if isinstance(line, str) else json.dumps(line, ensure_ascii=False)
    err = rejected(write(tmp_path, record(slug="god-linje"), raw_lines=[raw_line]), "--publish")
    assert f"Linje 2: {message}" in err, err
    assert snapshot() == before
    assert not CasePage.objects.filter(slug="god-linje").exists()
    assert CasePage.objects.get(slug="finnes-fra-for").title == "Fra før"


def test_values_at_the_limits_are_imported(tmp_path, case_index, kommuners_and_existing):
    at_limits = record(
        title="T" * 255,
        summary="s" * 600,
        body='<p>[[[[[[[[[[[[ {{{{{{{{{{{{ "sitat [[[[" ]]</p>',
        municipalities=["9101", "9201", "9101"],
        tags=[f"t{n}" for n in range(49)] + ["x" * 100],
        partners=[{"name": "P" * 200, "sector": "fou"}],
        results=results_with(figure(unit="u" * 40, label="l" * 200)),
        funding=[{"source": "s" * 200, "programme": "p" * 200, "amount_nok": 2**63 - 1}],
    )
    figures = '[{"value": 9999999999999.9, "unit": "kroner", "label": "høyest"}, {"value": -12.5, "unit": "%", "label": "ned"}]'
    line = json.dumps(at_limits, ensure_ascii=False).replace(
        json.dumps(at_limits["results"]["figures"], ensure_ascii=False), figures
    )
    run(write(tmp_path, raw_lines=[line]))
    case = CasePage.objects.get(slug="digitalt-tilsyn")
    assert len(case.title) == 255 and len(case.introduction) == 600
    assert "[[[[[[[[[[[[" in str(case.body)
    assert sorted(k.number for k in case.kommuner.all()) == ["9101", "9201"]
    assert case.tags.count() == 50
    assert case.funding.get().amount_nok == 2**63 - 1
    assert sorted(f.value for f in case.result_figures.all()) == [Decimal("-12.5"), Decimal("9999999999999.9")]


def test_duplicate_slug_in_file_is_reported(tmp_path, case_index, kommuners_and_existing):
    err = rejected(write(tmp_path, record(), record()))
    assert "Linje 2: «slug» digitalt-tilsyn står også på linje 1" in err


def test_every_bad_line_is_listed(tmp_path, case_index, kommuners_and_existing):
    err = rejected(write(tmp_path, record(phase="x"), record(slug="to"), record(slug="tre", year="x")))
    assert "Linje 1:" in err and "Linje 3:" in err and "Linje 2:" not in err


def test_missing_file(tmp_path, case_index):
    with pytest.raises(CommandError, match="Kan ikke lese"):
        run(str(tmp_path / "finnes-ikke.jsonl"))


def good_text() -> str:
    return json.dumps(record(), ensure_ascii=False) + "\n"


BAD_FILES = [
    (
        "latin-1",
        (json.dumps(record()) + "\n" + json.dumps(record(slug="to", title="Særskilt"), ensure_ascii=False)).encode(
            "latin-1"
        ),
        "Linje 2: Filen må være UTF-8, men byten 0xE6 er ikke gyldig UTF-8 (filen er kanskje lagret som Latin-1",
    ),
    ("utf-16", good_text().encode("utf-16"), "Filen er lagret som UTF-16, men må være UTF-8. Lagre filen som UTF-8"),
    ("utf-16 without BOM", good_text().encode("utf-16-le"), "Linje 1: Filen har NUL-tegn, slik en UTF-16-fil har"),
    ("empty", b"", "Filen er tom."),
    ("only blank lines", b"\n  \r\n\t\n", "Filen er tom."),
    ("only a BOM", codecs.BOM_UTF8, "Filen er tom."),
]


@pytest.mark.parametrize(("kind", "content", "message"), BAD_FILES, ids=[case[0] for case in BAD_FILES])
def test_each_kind_of_bad_file_is_rejected_and_nothing_is_written(
    tmp_path, case_index, kommuners_and_existing, kind, content, message
):
    before = snapshot()
    path = tmp_path / "cases.jsonl"
    path.write_bytes(content)
    err = rejected(str(path), "--publish")
    assert err.splitlines()[0].startswith(message), err
    assert "Traceback" not in err
    assert snapshot() == before


def test_utf8_file_with_bom_and_windows_line_ends_is_imported(tmp_path, case_index, kommuners_and_existing):
    path = tmp_path / "cases.jsonl"
    lines = [json.dumps(r, ensure_ascii=False) for r in (record(), record(slug="nummer-to"))]
    path.write_bytes(codecs.BOM_UTF8 + "\r\n".join(lines).encode("utf-8") + b"\r\n")
    out, _ = run(str(path))
    assert "2 nye og 0 oppdaterte" in out
    assert CasePage.objects.get(slug="digitalt-tilsyn").title == "Digitalt tilsyn om natta"


def test_file_over_the_size_limit_is_rejected(tmp_path, case_index, kommuners_and_existing, monkeypatch):
    monkeypatch.setattr(importer, "MAX_FILE_BYTES", 1024)
    before = snapshot()
    path = tmp_path / "cases.jsonl"
    path.write_text(good_text() * 2, encoding="utf-8")
    assert "Filen er større enn grensen på 1 kB." in rejected(str(path))
    assert snapshot() == before


def test_file_with_too_many_cases_is_rejected(tmp_path, case_index, kommuners_and_existing, monkeypatch):
    monkeypatch.setattr(importer, "MAX_CASES", 2)
    before = snapshot()
    err = rejected(write(tmp_path, record(slug="en"), record(slug="to"), record(slug="tre")))
    assert "Filen har mer enn 2 eksempler; del den opp." in err
    assert snapshot() == before


def test_lines_without_any_case_are_rejected(case_index, kommuners_and_existing):
    before = snapshot()
    with pytest.raises(CaseImportError, match="Filen har ingen eksempler"):
        import_cases(["\n", "   \n"], case_index)
    assert snapshot() == before


@pytest.mark.django_db(transaction=True)
def test_read_only_database_is_reported_and_nothing_is_written(tmp_path, case_index, kommuners_and_existing):
    path = write(tmp_path, record())
    before = snapshot()
    with read_only_database(), pytest.raises(CommandError, match="databasen er skrivebeskyttet eller låst"):
        run(path)
    assert snapshot() == before


def test_other_database_errors_are_not_called_maintenance(tmp_path, case_index, kommuners_and_existing, monkeypatch):
    def fail(*args, **kwargs):
        raise IntegrityError("UNIQUE constraint failed: wagtailcore_page.path")

    monkeypatch.setattr(importer, "write_cases", fail)
    with pytest.raises(IntegrityError):
        run(write(tmp_path, record()))


@pytest.fixture
def kommuners_and_existing(tmp_path, kommuner, case_index):
    """An existing case that a rejected file must leave untouched."""
    path = tmp_path / "existing.jsonl"
    path.write_text(json.dumps(record(slug="finnes-fra-for", title="Fra før")) + "\n", encoding="utf-8")
    run(str(path), "--publish")
    return kommuner


def rejected(path: str, *args) -> str:
    """Run the command on a file it must refuse; the messages it wrote to stderr."""
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError, match="Ingenting er importert"):
        call_command("import_cases", path, *args, stdout=out, stderr=err)
    return err.getvalue()
