"""Open each KOSTRA source — a file or an SSB address — and hand it to the reader for its format."""

import csv
import json
from collections.abc import Sequence
from pathlib import Path

from django.utils.translation import gettext as _

from ..ssb.download import DownloadError
from ..ssb.sources import CountedLines, UnreadableFile, detect_encoding, detect_format, is_url, local_copy
from .parsers import KostraBuffer, parse_csv, parse_jsonstat


def _read_json(handle, buffer: KostraBuffer, name: str) -> None:
    try:
        document = json.load(handle)
    except json.JSONDecodeError as error:
        buffer.problems.error(
            _("%(source)s, linje %(line)s, kolonne %(column)s")
            % {"source": name, "line": error.lineno, "column": error.colno},
            _("Ugyldig JSON: %(message)s") % {"message": error.msg},
        )
        return
    except RecursionError:
        buffer.problems.error(name, _("JSON-filen er nøstet for dypt til å være et JSON-stat2-datasett."))
        return
    parse_jsonstat(document, buffer, source=name)


def read_sources(sources: Sequence[str], buffer: KostraBuffer) -> None:
    """Parse every source into the buffer; problems are noted there with their places."""
    for source in sources:
        name = source if is_url(source) else Path(source).name
        try:
            with local_copy(source) as path:
                encoding = detect_encoding(path)
                kind = detect_format(path, encoding)
                with path.open(encoding=encoding, newline="") as handle:
                    if kind == "jsonstat":
                        _read_json(handle, buffer, name)
                        continue
                    lines = CountedLines(handle)
                    try:
                        parse_csv(lines, buffer, source=name, delimiter=";" if kind == "statbank" else ",")
                    except csv.Error as error:
                        buffer.problems.error(
                            _("%(source)s, linje %(line)s") % {"source": name, "line": lines.number},
                            _("Ugyldig CSV: %(message)s") % {"message": error},
                        )
        except (UnreadableFile, FileNotFoundError, DownloadError) as error:
            buffer.problems.error(name, str(error))
        except OSError as error:
            buffer.problems.error(name, _("Kan ikke lese filen: %(reason)s") % {"reason": error.strerror or error})
