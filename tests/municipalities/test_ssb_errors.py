"""Bad input stops the import with errors that name the place, and leaves the database unchanged."""

import json
from pathlib import Path

import pytest

from django.core.management import CommandError, call_command

from innoplatform.municipalities.models import PopulationDataset, PopulationFigure

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data"
TITLE = '"07459: Befolkning, etter region, alder, statistikkvariabel og år"\n\n'


@pytest.fixture
def existing():
    """Figures already in the database, which a failed import must not touch."""
    call_command("import_ssb", str(DATA / "statbank_07459_no_utf8.csv"), stdout=open("/dev/null", "w"))  # noqa: SIM115
    return sorted(PopulationFigure.objects.values_list("region_code", "year", "sex", "age_from", "value"))


def fails(path: Path, *args: str) -> str:
    with pytest.raises(CommandError) as error:
        call_command("import_ssb", str(path), *args)
    return str(error.value)


def assert_unchanged(existing) -> None:
    assert sorted(PopulationFigure.objects.values_list("region_code", "year", "sex", "age_from", "value")) == existing
    assert PopulationDataset.objects.count() == 1


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return path


def test_unknown_region_names_line_and_column(tmp_path, existing):
    path = write(
        tmp_path,
        "bad.csv",
        TITLE + '"region";"alder";"Personer 2024"\n"4003 Skien";"0 år";5\n"9999 Atlantis";"0 år";7\n',
    )
    message = fails(path)
    assert "linje 5, kolonne «region»" in message
    assert "9999" in message
    assert "databasen er ikke endret" in message
    assert_unchanged(existing)


def test_non_numeric_value_and_unknown_age_are_all_reported(tmp_path, existing):
    path = write(
        tmp_path,
        "bad.csv",
        TITLE
        + '"region";"alder";"Personer 2024"\n"4003 Skien";"0 år";mange\n"4003 Skien";"to år";5\n'
        + '"4003 Skien";"3 år";-4\n',
    )
    message = fails(path)
    assert "linje 4, kolonne «Personer 2024»: «mange» er ikke et tall" in message
    assert "linje 5, kolonne «alder»: Ukjent alder «to år»" in message
    assert "linje 6" in message
    assert_unchanged(existing)


def test_missing_column(tmp_path, existing):
    path = write(tmp_path, "bad.csv", TITLE + '"region";"Personer 2024"\n"4003 Skien";5\n')
    assert "Mangler kolonnen «alder/age»" in fails(path)
    assert_unchanged(existing)


def test_malformed_csv_row(tmp_path, existing):
    path = write(tmp_path, "bad.csv", TITLE + '"region";"alder";"Personer 2024"\n"4003 Skien";"0 år"\n')
    assert "linje 4: har 2 felt, overskriften har 3" in fails(path)
    assert_unchanged(existing)


def test_tidy_csv_missing_column_and_unknown_name(tmp_path, existing):
    path = write(tmp_path, "tidy.csv", "region,år,value,Tabell\nSkien,2026,5,14746\n")
    assert "Mangler kolonnen «age»" in fails(path)
    path = write(
        tmp_path,
        "tidy2.csv",
        "region,statistikkvariabel,år,alder,value,Tabell\nNarnia,Hovedalternativet (MMMM),2026,0 år,5,14746\n"
        "Skien,Helt ukjent alternativ,2026,0 år,5,14746\n",
    )
    message = fails(path)
    assert "linje 2, kolonne «region»: Ukjent region «Narnia»" in message
    assert "linje 3, kolonne «statistikkvariabel»: Ukjent framskrivingsalternativ" in message
    assert_unchanged(existing)


def test_malformed_json(tmp_path, existing):
    path = write(tmp_path, "bad.json", '{"id": ["Region"], "size": [1,')
    assert "Ugyldig JSON" in fails(path)
    assert_unchanged(existing)


def test_jsonstat_missing_dimension_and_unknown_region(tmp_path, existing):
    document = json.loads((DATA / "jsonstat2_v2_07459.json").read_text(encoding="utf-8"))
    document["id"].remove("Alder")
    document["size"].pop(2)
    del document["dimension"]["Alder"]
    document["value"] = document["value"][:16]
    assert "Mangler dimensjonen «Alder»" in fails(write(tmp_path, "a.json", json.dumps(document)))

    document = json.loads((DATA / "jsonstat2_v2_07459.json").read_text(encoding="utf-8"))
    document["dimension"]["Region"]["category"]["index"] = {"K-4003": 0, "K-9999": 1, "K-3001": 2, "K-21-22": 3}
    message = fails(write(tmp_path, "b.json", json.dumps(document)))
    assert "Region, indeks 1 («K-9999»): Ukjent region" in message
    assert_unchanged(existing)


def test_jsonstat_wrong_value_count_and_non_numeric(tmp_path, existing):
    document = json.loads((DATA / "jsonstat2_v2_07459.json").read_text(encoding="utf-8"))
    document["value"] = document["value"][:-1]
    assert "«value» har 47 verdier, men dimensjonene gir 48" in fails(write(tmp_path, "a.json", json.dumps(document)))
    document = json.loads((DATA / "jsonstat2_v2_07459.json").read_text(encoding="utf-8"))
    document["value"][3] = "mange"
    assert "value[3]" in fails(write(tmp_path, "b.json", json.dumps(document)))
    assert_unchanged(existing)


def test_unknown_alternative_and_table(tmp_path, existing):
    assert "Alternativet LMML finnes ikke" in fails(DATA / "jsonstat2_v0_14288.json", "--alternative", "LMML")
    assert "tabell 14288, ikke 07459" in fails(DATA / "jsonstat2_v0_14288.json", "--table", "07459").lower()
    path = write(tmp_path, "t.csv", '"99999: Noe annet"\n\n"region";"alder";"Personer 2024"\n"4003 Skien";"0 år";5\n')
    assert "Ukjent SSB-tabell «99999»" in fails(path)
    assert_unchanged(existing)


def test_missing_file_and_duplicate_rows(tmp_path, existing):
    assert "Finner ikke filen" in fails(tmp_path / "nope.csv")
    path = write(
        tmp_path, "dup.csv", TITLE + '"region";"alder";"Personer 2024"\n"4003 Skien";"0 år";5\n"4003 Skien";"0 år";6\n'
    )
    assert "mer enn én gang" in fails(path)
    assert_unchanged(existing)


def test_error_list_is_capped(tmp_path, existing):
    rows = "".join(f'"4003 Skien";"{age} år";x\n' for age in range(60))
    message = fails(write(tmp_path, "many.csv", TITLE + '"region";"alder";"Personer 2024"\n' + rows))
    assert message.count("er ikke et tall") == 20
    assert "… og 40 feil til" in message
    assert_unchanged(existing)


def test_projection_without_alternative_column(tmp_path, existing):
    path = write(tmp_path, "p.csv", "region,år,alder,value,Tabell\nSkien,2026,0 år,5,14746\n")
    assert "linje 2: Tabell 14746 er en framskriving" in fails(path)
    assert_unchanged(existing)


def test_a_large_import_keeps_the_unique_index_and_still_finds_duplicates(tmp_path, existing, monkeypatch):
    """On SQLite a large import drops the unique index and builds it again; it must come back and still refuse."""
    from django.db import connection

    from innoplatform.municipalities.ssb import writer

    def unique_index() -> dict:
        with connection.cursor() as cursor:
            constraints = connection.introspection.get_constraints(cursor, PopulationFigure._meta.db_table)
        return constraints["unique_population_figure"]

    monkeypatch.setattr(writer, "REBUILD_INDEX_FROM", 1)
    path = write(
        tmp_path, "dup.csv", TITLE + '"region";"alder";"Personer 2024"\n"4003 Skien";"0 år";5\n"4003 Skien";"0 år";6\n'
    )
    assert "mer enn én gang" in fails(path)
    assert_unchanged(existing)
    assert unique_index()["unique"]
    call_command("import_ssb", str(DATA / "statbank_07459_no_utf8.csv"), stdout=open("/dev/null", "w"))  # noqa: SIM115
    index = unique_index()
    assert index["unique"] and index["columns"] == ["dataset_id", "region_code", "sex", "age_from", "year"]
    assert_unchanged(existing)
