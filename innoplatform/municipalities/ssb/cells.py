"""Read the cells of a CSV row, remembering each distinct text so a file of two million values parses fast.

Errors are noted in the buffer's problem log with the place (line and column),
and the caller gets None, so one bad cell does not stop the check of the rest.
The place is only formatted when there is an error: it costs more than the parsing.
"""

from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext as _

from .figures import FigureBuffer
from .regions import RegionResolver
from .tables import TableSpec, resolve_alternative, table_spec
from .values import parse_age, parse_count, parse_sex, parse_year


def place(line: int, column: str) -> str:
    """ "linje 12, kolonne «alder»"; with line 0 just the column (or source) name."""
    if not line:
        return column
    return _("linje %(line)s, kolonne «%(column)s»") % {"line": line, "column": column}


def row_fits_header(problems, line: int, row: list[str], header: list[str]) -> bool:
    """True when a CSV row has as many fields as the header; otherwise log the error for that line."""
    if len(row) == len(header):
        return True
    problems.error(
        _("linje %(line)s") % {"line": line},
        _("har %(n)s felt, overskriften har %(m)s.") % {"n": len(row), "m": len(header)},
    )
    return False


class _Failed:
    def __init__(self, message: str) -> None:
        self.message = message


class CellReader:
    def __init__(self, buffer: FigureBuffer, resolver: RegionResolver) -> None:
        self.buffer = buffer
        self.resolver = resolver
        self._caches: dict[str, dict[str, Any]] = {}

    def _cached(self, kind: str, parse: Callable[[str], Any], text: str, line: int, column: str) -> Any:
        cache = self._caches.setdefault(kind, {})
        result = cache.get(text)
        if result is None:
            try:
                result = parse(text)
            except ValueError as error:
                result = _Failed(str(error))
            cache[text] = result
        if isinstance(result, _Failed):
            self.buffer.problems.error(place(line, column), result.message)
            return None
        return result

    def region(self, text: str, line: int, column: str, values: int) -> int | None:
        """Index of a stored region; None for one that is skipped (noted) or unknown (error)."""
        region = self.resolver.by_text(text)
        if region.kind.is_stored:
            return self.buffer.region(region, "", values)
        return self.buffer.region(region, place(line, column), values)

    def age(self, text: str, line: int, column: str) -> tuple[int, int | None] | None:
        return self._cached("age", parse_age, text, line, column)

    def sex(self, text: str, line: int, column: str) -> str | None:
        return self._cached("sex", parse_sex, text, line, column)

    def year(self, text: str, line: int, column: str) -> int | None:
        return self._cached("year", parse_year, text, line, column)

    def table(self, text: str, line: int, column: str) -> TableSpec | None:
        return self._cached("table", table_spec, text, line, column)

    def alternative(self, text: str, line: int, column: str, spec: TableSpec) -> str | None:
        return self._cached(f"alt{spec.id}", lambda t: resolve_alternative(t, t, spec), text, line, column)

    def count(self, text: str, line: int, column: str) -> int | None:
        """A value, or None when missing (counted) or invalid (error)."""
        if len(text) < 8 and text.isascii() and text.isdigit():
            return int(text)
        try:
            value = parse_count(text)
        except ValueError as error:
            self.buffer.problems.error(place(line, column), str(error))
            return None
        if value is None:
            self.buffer.problems.missing += 1
        return value
