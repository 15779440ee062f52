"""Hostile and broken files: every importer answers with the line and field, writes nothing and exits non-zero.

The kinds come from issue 7: a 23-digit value, one bad byte deep in a UTF-8 file,
UTF-16 and spreadsheets, NaN and Infinity, deep nesting, huge dimensions, and
empty files. None may give a traceback or run without bound.
"""

import json
import time
from pathlib import Path

import pytest

from django.core.management import CommandError, call_command

from innoplatform.municipalities.models import PopulationDataset, PopulationFigure

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data"
TITLE = '"07459: Befolkning, etter region, alder, statistikkvariabel og år"\n\n'
HEADER = '"region";"alder";"Personer 2024"\n'


def fails(path: Path, *args: str, command: str = "import_ssb") -> str:
    with pytest.raises(CommandError) as error:
        call_command(command, str(path), *args)
    assert not PopulationFigure.objects.exists() and not PopulationDataset.objects.exists()
    return str(error.value)


def write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def test_a_23_digit_value_is_an_error_not_an_overflow(tmp_path):
    path = write(tmp_path, "big.csv", TITLE + HEADER + '"4003 Skien";"0 år";12345678901234567890123\n')
    message = fails(path)
    assert "linje 4, kolonne «Personer 2024»: «12345678901234567890123» er ikke et mulig antall personer" in message


@pytest.mark.parametrize("value", ["1e400", "inf", "-0.5", "²", "9" * 5000])
def test_odd_numbers_in_csv(tmp_path, value):
    path = write(tmp_path, "odd.csv", TITLE + HEADER + f'"4003 Skien";"0 år";{value}\n')
    message = fails(path)
    assert "linje 4, kolonne «Personer 2024»" in message
    assert len(message) < 400  # a 5 000-digit cell is quoted shortened


def test_one_bad_byte_deep_in_a_utf8_file_names_its_line(tmp_path):
    rows = "".join(f"Skien,2026,{age} år,5,14746,Hovedalternativet (MMMM)\n" for age in range(100)) * 150
    text = "region,år,alder,value,Tabell,statistikkvariabel\n" + rows
    lines = text.encode("utf-8").split(b"\n")
    lines[14_251] = lines[14_251].replace(b"Skien", b"Ski\xffen")
    message = fails(write(tmp_path, "tidy.csv", b"\n".join(lines)))
    assert "linje 14252: ugyldig tegn (byte 0xff) i en UTF-8-fil" in message
    assert "Mangler kolonnen" not in message


def test_utf16_files_are_read(tmp_path):
    text = TITLE + HEADER + '"4003 Skien";"0 år";5\n'
    call_command("import_ssb", str(write(tmp_path, "utf16.csv", text.encode("utf-16"))), stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert PopulationFigure.objects.get().value == 5


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "Filen er tom"),
        (b"   \n\n", "Filen er tom"),
        ("region,år,alder,value,Tabell\n".encode(), "ingen rader med tall"),
        ((TITLE + HEADER).encode(), "ingen rader med tall"),
        (b"PK\x03\x04rest-of-a-zip", "regneark"),
        (b"region,alder\n4003,\x00\x00\n", "linje 2: filen inneholder NUL-tegn"),
    ],
)
def test_empty_and_binary_files(tmp_path, data, expected):
    assert expected in fails(write(tmp_path, "file.csv", data))


def test_an_empty_file_among_good_ones_is_an_error(tmp_path):
    good = write(tmp_path, "good.csv", TITLE + HEADER + '"4003 Skien";"0 år";5\n')
    empty = write(tmp_path, "empty.csv", b"")
    with pytest.raises(CommandError, match=r"empty\.csv: Filen er tom"):
        call_command("import_ssb", str(good), str(empty))
    assert not PopulationFigure.objects.exists()


def test_field_beyond_the_csv_limit(tmp_path):
    path = write(
        tmp_path,
        "long.csv",
        'region,år,alder,value,Tabell\nSkien,2024,0 år,5,07459\n"' + "x" * 200_000 + '",2024,0,1,07459\n',
    )
    assert "long.csv, linje 3: Ugyldig CSV" in fails(path)


def test_age_and_year_out_of_range(tmp_path):
    path = write(tmp_path, "ages.csv", TITLE + HEADER + '"4003 Skien";"999 år";5\n"4003 Skien";"-4 år";5\n')
    message = fails(path)
    assert "linje 4, kolonne «alder»: Ukjent alder «999 år»" in message
    assert "linje 5, kolonne «alder»: Ukjent alder «-4 år»" in message


def _jsonstat() -> dict:
    return json.loads((DATA / "jsonstat2_v2_07459.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("value", [float("nan"), float("inf"), 10**30, 1.5, "12", True])
def test_jsonstat_values_that_are_no_counts(tmp_path, value):
    document = _jsonstat()
    document["value"][2] = value
    message = fails(write(tmp_path, "v.json", json.dumps(document)))
    assert "v.json, value[2]" in message and "er ikke et mulig antall personer" in message


@pytest.mark.parametrize("text", ["[" * 100_000 + "]" * 100_000, '{"a": ' * 100_000 + "1" + "}" * 100_000])
def test_jsonstat_nested_100000_deep(tmp_path, text):
    assert "deep.json: JSON-filen er nøstet for dypt" in fails(write(tmp_path, "deep.json", text))


def test_json_that_is_not_a_dataset(tmp_path):
    assert "Ikke et JSON-stat2-datasett" in fails(write(tmp_path, "list.json", "[1, 2, 3]"))


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.update(size=[10**6] * 5, value={}),
        lambda d: d.update(size=["x", 2, 2, 2, 2]),
        lambda d: d.update(dimension=[]),
        lambda d: d["dimension"].update(Region="K-4003"),
        lambda d: d.update(size=[1.0e300] * 5),
        lambda d: d.update(value="mange"),
    ],
)
def test_jsonstat_malformed_structure_is_reported_quickly(tmp_path, change):
    document = _jsonstat()
    change(document)
    started = time.perf_counter()
    message = fails(write(tmp_path, "s.json", json.dumps(document)))
    assert time.perf_counter() - started < 5
    assert "s.json" in message


def test_unreadable_file(tmp_path):
    path = write(tmp_path, "secret.csv", TITLE + HEADER)
    path.chmod(0)
    try:
        assert "secret.csv" in fails(path)
    finally:
        path.chmod(0o644)


def test_exit_status_is_non_zero(tmp_path):
    """manage.py exits with a CommandError's returncode, after printing only its message."""
    path = write(tmp_path, "big.csv", TITLE + HEADER + '"4003 Skien";"0 år";12345678901234567890123\n')
    with pytest.raises(CommandError) as error:
        call_command("import_ssb", str(path))
    assert error.value.returncode == 1


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--years", "99999999999999999999999"], "År 99999999999999999999999 er utenfor 1900–2100"),
        (["--alternative", "mm"], "Ugyldig framskrivingsalternativ «MM»"),
        (["--max-cells", "0"], "--max-cells må være minst 1"),
    ],
)
def test_fetch_ssb_checks_options_before_downloading(monkeypatch, args, expected):
    def no_network(*a, **k):
        raise AssertionError("nothing may be downloaded")

    monkeypatch.setattr("urllib.request.urlopen", no_network)
    with pytest.raises(CommandError, match=expected):
        call_command("fetch_ssb", *args)


def test_fetch_ssb_reports_a_broken_answer_with_its_place(tmp_path, monkeypatch):
    class Answer:
        def __init__(self, data: bytes) -> None:
            self.data = data

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def read(self, size=-1):
            data, self.data = self.data, b""
            return data

    monkeypatch.setattr("innoplatform.municipalities.management.commands.fetch_ssb.PAUSE_SECONDS", 0)
    monkeypatch.setattr("urllib.request.urlopen", lambda request, timeout: Answer(b'{"id": ["Region"], "size": [1,'))
    with pytest.raises(CommandError) as error:
        call_command("fetch_ssb", "--output", str(tmp_path), "--import", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert "07459_v2_01.json, linje 1" in str(error.value) and "Ugyldig JSON" in str(error.value)
    assert not PopulationFigure.objects.exists()
