"""Open an import source — a local file or an http(s) URL — and hand it to the right parser.

The format is told from the content, not the name: JSON starts with "{" or "[", a
StatBank export has `;` in its first lines, anything else is read as tidy CSV.
CSV is streamed line by line; the encoding (UTF-16 or UTF-8 by their mark, UTF-8,
or StatBank's Latin-1) is decided by a cheap pass over the bytes first.
"""

import codecs
import csv
import json
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.utils.translation import gettext as _

from .download import download
from .figures import FigureBuffer
from .jsonstat import parse_jsonstat
from .regions import RegionResolver
from .statbank_csv import parse_statbank_csv
from .tidy_csv import parse_tidy_csv

MAX_FILE_BYTES = 500_000_000
"""Ten times SSB's largest export for all kommuner (single years, both sexes, 30 years); bounds the run time."""


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


@contextmanager
def local_copy(source: str) -> Iterator[Path]:
    """The source as a local path; a URL is downloaded to a temporary file first."""
    if not is_url(source):
        path = Path(source)
        if not path.is_file():
            raise FileNotFoundError(_("Finner ikke filen %(path)s.") % {"path": source})
        yield path
        return
    with tempfile.TemporaryDirectory(prefix="ssb-") as folder:
        yield download(source, Path(folder) / "download")


class UnreadableFile(ValueError):
    """The file cannot be read as text at all; the message names the line where that shows."""


def detect_encoding(path: Path) -> str:
    """The file's encoding: UTF-16 or UTF-8 by their byte-order mark, UTF-8 when it decodes, otherwise Latin-1.

    StatBank writes Latin-1; everything else writes UTF-8. A UTF-8 file (BOM or
    earlier multi-byte characters) with one bad byte is an error for that line,
    not a reason to read the whole file as Latin-1 and report nonsense columns.
    """
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise UnreadableFile(
            _("Filen er på %(mb)s MB; høyst %(max)s MB kan leses om gangen. Del den opp.")
            % {"mb": size // 1_000_000, "max": MAX_FILE_BYTES // 1_000_000}
        )
    with path.open("rb") as handle:
        head = handle.read(4)
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):
            return "utf-16"
        if head.startswith(b"PK\x03\x04"):
            raise UnreadableFile(
                _("Filen er et regneark eller en zip-fil. Last ned tabellen som CSV eller JSON-stat2.")
            )
        handle.seek(0)
        seen_utf8 = head.startswith(codecs.BOM_UTF8)
        for number, raw in enumerate(handle, start=1):
            if b"\x00" in raw:
                raise UnreadableFile(
                    _("linje %(line)s: filen inneholder NUL-tegn og er ikke en tekstfil.") % {"line": number}
                )
            if raw.isascii():
                continue
            try:
                raw.decode("utf-8")
            except UnicodeDecodeError as error:
                if not seen_utf8:
                    return "latin-1"
                raise UnreadableFile(
                    _(
                        "linje %(line)s: ugyldig tegn (byte 0x%(byte)02x) i en UTF-8-fil. Rett linjen eller lagre filen som UTF-8 på nytt."
                    )
                    % {"line": number, "byte": raw[error.start]}
                ) from None
            seen_utf8 = True
    return "utf-8-sig"


def detect_format(path: Path, encoding: str) -> str:
    """ "jsonstat", "statbank" or "tidy"."""
    with path.open(encoding=encoding, newline="") as handle:
        head = handle.read(4096)
    if head.lstrip().startswith(("{", "[")):
        return "jsonstat"
    if any(";" in line for line in head.splitlines()[:5]):
        return "statbank"
    return "tidy"


class CountedLines:
    """The lines of a text file, counting them, so a CSV error can name its line."""

    def __init__(self, handle) -> None:
        self.handle = handle
        self.number = 0

    def __iter__(self):
        for line in self.handle:
            self.number += 1
            yield line


def parse_source(
    source: str, path: Path, buffer: FigureBuffer, resolver: RegionResolver, *, table: str | None = None
) -> str:
    """Parse one local file into the buffer; return the format it was read as."""
    name = Path(source).name if not is_url(source) else source
    try:
        encoding = detect_encoding(path)
    except UnreadableFile as error:
        buffer.problems.error(name, str(error))
        return "unreadable"
    kind = detect_format(path, encoding)
    if kind == "jsonstat":
        with path.open(encoding=encoding) as handle:
            try:
                document = json.load(handle)
            except json.JSONDecodeError as error:
                buffer.problems.error(
                    _("%(source)s, linje %(line)s, kolonne %(column)s")
                    % {"source": name, "line": error.lineno, "column": error.colno},
                    _("Ugyldig JSON: %(message)s") % {"message": error.msg},
                )
                return kind
            except RecursionError:
                buffer.problems.error(name, _("JSON-filen er nøstet for dypt til å være et JSON-stat2-datasett."))
                return kind
        parse_jsonstat(document, buffer, resolver, source=name, table=table)
        return kind
    parser = parse_statbank_csv if kind == "statbank" else parse_tidy_csv
    with path.open(encoding=encoding, newline="") as handle:
        lines = CountedLines(handle)
        try:
            parser(lines, buffer, resolver, source=name, table=table)
        except csv.Error as error:
            buffer.problems.error(
                _("%(source)s, linje %(line)s") % {"source": name, "line": lines.number},
                _("Ugyldig CSV: %(message)s") % {"message": error},
            )
    return kind
