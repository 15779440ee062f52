"""Read KOSTRA table 13502 from SSB's exports: long CSV, StatBank's semicolon CSV (wide or long) and JSON-stat2.

Each reader adds (kommune, year, contents, share) values to a KostraBuffer and
notes every problem with its place, as the population readers do. A share is a
fraction (0.864); SSB writes percentages (86.4), which are divided by 100.
"""

import csv
import itertools
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from ..ssb.cells import place, row_fits_header
from ..ssb.figures import ProblemLog
from ..ssb.jsonstat import JsonStatError, categories, dataset_of, table_of
from ..ssb.tables import table_in_title
from ..ssb.values import MISSING_SYMBOLS, YEAR_IN_HEADING, parse_year, shown
from .regions import KostraRegions

TABLE = "13502"
MAX_PERCENT = 1000.0
"""KOSTRA shares can pass 100 % (children from other kommuner); far beyond is a typo."""


@dataclass(frozen=True)
class Contents:
    """A KOSTRA content code we can turn into a coverage rate."""

    code: str
    label: str
    ages: tuple[int, int]


CONTENTS = {
    "KOSandel150000": Contents("KOSandel150000", "barn 1–5 år i barnehage", (1, 5)),
    "KOSandel120000": Contents("KOSandel120000", "barn 1–2 år i barnehage", (1, 2)),
}
_CONTENT_PATTERNS = (
    (re.compile(r"1\s*[-–_]\s*2(\s*år|_aar|\b)", re.IGNORECASE), "KOSandel120000"),
    (re.compile(r"1\s*[-–_]\s*5(\s*år|_aar|\b)", re.IGNORECASE), "KOSandel150000"),
)


def contents_of(text: str) -> str | None:
    """The content code named by a code ("KOSandel120000") or a label ("Andel barn 1-2 år …")."""
    for code in CONTENTS:
        if code.lower() in text.lower():
            return code
    for pattern, code in _CONTENT_PATTERNS:
        if pattern.search(text):
            return code
    return None


@dataclass(frozen=True)
class KostraValue:
    kommune: str
    year: int
    contents: str
    share: float
    place: str


@dataclass
class KostraBuffer:
    regions: KostraRegions
    contents: str | None = None
    values: list[KostraValue] = field(default_factory=list)
    problems: ProblemLog = field(default_factory=ProblemLog)
    skipped: Counter = field(default_factory=Counter)
    seen: set[str] = field(default_factory=set)
    """Kommuner the sources name, with or without a value."""

    def add(self, region_text: str, label: str, year: int | None, contents: str | None, text, at: str, percent: bool):
        """Check one cell and keep it; `text` is the cell (str) or a JSON number."""
        region = self.regions.resolve(region_text, label)
        if region is None:
            self.problems.error(at, _("Ukjent region «%(region)s».") % {"region": shown(region_text)})
            return
        share = self._share(text, at, percent)
        if region.number is None:
            self.skipped[region.skipped] += 1
            return
        self.seen.add(region.number)
        contents = contents or self.contents
        if contents is None:
            self.problems.error(
                at, _("Finner ikke hva tallet måler; oppgi --contents (%(known)s).") % {"known": ", ".join(CONTENTS)}
            )
            return
        if share is not None and year is not None:
            self.values.append(KostraValue(region.number, year, contents, share, at))

    def _share(self, text, at: str, percent: bool) -> float | None:
        if text is None or (isinstance(text, str) and text.strip() in MISSING_SYMBOLS):
            self.problems.missing += 1
            return None
        try:
            value = (
                text
                if isinstance(text, int | float) and not isinstance(text, bool)
                else float(str(text).strip().replace(",", "."))
            )
        except ValueError:
            value = math.nan
        if not math.isfinite(value) or not 0 <= value <= (MAX_PERCENT if percent else MAX_PERCENT / 100):
            self.problems.error(at, _("«%(value)s» er ikke en mulig andel.") % {"value": shown(str(text))})
            return None
        return value / 100 if percent else value


def _roles(header: list[str]) -> dict[str, int]:
    names = {
        "region": ("region", "kommunenr", "kommunenummer", "kokkommuneregion0000", "kommune nr"),
        "label": ("kommune", "kommunenavn", "navn"),
        "year": ("aar", "år", "tid", "year"),
        "contents": ("statistikkvariabel", "contentscode", "contents", "statistical variable"),
        "value": ("value", "verdi", "andel"),
    }
    roles: dict[str, int] = {}
    for index, heading in enumerate(header):
        lowered = heading.lower()
        for role, options in names.items():
            if role not in roles and lowered in options:
                roles[role] = index
        if "value" not in roles and lowered.startswith("andel"):
            roles["value"] = index
    return roles


def parse_csv(lines: Iterable[str], buffer: KostraBuffer, *, source: str, delimiter: str) -> None:
    """A long file (one value per row) or StatBank's wide export (years in the column headings)."""
    problems = buffer.problems
    reader = csv.reader(lines, delimiter=delimiter)
    title_table = None
    for row in reader:
        if not any(cell.strip() for cell in row):
            continue
        if sum(1 for cell in row if cell.strip()) == 1 and len(row) <= 2:
            title_table = title_table or table_in_title(row[0].lstrip("\ufeff"))
            continue
        header = [cell.strip().lstrip("\ufeff") for cell in row]
        break
    else:
        problems.error(source, _("Filen er tom."))
        return
    if title_table and title_table != TABLE:
        problems.error(source, _("Filen er tabell %(found)s, ikke %(table)s.") % {"found": title_table, "table": TABLE})
        return
    roles = _roles(header)
    header_line = reader.line_num
    if "region" not in roles:
        problems.error(
            _("linje %(line)s") % {"line": header_line},
            _("Mangler kolonnen «%(column)s».") % {"column": "kommunenr/region"},
        )
        return
    percent = title_table is not None or any("prosent" in h.lower() or "percent" in h.lower() for h in header)
    if "year" in roles:
        _long(reader, header, roles, buffer, source, percent)
    else:
        _wide(reader, header, roles, buffer, source, header_line)


def _long(reader, header, roles, buffer: KostraBuffer, source: str, percent: bool) -> None:
    problems = buffer.problems
    if "value" not in roles:
        problems.error(source, _("Mangler en kolonne med andelen (for eksempel «andel» eller «value»)."))
        return
    heading_contents = contents_of(header[roles["value"]])
    rows = []
    for row in reader:
        if not any(cell.strip() for cell in row):
            continue
        if row_fits_header(problems, reader.line_num, row, header):
            rows.append((reader.line_num, row))
        if problems.full:
            return
    if not rows:
        problems.error(source, _("Filen har en overskrift, men ingen rader med tall."))
        return
    if not percent:
        # A file without "prosent" in its headings gives shares as fractions when none exceeds 1.5.
        numbers = []
        for _line, row in rows:
            try:
                numbers.append(float(row[roles["value"]].replace(",", ".")))
            except ValueError:
                continue
        percent = any(number > 1.5 for number in numbers if math.isfinite(number))
    for line, row in rows:
        year = _year(row[roles["year"]], line, header[roles["year"]], problems)
        contents = contents_of(row[roles["contents"]]) if "contents" in roles else heading_contents
        label = row[roles["label"]] if "label" in roles else ""
        at = place(line, header[roles["value"]])
        buffer.add(row[roles["region"]], label, year, contents, row[roles["value"]], at, percent)
        if problems.full:
            return


def _year(text: str, line: int, column: str, problems: ProblemLog) -> int | None:
    try:
        return parse_year(text)
    except ValueError as error:
        problems.error(place(line, column), str(error))
        return None


def _region_and_label(cell: str) -> tuple[str, str]:
    """ "3807 Skien" → ("3807", "Skien"); "EAK Landet" → ("EAK", "Landet")."""
    code, _space, label = cell.strip().partition(" ")
    return code, label


def _wide(reader, header, roles, buffer: KostraBuffer, source: str, header_line: int) -> None:
    problems = buffer.problems
    value_columns = []
    for index, heading in enumerate(header):
        if index in roles.values():
            continue
        match = YEAR_IN_HEADING.search(heading)
        if match is None:
            problems.error(place(header_line, heading), _("Finner ikke året i overskriften."))
            continue
        value_columns.append((index, heading, int(match.group(1)), contents_of(heading)))
    if not value_columns:
        problems.error(_("linje %(line)s") % {"line": header_line}, _("Fant ingen kolonner med tall."))
    if problems.error_count:
        return
    rows = 0
    for row in reader:
        if not any(cell.strip() for cell in row):
            continue
        rows += 1
        if not row_fits_header(problems, reader.line_num, row, header):
            continue
        code, label = _region_and_label(row[roles["region"]])
        row_contents = contents_of(row[roles["contents"]]) if "contents" in roles else None
        for index, heading, year, contents in value_columns:
            at = place(reader.line_num, heading)
            buffer.add(code, label, year, contents or row_contents, row[index], at, True)
        if problems.full:
            return
    if not rows:
        problems.error(source, _("Filen har en overskrift, men ingen rader med tall."))


def parse_jsonstat(document: Any, buffer: KostraBuffer, *, source: str) -> None:
    """A JSON-stat2 answer from PxWebApi for table 13502 (dimensions KOKkommuneregion0000, ContentsCode, Tid)."""
    problems = buffer.problems
    try:
        dataset = dataset_of(document)
    except JsonStatError as error:
        problems.error(source, str(error))
        return
    if (found := table_of(dataset)) and found != TABLE:
        problems.error(source, _("Filen er tabell %(found)s, ikke %(table)s.") % {"found": found, "table": TABLE})
        return
    ids, sizes, dimensions = [str(i) for i in dataset["id"]], dataset["size"], dataset["dimension"]
    if len(ids) != len(sizes) or any(i not in dimensions for i in ids):
        problems.error(source, _("«id», «size» og «dimension» stemmer ikke overens."))
        return
    roles = {}
    for position, dimension_id in enumerate(ids):
        lowered = dimension_id.lower()
        role = (
            "region"
            if "region" in lowered
            else "contents"
            if lowered == "contentscode"
            else "year"
            if lowered in ("tid", "time", "år")
            else None
        )
        if role is None and sizes[position] > 1:
            problems.error(source, _("Ukjent dimensjon «%(dim)s».") % {"dim": shown(dimension_id)})
            return
        if role:
            roles[role] = position
    for role, label in (("region", "KOKkommuneregion0000"), ("year", "Tid")):
        if role not in roles:
            problems.error(source, _("Mangler dimensjonen «%(dim)s».") % {"dim": label})
    if problems.error_count:
        return
    cats = [categories(dimensions[i]) for i in ids]
    if any(len(c) != s for c, s in zip(cats, sizes, strict=True)):
        problems.error(source, _("Antall kategorier stemmer ikke med «size»."))
        return
    total = math.prod(sizes)
    raw = dataset["value"]
    values = [raw.get(str(i)) for i in range(total)] if isinstance(raw, dict) and total <= 10_000_000 else raw
    if not isinstance(values, list) or len(values) != total or not total:
        problems.error(source, _("«value» har feil antall verdier."))
        return
    years = [None] * sizes[roles["year"]]
    for index, (code, _label) in enumerate(cats[roles["year"]]):
        years[index] = _year(code, 0, f"{source}, Tid «{shown(code)}»", problems)
    for cell, (combo, value) in enumerate(zip(itertools.product(*(range(s) for s in sizes)), values, strict=True)):
        code, label = cats[roles["region"]][combo[roles["region"]]]
        contents = contents_of(cats[roles["contents"]][combo[roles["contents"]]][0]) if "contents" in roles else None
        at = _("%(source)s, value[%(cell)s]") % {"source": source, "cell": cell}
        buffer.add(code, label, years[combo[roles["year"]]], contents, value, at, True)
        if problems.full:
            return
