"""The SSB tables the importer understands, and how projection alternatives are named in them.

SSB names an alternative by a four-letter code (fertility, life expectancy,
internal migration, immigration: MMMM is the main alternative). Files carry it
in a label such as "Hovedalternativet (MMMM)", as a ContentsCode, or not at all
(ContentsCode "Personer1" in the 14288 query SSB documents), so we look in that order.
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from innoplatform.municipalities.models import PopulationDataset

from .values import shown


@dataclass(frozen=True)
class TableSpec:
    """What we need to know about one SSB table to import and fetch it."""

    id: str
    kind: str
    base_year: int | None
    region_codelist: str = ""
    region_prefix: str = ""

    @property
    def is_projection(self) -> bool:
        return self.kind == PopulationDataset.Kind.PROJECTED


TABLES: dict[str, TableSpec] = {
    spec.id: spec
    for spec in (
        TableSpec("07459", PopulationDataset.Kind.OBSERVED, None, "agg_KommSummer", "K-"),
        TableSpec("13600", PopulationDataset.Kind.PROJECTED, 2022),
        TableSpec("14288", PopulationDataset.Kind.PROJECTED, 2024),
        TableSpec("14746", PopulationDataset.Kind.PROJECTED, 2026),
    )
}

MAIN_ALTERNATIVE = "MMMM"

_CODE_IN_LABEL = re.compile(r"\(([A-Z0]{4})\)")
_BARE_CODE = re.compile(r"^[A-Z0]{4}$")
_TABLE_IN_TITLE = re.compile(r"^\s*(\d{5})\s*:")

# SSB's own 14288 query example uses these ContentsCodes for the three published alternatives.
_CONTENTS_CODES = {"personer": "MMMM", "personer1": "LLML", "personer2": "HHMH"}
_ALTERNATIVE_NAMES = {
    "hovedalternativet": "MMMM",
    "hovedalternativ": "MMMM",
    "main alternative": "MMMM",
    "lav nasjonal vekst": "LLML",
    "low national growth": "LLML",
    "høy nasjonal vekst": "HHMH",
    "high national growth": "HHMH",
}


def table_spec(table_id: str) -> TableSpec:
    """Return the spec of a table we know, or raise ValueError naming the known ones."""
    try:
        return TABLES[table_id.strip()]
    except KeyError:
        raise ValueError(
            _("Ukjent SSB-tabell «%(table)s». Kjente tabeller: %(known)s.")
            % {"table": shown(table_id), "known": ", ".join(TABLES)}
        ) from None


def table_in_title(title: str) -> str | None:
    """The table number from a title such as "07459: Befolkning, etter region …"."""
    match = _TABLE_IN_TITLE.match(title)
    return match.group(1) if match else None


def resolve_alternative(code: str, label: str, table: TableSpec) -> str:
    """Return the four-letter alternative of a projection; "" for observed tables.

    Raises ValueError when a projection's alternative cannot be told.
    """
    if not table.is_projection:
        return ""
    for text in (label, code):
        match = _CODE_IN_LABEL.search(text)
        if match:
            return match.group(1)
    for text in (code.strip(), label.strip()):
        if _BARE_CODE.match(text):
            return text
    for text in (label, code):
        if (name := text.strip().lower()) in _ALTERNATIVE_NAMES:
            return _ALTERNATIVE_NAMES[name]
    for text in (code, label):
        if (name := text.strip().lower()) in _CONTENTS_CODES:
            return _CONTENTS_CODES[name]
    raise ValueError(_("Ukjent framskrivingsalternativ «%(value)s».") % {"value": shown(label or code)})


def normalise_alternative(code: str) -> str:
    """Validate a user-given alternative code such as "mmmm"."""
    code = code.strip().upper()
    if not _BARE_CODE.match(code):
        raise ValueError(
            _("Ugyldig framskrivingsalternativ «%(value)s»: bruk fire bokstaver, for eksempel MMMM.")
            % {"value": shown(code)}
        )
    return code
