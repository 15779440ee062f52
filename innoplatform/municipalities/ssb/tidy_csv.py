"""Parse tidy (long) CSV as written by pyjstat and similar JSON-stat tools: one value per row.

Columns are the dimensions, named by label (`region,statistikkvariabel,år,alder,value`)
or by id (`Region,ContentsCode,Tid,Alder,value`); regions come as codes or
names. The Telemark analysis files add `Framskriving` (base year) and `Tabell`.
"""

import csv
from collections.abc import Iterable

from django.utils.translation import gettext as _

from .cells import CellReader, place, row_fits_header
from .figures import FigureBuffer
from .regions import RegionResolver
from .tables import TableSpec

COLUMN_ROLES = {
    "region": "region",
    "kommune": "region",
    "kommunenummer": "region",
    "alder": "age",
    "age": "age",
    "år": "year",
    "year": "year",
    "tid": "year",
    "value": "value",
    "verdi": "value",
    "kjønn": "sex",
    "kjonn": "sex",
    "sex": "sex",
    "statistikkvariabel": "contents",
    "contentscode": "contents",
    "contents": "contents",
    "alternativ": "alternative",
    "alternative": "alternative",
    "framskrivingsalternativ": "alternative",
    "tabell": "table",
    "table": "table",
    "framskriving": "base_year",
    "basisår": "base_year",
}
REQUIRED = ("region", "age", "year", "value")


def parse_tidy_csv(
    lines: Iterable[str], buffer: FigureBuffer, resolver: RegionResolver, *, source: str, table: str | None = None
) -> None:
    """Add the figures of one tidy CSV to the buffer, noting every problem with its line and column."""
    problems = buffer.problems
    cells = CellReader(buffer, resolver)
    reader = csv.reader(lines)
    header = next((row for row in reader if any(cell.strip() for cell in row)), None)
    if header is None:
        problems.error(source, _("Filen er tom."))
        return
    header = [cell.strip().lstrip("\ufeff") for cell in header]
    roles: dict[str, int] = {}
    for index, heading in enumerate(header):
        role = COLUMN_ROLES.get(heading.lower())
        if role and role not in roles:
            roles[role] = index
        else:
            problems.notes.append(_("Kolonnen «%(column)s» er ikke brukt.") % {"column": heading})
    header_line = reader.line_num
    for role in REQUIRED:
        if role not in roles:
            problems.error(
                _("linje %(line)s") % {"line": header_line}, _("Mangler kolonnen «%(column)s».") % {"column": role}
            )
    fixed = None
    if "table" not in roles:
        if not table:
            problems.error(source, _("Filen har ingen kolonne «Tabell»; oppgi tabellen med --table."))
        else:
            fixed = cells.table(table, 0, source)
    if problems.error_count:
        return
    rows = 0
    for row in reader:
        if not any(cell.strip() for cell in row):
            continue
        rows += 1
        if row_fits_header(problems, reader.line_num, row, header):
            _read_row(row, reader.line_num, header, roles, fixed, table, cells)
        if problems.full:
            return
    if not rows:
        problems.error(source, _("Filen har en overskrift, men ingen rader med tall."))


def _read_row(
    row: list[str],
    line: int,
    header: list[str],
    roles: dict[str, int],
    fixed: TableSpec | None,
    table: str | None,
    cells: CellReader,
) -> None:
    def at(role: str) -> tuple[str, int, str]:
        index = roles[role]
        return row[index], line, header[index]

    spec = fixed
    if spec is None:
        text, _line, column = at("table")
        if table and text.strip() != table:
            cells.buffer.problems.error(
                place(line, column), _("Tabell %(found)s, ikke %(table)s.") % {"found": text, "table": table}
            )
            return
        spec = cells.table(text, line, column)
    region = cells.region(*at("region"), 1)
    age = cells.age(*at("age"))
    year = cells.year(*at("year"))
    sex = cells.sex(*at("sex")) if "sex" in roles else "T"
    alternative = ""
    if spec is not None and spec.is_projection:
        role = "alternative" if "alternative" in roles else "contents"
        if role in roles:
            alternative = cells.alternative(*at(role), spec)
        else:
            alternative = None
            cells.buffer.problems.error(
                _("linje %(line)s") % {"line": line},
                _("Tabell %(table)s er en framskriving, men filen har ingen kolonne for alternativet.")
                % {"table": spec.id},
            )
    if spec is not None and "base_year" in roles:
        text, _line, column = at("base_year")
        if text.strip() and text.strip() != str(spec.base_year or ""):
            cells.buffer.problems.error(
                place(line, column),
                _("Basisåret %(found)s passer ikke til tabell %(table)s.") % {"found": text, "table": spec.id},
            )
    value = cells.count(row[roles["value"]], line, header[roles["value"]])
    if spec is None or region is None or age is None or year is None or sex is None or alternative is None:
        return
    columns = cells.buffer.columns(spec, alternative)
    if columns is not None and value is not None:
        columns.append(region, year, sex, age[0], age[1], value)
