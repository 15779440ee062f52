"""Strict UTF-8 reading of imported and uploaded text files, with messages a person can act on.

Importers get the text, or a `TextFileError` in bokmål that names the line of the
first problem: a file that is too large, empty, saved as UTF-16, or holding bytes
that are not UTF-8 (usually a file saved as Latin-1 or Windows-1252). A UTF-8
byte-order mark is dropped, since Excel and Notepad write one. Nothing is guessed:
a file in another encoding is refused rather than read wrongly.
"""

import codecs
from pathlib import Path

UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
SAVE_AS_UTF8 = "Lagre filen som UTF-8 og prøv igjen."


class TextFileError(ValueError):
    """Why a file cannot be read as text; `line` is the first line with the problem, if it is one line's."""

    def __init__(self, message: str, line: int | None = None):
        self.message = message
        self.line = line
        super().__init__(f"Linje {line}: {message}" if line is not None else message)


def read_text_file(path: Path, *, max_bytes: int) -> str:
    """The file's text by `decode_text`; reads at most one byte past the limit. OSError passes through."""
    with path.open("rb") as file:
        data = file.read(max_bytes + 1)
    return decode_text(data, max_bytes=max_bytes)


def decode_text(data: bytes, *, max_bytes: int) -> str:
    """Decode `data` as strict UTF-8 without its byte-order mark, or raise TextFileError."""
    if len(data) > max_bytes:
        raise TextFileError(f"Filen er større enn grensen på {describe_size(max_bytes)}. Del den opp i flere filer.")
    if data.startswith(UTF16_BOMS):
        raise TextFileError(f"Filen er lagret som UTF-16, men må være UTF-8. {SAVE_AS_UTF8}")
    data = data.removeprefix(codecs.BOM_UTF8)
    # UTF-16 without a byte-order mark has a NUL byte beside every ASCII character;
    # valid UTF-8 can encode NUL, but no text file has one.
    if (nul := data.find(b"\x00")) != -1:
        raise TextFileError(
            f"Filen har NUL-tegn, slik en UTF-16-fil har, men den må være UTF-8. {SAVE_AS_UTF8}",
            line=line_of_offset(data, nul),
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise TextFileError(
            f"Filen må være UTF-8, men byten 0x{data[error.start]:02X} er ikke gyldig UTF-8 "
            f"(filen er kanskje lagret som Latin-1 eller Windows-1252). {SAVE_AS_UTF8}",
            line=line_of_offset(data, error.start),
        ) from None
    if not text.strip():
        raise TextFileError("Filen er tom.")
    return text


def line_of_offset(data: bytes, offset: int) -> int:
    """The 1-based line that byte `offset` is on; in UTF-8, UTF-16 and Latin-1 alike a newline holds byte 0x0A."""
    return data.count(b"\n", 0, offset) + 1


def describe_size(size: int) -> str:
    """A byte count the way a person reads it: "10 MB", "512 kB" or "300 byte"."""
    for unit, factor in (("MB", 1024 * 1024), ("kB", 1024)):
        if size >= factor:
            return f"{size / factor:.3g} {unit}".replace(".", ",")
    return f"{size} byte"
