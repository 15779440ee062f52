"""Read the cells of a CSV row, remembering each distinct text so a file of two million values parses fast.

Errors are noted in the buffer's problem log with the place (line and column),
and the caller gets None, so one bad cell does not stop the check of the rest.
"""

from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext as _

from .figures import FigureBuffer
from .regions import RegionResolver
from .tables import TableSpec, resolve_alternative, table_spec
from .values import parse_age, parse_count, parse_sex, parse_year

_FAILED = object()


def place(line: int, column: str) -> str:
    return _("linje %(line)s, kolonne «%(column)s»") % {"line": line, "column": column}


class CellReader:
    def __init__(self, buffer: FigureBuffer, resolver: RegionResolver) -> None:
        self.buffer = buffer
        self.resolver = resolver
        self._caches: dict[str, dict[str, Any]] = {}

    def _cached(self, kind: str, parse: Callable[[str], Any], text: str, where: str) -> Any:
        cache = self._caches.setdefault(kind, {})
        result = cache.get(text, None)
        if result is None:
            try:
                result = parse(text)
            except ValueError as error:
                result = (_FAILED, str(error))
            cache[text] = result
        if isinstance(result, tuple) and result and result[0] is _FAILED:
            self.buffer.problems.error(where, result[1])
            return None
        return result

    def region(self, text: str, where: str, values: int) -> int | None:
        """Index of a stored region; None for one that is skipped (noted) or unknown (error)."""
        return self.buffer.region(self.resolver.by_text(text), where, values)

    def age(self, text: str, where: str) -> tuple[int, int | None] | None:
        return self._cached("age", parse_age, text, where)

    def sex(self, text: str, where: str) -> str | None:
        return self._cached("sex", parse_sex, text, where)

    def year(self, text: str, where: str) -> int | None:
        return self._cached("year", parse_year, text, where)

    def table(self, text: str, where: str) -> TableSpec | None:
        return self._cached("table", table_spec, text, where)

    def alternative(self, text: str, where: str, spec: TableSpec) -> str | None:
        return self._cached(f"alt{spec.id}", lambda t: resolve_alternative(t, t, spec), text, where)

    def count(self, text: str, line: int, column: str) -> int | None:
        """A value, or None when missing (counted) or invalid (error); the place is only built on error."""
        try:
            value = parse_count(text)
        except ValueError as error:
            self.buffer.problems.error(place(line, column), str(error))
            return None
        if value is None:
            self.buffer.problems.missing += 1
        return value
