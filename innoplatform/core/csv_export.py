"""CSV downloads that open safely in a spreadsheet: UTF-8 with BOM, semicolons, a source line, no formulas.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is
read as a formula by Excel and LibreOffice (CSV injection, OWASP); such text is
written with a leading apostrophe so the spreadsheet shows it as text. Numbers
are written as they are, so negative figures stay numbers.
"""

import csv
from collections.abc import Iterable, Sequence
from decimal import Decimal

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def formula_safe(value: object) -> object:
    """`value` as a cell a spreadsheet will not evaluate; numbers are left alone."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float | Decimal):
        return value
    text = str(value)
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


def source_lines(source: str) -> list[list[str]]:
    """The rows every download starts with: where the figures come from and when they were taken out."""
    return [
        [formula_safe(source)],
        [_("Lastet ned %(date)s") % {"date": timezone.localdate().isoformat()}],
        [],
    ]


def csv_response(
    filename: str, header: Sequence[str], rows: Iterable[Sequence[object]], *, source: str
) -> HttpResponse:
    """A semicolon-separated UTF-8 attachment (with BOM, so Excel reads æøå) that starts with its source."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerows(source_lines(source))
    writer.writerow([formula_safe(cell) for cell in header])
    writer.writerows([formula_safe(cell) for cell in row] for row in rows)
    return response
