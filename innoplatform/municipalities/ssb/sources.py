"""Open an import source — a local file or an http(s) URL — and hand it to the right parser.

The format is told from the content, not the name: JSON starts with "{", a
StatBank export has `;` in its first lines, anything else is read as tidy CSV.
CSV is streamed line by line; the encoding (UTF-8 or StatBank's Latin-1) is
decided by a cheap pass over the bytes first.
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

_CHUNK = 1 << 20


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


def detect_encoding(path: Path) -> str:
    """utf-8-sig when the whole file is valid UTF-8 (with or without BOM), otherwise Latin-1."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    with path.open("rb") as handle:
        try:
            while chunk := handle.read(_CHUNK):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return "latin-1"
    return "utf-8-sig"


def detect_format(path: Path, encoding: str) -> str:
    """ "jsonstat", "statbank" or "tidy"."""
    with path.open(encoding=encoding, newline="") as handle:
        head = handle.read(4096)
    if head.lstrip().startswith("{"):
        return "jsonstat"
    if any(";" in line for line in head.splitlines()[:5]):
        return "statbank"
    return "tidy"


def parse_source(
    source: str, path: Path, buffer: FigureBuffer, resolver: RegionResolver, *, table: str | None = None
) -> str:
    """Parse one local file into the buffer; return the format it was read as."""
    encoding = detect_encoding(path)
    kind = detect_format(path, encoding)
    name = Path(source).name if not is_url(source) else source
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
        parse_jsonstat(document, buffer, resolver, source=name, table=table)
        return kind
    parser = parse_statbank_csv if kind == "statbank" else parse_tidy_csv
    with path.open(encoding=encoding, newline="") as handle:
        try:
            parser(handle, buffer, resolver, source=name, table=table)
        except csv.Error as error:
            buffer.problems.error(name, _("Ugyldig CSV: %(message)s") % {"message": error})
    return kind
