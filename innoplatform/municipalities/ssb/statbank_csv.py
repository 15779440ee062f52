"""Parse SSB StatBank CSV exports: `;`-separated, title lines above a wide header.

StatBank puts the dimensions it was asked to show "in the heading" into the
column titles, e.g. `"region";"age";"Persons 2024 Males";"Persons 2024 Females"`
or `"Personer 2024 Menn"`. Each value column therefore carries part of the key
(year, sex, contents/alternative) and each row the rest (region, age, …).
"""

import csv
from array import array
from collections.abc import Iterable
from dataclasses import dataclass, field
from operator import itemgetter

from django.utils.translation import gettext as _

from .cells import CellReader, place, row_fits_header
from .figures import FigureBuffer, sex_index
from .regions import RegionResolver
from .tables import TableSpec, resolve_alternative, table_in_title, table_spec
from .values import YEAR_IN_HEADING, find_sex

DIMENSION_HEADINGS = {
    "region": "region",
    "age": "age",
    "alder": "age",
    "sex": "sex",
    "kjønn": "sex",
    "kjonn": "sex",
    "year": "year",
    "år": "year",
    "tid": "year",
    "contents": "alternative",
    "statistikkvariabel": "alternative",
    "statistical variable": "alternative",
    "alternative": "alternative",
    "alternativ": "alternative",
    "framskrivingsalternativ": "alternative",
}


@dataclass(frozen=True)
class ValueColumn:
    index: int
    heading: str
    year: int | None
    sex: str | None
    alternative: str | None


def parse_statbank_csv(
    lines: Iterable[str], buffer: FigureBuffer, resolver: RegionResolver, *, source: str, table: str | None = None
) -> None:
    """Add the figures of one StatBank CSV export to the buffer, noting every problem with its line and column."""
    problems = buffer.problems
    cells = CellReader(buffer, resolver)
    reader = csv.reader(lines, delimiter=";")
    title_table: str | None = None
    header: list[str] | None = None
    rows = 0
    for row in reader:
        if not any(cell.strip() for cell in row):
            continue
        if header is None:
            if sum(1 for cell in row if cell.strip()) == 1:
                title_table = title_table or table_in_title(row[0])
                continue
            header = [cell.strip() for cell in row]
            spec = _table(title_table, table, buffer, source)
            layout = _layout(header, spec, buffer, reader.line_num) if spec else None
            if layout is None:
                return
            dimensions, value_columns = layout
            plan = RowPlan.of(dimensions, value_columns)
            continue
        rows += 1
        if row_fits_header(problems, reader.line_num, row, header) and not (
            plan and plan.read(row, reader.line_num, header, dimensions, spec, cells)
        ):
            _read_row(row, reader.line_num, header, dimensions, value_columns, spec, cells)
        if problems.full:
            return
    if header is None:
        problems.error(source, _("Fant ingen kolonneoverskrift; er dette en CSV-fil fra SSBs statistikkbank?"))
    elif not rows:
        problems.error(source, _("Filen har en overskrift, men ingen rader med tall."))


@dataclass
class ColumnGroup:
    """The value columns of one alternative (None: the row names it), as a slice of RowPlan's cells."""

    alternative: str | None
    start: int
    stop: int
    years: array
    sexes: tuple[str | None, ...]
    _coded_sexes: dict[str, array] = field(default_factory=dict)

    def sex_indexes(self, row_sex: str | None) -> array:
        """Each column's sex (its heading's, else the row's, else T), coded as FigureColumns keeps it."""
        coded = self._coded_sexes.get(row_sex or "")
        if coded is None:
            coded = array("B", [sex_index(sex or row_sex or "T") for sex in self.sexes])
            self._coded_sexes[row_sex or ""] = coded
        return coded


@dataclass
class RowPlan:
    """The fast way through a row whose every value is a plain count and whose years are in the headings.

    Most of a StatBank export is such rows; checking all their cells at once in C and
    appending whole arrays is several times faster than the cell-by-cell path, which
    still reads every other row and names the place of each problem.
    """

    pick: itemgetter
    groups: list[ColumnGroup]

    @classmethod
    def of(cls, dimensions: dict[str, int], value_columns: list[ValueColumn]) -> "RowPlan | None":
        """The plan for a header, or None when its years come from the rows (or it has one value column)."""
        if "year" in dimensions or len(value_columns) < 2 or any(column.year is None for column in value_columns):
            return None
        by_alternative: dict[str | None, list[ValueColumn]] = {}
        for column in value_columns:
            by_alternative.setdefault(column.alternative, []).append(column)
        indexes: list[int] = []
        groups = []
        for alternative, columns in by_alternative.items():
            start = len(indexes)
            indexes += [column.index for column in columns]
            groups.append(
                ColumnGroup(
                    alternative,
                    start,
                    len(indexes),
                    array("H", [column.year or 0 for column in columns]),
                    tuple(column.sex for column in columns),
                )
            )
        return cls(itemgetter(*indexes), groups)

    def read(
        self,
        row: list[str],
        line: int,
        header: list[str],
        dimensions: dict[str, int],
        spec: TableSpec,
        cells: CellReader,
    ) -> bool:
        """Add the row's values and return True; False (nothing noted) when it needs the cell-by-cell path."""
        texts = self.pick(row)
        joined = "".join(texts)
        if not (joined.isascii() and joined.isdigit() and "" not in texts and max(map(len, texts)) < 8):
            return False

        def at(role: str) -> tuple[str, int, str]:
            index = dimensions[role]
            return row[index], line, header[index]

        region = cells.region(*at("region"), len(texts))
        age = cells.age(*at("age"))
        sex = cells.sex(*at("sex")) if "sex" in dimensions else None
        alternative = cells.alternative(*at("alternative"), spec) if "alternative" in dimensions else None
        if region is None or age is None:
            return True
        values = list(map(int, texts))
        for group in self.groups:
            columns = cells.buffer.columns(spec, group.alternative or alternative or "")
            if columns is not None:
                columns.extend_coded(
                    region, age[0], age[1], group.years, group.sex_indexes(sex), values[group.start : group.stop]
                )
        return True


def _table(title_table: str | None, table: str | None, buffer: FigureBuffer, source: str) -> TableSpec | None:
    if table and title_table and table != title_table:
        buffer.problems.error(
            source, _("Filen er tabell %(found)s, ikke %(table)s.") % {"found": title_table, "table": table}
        )
        return None
    if not (table or title_table):
        buffer.problems.error(source, _("Finner ikke tabellnummeret i tittellinjen; oppgi det med --table."))
        return None
    try:
        return table_spec(table or title_table or "")
    except ValueError as error:
        buffer.problems.error(source, str(error))
        return None


def _layout(
    header: list[str], spec: TableSpec, buffer: FigureBuffer, line: int
) -> tuple[dict[str, int], list[ValueColumn]] | None:
    """Which columns hold which dimension, and what each value column's heading says."""
    problems = buffer.problems
    dimensions: dict[str, int] = {}
    value_columns: list[ValueColumn] = []
    for index, heading in enumerate(header):
        role = DIMENSION_HEADINGS.get(heading.lower())
        if role:
            dimensions[role] = index
            continue
        rest = heading
        year = None
        if match := YEAR_IN_HEADING.search(rest):
            year = int(match.group(1))
            rest = (rest[: match.start()] + " " + rest[match.end() :]).strip()
        sex, rest = find_sex(rest)
        alternative = None
        if spec.is_projection and "alternative" not in dimensions:
            try:
                alternative = resolve_alternative(rest, rest, spec)
            except ValueError as error:
                problems.error(place(line, heading), str(error))
        value_columns.append(ValueColumn(index, heading, year, sex, alternative))
    for role, name in (("region", "region"), ("age", "alder/age")):
        if role not in dimensions:
            problems.error(_("linje %(line)s") % {"line": line}, _("Mangler kolonnen «%(name)s».") % {"name": name})
    if not value_columns:
        problems.error(_("linje %(line)s") % {"line": line}, _("Fant ingen kolonner med tall."))
    for column in value_columns:
        if column.year is None and "year" not in dimensions:
            problems.error(
                place(line, column.heading), _("Finner ikke året, verken i overskriften eller i en kolonne.")
            )
    if problems.error_count:
        return None
    return dimensions, value_columns


def _read_row(
    row: list[str],
    line: int,
    header: list[str],
    dimensions: dict[str, int],
    value_columns: list[ValueColumn],
    spec: TableSpec,
    cells: CellReader,
) -> None:
    """Check one row and add its values, grouped by dataset so each group is appended in one go."""

    def at(role: str) -> tuple[str, int, str]:
        index = dimensions[role]
        return row[index], line, header[index]

    region = cells.region(*at("region"), len(value_columns))
    age = cells.age(*at("age"))
    sex = cells.sex(*at("sex")) if "sex" in dimensions else None
    year = cells.year(*at("year")) if "year" in dimensions else None
    alternative = cells.alternative(*at("alternative"), spec) if "alternative" in dimensions else None
    groups: dict[str, tuple[list[tuple[int, str]], list[int]]] = {}
    for column in value_columns:
        value = cells.count(row[column.index], line, column.heading)
        row_year = column.year or year
        if value is None or row_year is None:
            continue
        keys, values = groups.setdefault(column.alternative or alternative or "", ([], []))
        keys.append((row_year, column.sex or sex or "T"))
        values.append(value)
    if region is None or age is None:
        return
    for group_alternative, (keys, values) in groups.items():
        columns = cells.buffer.columns(spec, group_alternative)
        if columns is not None:
            columns.extend(region, age[0], age[1], keys, values)
