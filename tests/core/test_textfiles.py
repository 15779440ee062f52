"""Strict UTF-8 reading of imported files: what is accepted, and the message for each kind of bad file."""

import codecs

import pytest

from innoplatform.core.textfiles import TextFileError, decode_text, describe_size, read_text_file

LIMIT = 1024


def test_utf8_text_is_returned_as_is():
    assert decode_text("Blåbær\nÆrlig\r\n".encode(), max_bytes=LIMIT) == "Blåbær\nÆrlig\r\n"


def test_utf8_byte_order_mark_is_dropped():
    assert decode_text(codecs.BOM_UTF8 + "Søknad".encode(), max_bytes=LIMIT) == "Søknad"


@pytest.mark.parametrize(
    ("data", "message", "line"),
    [
        (b"", "Filen er tom.", None),
        (b" \r\n\t\n", "Filen er tom.", None),
        (codecs.BOM_UTF8 + b"\n", "Filen er tom.", None),
        ("én\nto\n".encode("utf-16"), "Filen er lagret som UTF-16, men må være UTF-8.", None),
        ("én\n".encode("utf-16-be"), "Filen har NUL-tegn, slik en UTF-16-fil har, men den må være UTF-8.", 1),
        (b"en\nto\n\x00", "Filen har NUL-tegn", 3),
        ("en\nto\nSær".encode("latin-1"), "Filen må være UTF-8, men byten 0xE6 er ikke gyldig UTF-8", 3),
        ("en\r\nto\r\nþrjú".encode("cp1252"), "(filen er kanskje lagret som Latin-1 eller Windows-1252)", 3),
        (b"x" * (LIMIT + 1), "Filen er større enn grensen på 1 kB. Del den opp i flere filer.", None),
    ],
    ids=["empty", "whitespace", "only BOM", "UTF-16", "UTF-16 without BOM", "NUL", "Latin-1", "Windows-1252", "size"],
)
def test_bad_file_gets_a_message_and_the_line(data, message, line):
    with pytest.raises(TextFileError) as raised:
        decode_text(data, max_bytes=LIMIT)
    assert message in raised.value.message
    assert raised.value.line == line


def test_file_of_exactly_the_limit_is_read():
    assert decode_text(b"x" * LIMIT, max_bytes=LIMIT) == "x" * LIMIT


def test_error_names_the_line_when_it_has_one():
    assert str(TextFileError("Filen må være UTF-8.", line=4)) == "Linje 4: Filen må være UTF-8."
    assert str(TextFileError("Filen er tom.")) == "Filen er tom."


def test_read_text_file_reads_and_checks_a_file_on_disk(tmp_path):
    good, big = tmp_path / "god.csv", tmp_path / "stor.csv"
    good.write_bytes(codecs.BOM_UTF8 + "kommune;år\r\n".encode())
    big.write_bytes(b"x" * (LIMIT + 100))
    assert read_text_file(good, max_bytes=LIMIT) == "kommune;år\r\n"
    with pytest.raises(TextFileError, match="større enn grensen"):
        read_text_file(big, max_bytes=LIMIT)


def test_missing_file_raises_oserror(tmp_path):
    with pytest.raises(FileNotFoundError):
        read_text_file(tmp_path / "finnes-ikke.csv", max_bytes=LIMIT)


@pytest.mark.parametrize(
    ("size", "text"),
    [(10 * 1024 * 1024, "10 MB"), (1536 * 1024, "1,5 MB"), (512 * 1024, "512 kB"), (300, "300 byte")],
)
def test_sizes_are_described_for_people(size, text):
    assert describe_size(size) == text
