"""Validators shared by the platform's forms."""

import codecs
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files import File
from django.utils.translation import gettext_lazy as _


def single_line(value: str) -> None:
    """Titles and names go into e-mail subjects and headings: one line, no control characters."""
    if any(ord(character) < 32 for character in value):
        raise ValidationError(_("Skriv dette på én linje."), code="single_line")


ZIP_SIGNATURE = b"PK\x03\x04"
DOCUMENT_SIGNATURES: dict[str, bytes | None] = {
    "pdf": b"%PDF-",
    "docx": ZIP_SIGNATURE,
    "xlsx": ZIP_SIGNATURE,
    "pptx": ZIP_SIGNATURE,
    "odt": ZIP_SIGNATURE,
    "csv": None,
    "txt": None,
}
"""The leading bytes of each document type the site accepts; None for plain text, which is read in full."""

DOCUMENT_KINDS = {
    "pdf": _("en PDF"),
    "docx": _("et Word-dokument"),
    "xlsx": _("et Excel-regneark"),
    "pptx": _("en PowerPoint-presentasjon"),
    "odt": _("et OpenDocument-tekstdokument"),
}


def document_content(upload: File) -> None:
    """The file holds what its extension says, so that a renamed file (a web page called .pdf) is refused.

    Office and OpenDocument files are ZIP archives; CSV and text files must be UTF-8
    without NUL bytes. An extension without a rule here is left to WAGTAILDOCS_EXTENSIONS.
    """
    extension = Path(upload.name or "").suffix.lower().removeprefix(".")
    if extension not in DOCUMENT_SIGNATURES:
        return
    signature = DOCUMENT_SIGNATURES[extension]
    upload.seek(0)
    try:
        if signature is None:
            _plain_text(upload)
        elif upload.read(len(signature)) != signature:
            raise ValidationError(
                _("Filen heter .%(extension)s, men er ikke %(kind)s. Lagre den på nytt i riktig format og prøv igjen."),
                code="content_mismatch",
                params={"extension": extension, "kind": DOCUMENT_KINDS[extension]},
            )
    finally:
        upload.seek(0)


def _plain_text(upload: File) -> None:
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        for chunk in upload.chunks():
            if b"\x00" in chunk:
                raise ValidationError(
                    _(
                        "Filen har NUL-tegn, slik en UTF-16-fil har, men den må være UTF-8. Lagre den som UTF-8 og prøv igjen."
                    ),
                    code="not_text",
                )
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise ValidationError(
            _(
                "Filen må være lagret som UTF-8 (den er kanskje lagret som Latin-1 eller Windows-1252). "
                "Lagre den som UTF-8 og prøv igjen."
            ),
            code="not_utf8",
        ) from None
