"""Import organisations from Enhetsregisteret's open data: validate the whole file, then write all or nothing.

Two formats, told apart by their first character: the JSON of the register's
``enheter`` endpoint (``{"_embedded": {"enheter": [...]}}``, or a plain list of
the same units) and the bulk CSV download (semicolon or comma separated, headers
as in the download: "Organisasjonsnummer", "Navn", "Organisasjonsform.kode",
"Forretningsadresse.kommunenummer", "Hjemmeside", "Næringskode 1",
"Institusjonell sektorkode"; the API's own dotted names work too).

Organisations are created or updated by organisation number. The sector comes
from the organisational form, the institutional sector code and the industry
code (`sector_for`; docs/organisations.md explains the rules). Every problem in
the file is reported with the unit's number and field, and nothing is written
while any remains. An import is an editor's act from the official register, so
new organisations are verified; an update keeps what description, logo, e-mail
domains and members the organisation has.
"""

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone

from innoplatform.core.imports import ImportFileError
from innoplatform.core.vocabularies import Sector
from innoplatform.municipalities.models import Kommune

from .models import Organisation
from .registration import unique_slug
from .validators import orgnr_is_valid

MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_NAME_LENGTH = 200
WEBSITE = URLValidator(schemes=["http", "https"])

STATE_FORMS = {"STAT", "ORGL", "SF"}
VOLUNTARY_FORMS = {"FLI", "STI"}
VOLUNTARY_SECTOR_CODE = "7000"
RESEARCH_INDUSTRY_PREFIXES = ("72", "85.4")
"""Næringskode 72 (forskning og utviklingsarbeid) and 85.4 (høyere utdanning)."""

LOWER_CASE_WORDS = {"i", "og", "for", "på", "av", "til", "med", "kommune", "fylkeskommune", "kommunes"}
UPPER_CASE_WORDS = {"AS", "ASA", "SA", "BA", "DA", "ANS", "NUF", "IKS", "KF", "HF", "RHF", "FKF", "NAV", "SINTEF"}

# Each field of a unit, with the names it has in the CSV download and in the API's JSON (flattened with dots).
COLUMNS = {
    "orgnr": ("organisasjonsnummer",),
    "name": ("navn",),
    "form": ("organisasjonsform.kode", "organisasjonsform"),
    "business_kommune": ("forretningsadresse.kommunenummer",),
    "postal_kommune": ("postadresse.kommunenummer",),
    "website": ("hjemmeside",),
    "industry": ("næringskode 1", "naeringskode1.kode", "næringskode 1.kode", "naeringskode1"),
    "sector_code": (
        "institusjonell sektorkode",
        "institusjonellsektorkode.kode",
        "institusjonell sektorkode.kode",
        "institusjonellsektorkode",
    ),
}
FIELD_NAMES = {
    "orgnr": "organisasjonsnummer",
    "name": "navn",
    "form": "organisasjonsform.kode",
    "kommune": "forretningsadresse.kommunenummer",
    "website": "hjemmeside",
}


class OrganisationImportError(ImportFileError):
    """The file has problems, each numbered by its unit («Enhet 3») or, for CSV, its line."""

    label = "Enhet"


@dataclass
class ImportResult:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Unit:
    """One unit of the register as read, before it is checked."""

    number: int
    values: dict[str, str]


@dataclass(frozen=True)
class Checked:
    orgnr: str
    name: str
    sector: str
    kommune: Kommune | None
    website: str


def sector_for(form: str, sector_code: str = "", industry: str = "") -> str:
    """The platform's sector for a unit of the register, by these rules in this order:

    KOMM → kommune; FYLK → fylkeskommune; næringskode 72 (research) or 85.4 (higher
    education) → fou, before the form, since universities are ORGL and research
    institutes often STI; STAT, ORGL, SF → stat; FLI, STI or institutional sector
    code 7000 (ideelle organisasjoner) → frivillig; everything else → næringsliv.
    """
    form, sector_code, industry = form.strip().upper(), sector_code.strip(), industry.strip()
    if form == "KOMM":
        return Sector.KOMMUNE
    if form == "FYLK":
        return Sector.FYLKESKOMMUNE
    if industry.startswith(RESEARCH_INDUSTRY_PREFIXES):
        return Sector.FOU
    if form in STATE_FORMS:
        return Sector.STAT
    if form in VOLUNTARY_FORMS or sector_code == VOLUNTARY_SECTOR_CODE:
        return Sector.FRIVILLIG
    return Sector.NAERINGSLIV


def readable_name(name: str) -> str:
    """The register writes names in capitals ("SKIEN KOMMUNE"); show them as people write them ("Skien kommune").

    A name that already has small letters is kept as it is.
    """
    name = " ".join(name.split())
    if any(character.islower() for character in name):
        return name
    words = []
    for position, word in enumerate(name.split(" ")):
        if word in UPPER_CASE_WORDS:
            words.append(word)
        elif position and word.lower() in LOWER_CASE_WORDS:
            words.append(word.lower())
        else:
            words.append("-".join(part.capitalize() for part in word.split("-")))
    return " ".join(words)


def _flatten(value, prefix: str = "") -> dict[str, str]:
    """A JSON unit as the CSV has it: nested objects become dotted names, all in lower case."""
    flat: dict[str, str] = {}
    if isinstance(value, dict):
        for key, inner in value.items():
            flat.update(_flatten(inner, f"{prefix}{str(key).lower()}."))
    elif value is not None and not isinstance(value, list):
        flat[prefix.rstrip(".")] = str(value)
    return flat


def _pick(values: dict[str, str], key: str) -> str:
    for column in COLUMNS[key]:
        if values.get(column, "").strip():
            return values[column].strip()
    return ""


def read_units(text: str) -> tuple[list[Unit], str]:
    """The units of a JSON or CSV file, numbered as a person finds them, and what a number counts ("Enhet", "Linje")."""
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped[:1] in ("{", "["):
        return _json_units(stripped), "Enhet"
    return _csv_units(stripped), "Linje"


def _json_units(text: str) -> list[Unit]:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise OrganisationImportError(
            [(None, f"Filen er ikke gyldig JSON (linje {error.lineno}, kolonne {error.colno}).")]
        ) from error
    if isinstance(document, dict):
        embedded = document.get("_embedded")
        units = embedded.get("enheter") if isinstance(embedded, dict) else None
        if units is None and "_embedded" not in document and "page" in document:
            units = []  # a search with no hits has no "_embedded"
    else:
        units = document
    if not isinstance(units, list):
        raise OrganisationImportError(
            [(None, 'Fant ingen enheter. Filen må være en liste eller ha enhetene under "_embedded" → "enheter".')]
        )
    result, errors = [], []
    for number, unit in enumerate(units, start=1):
        if isinstance(unit, dict):
            result.append(Unit(number, _flatten(unit)))
        else:
            errors.append((number, "enheten er ikke et JSON-objekt."))
    if errors:
        raise OrganisationImportError(errors)
    return result


def _csv_units(text: str) -> list[Unit]:
    header_line = text.split("\n", 1)[0]
    delimiter = ";" if header_line.count(";") >= header_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [column.strip().lower() for column in next(reader)]
    except StopIteration:
        raise OrganisationImportError([(None, "Filen er tom.")]) from None
    known = {column for columns in COLUMNS.values() for column in columns}
    if "organisasjonsnummer" not in header or not known & set(header) - {"organisasjonsnummer"}:
        raise OrganisationImportError(
            [
                (
                    None,
                    "Fant ikke kolonnene fra Enhetsregisteret (for eksempel «Organisasjonsnummer» og «Navn») i første linje.",
                )
            ]
        )
    units, errors = [], []
    try:
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            if len(row) > len(header):
                errors.append((reader.line_num, f"{len(row)} felt, men overskriften har {len(header)}."))
            else:
                units.append(Unit(reader.line_num, dict(zip(header, row, strict=False))))
    except csv.Error as error:
        errors.append((reader.line_num, f"kan ikke leses som CSV: {error}."))
    if errors:
        raise OrganisationImportError(errors, "Linje")
    return units


def check_units(units: list[Unit], unit_label: str) -> list[Checked]:
    """Every unit checked; raises with all the problems found, each with its unit's number and field."""
    kommuner = {kommune.number: kommune for kommune in Kommune.objects.all()}
    errors: list[tuple[int | None, str]] = []
    checked: list[Checked] = []
    seen: dict[str, int] = {}
    for unit in units:
        problems: list[str] = []
        values = unit.values
        orgnr = "".join(_pick(values, "orgnr").split())
        name = readable_name(_pick(values, "name"))
        form = _pick(values, "form")
        kommune_number = _pick(values, "business_kommune") or _pick(values, "postal_kommune")
        website = _pick(values, "website")
        if not orgnr:
            problems.append(f"{FIELD_NAMES['orgnr']} mangler.")
        elif not orgnr_is_valid(orgnr):
            problems.append(
                f"{FIELD_NAMES['orgnr']} «{orgnr[:20]}» er ikke et gyldig organisasjonsnummer "
                "(ni sifre med kontrollsiffer etter modulus 11)."
            )
        elif orgnr in seen:
            problems.append(f"{FIELD_NAMES['orgnr']} {orgnr} står også i {unit_label.lower()} {seen[orgnr]}.")
        else:
            seen[orgnr] = unit.number
        if not name:
            problems.append(f"{FIELD_NAMES['name']} mangler.")
        elif len(name) > MAX_NAME_LENGTH:
            problems.append(f"{FIELD_NAMES['name']} er lengre enn {MAX_NAME_LENGTH} tegn.")
        if not form:
            problems.append(f"{FIELD_NAMES['form']} mangler.")
        sector = sector_for(form, _pick(values, "sector_code"), _pick(values, "industry"))
        kommune = None
        if kommune_number:
            kommune = kommuner.get(kommune_number.zfill(4) if kommune_number.isdigit() else kommune_number)
            if kommune is None:
                problems.append(f"{FIELD_NAMES['kommune']} «{kommune_number[:10]}» er ikke en kommune i registeret.")
        elif sector == Sector.KOMMUNE:
            problems.append(f"{FIELD_NAMES['kommune']} mangler; en kommune må ha kommunenummeret sitt.")
        if website:
            if "://" not in website:
                website = f"https://{website}"
            try:
                WEBSITE(website)
            except ValidationError:
                problems.append(f"{FIELD_NAMES['website']} «{website[:60]}» er ikke en nettadresse.")
        errors.extend((unit.number, problem) for problem in problems)
        if not problems:
            checked.append(Checked(orgnr=orgnr, name=name, sector=sector, kommune=kommune, website=website))
    if errors:
        raise OrganisationImportError(errors, unit_label)
    return checked


def write_units(checked: list[Checked]) -> ImportResult:
    """Create or update every organisation by number, in one transaction."""
    result = ImportResult()
    with transaction.atomic():
        existing = {
            organisation.orgnr: organisation
            for organisation in Organisation.objects.filter(orgnr__in=[unit.orgnr for unit in checked])
        }
        for unit in checked:
            organisation = existing.get(unit.orgnr)
            if organisation is None:
                Organisation.objects.create(
                    orgnr=unit.orgnr,
                    name=unit.name,
                    slug=unique_slug(unit.name),
                    sector=unit.sector,
                    kommune=unit.kommune,
                    website=unit.website,
                    verified=True,
                    verified_at=timezone.now(),
                )
                result.created.append(unit.orgnr)
                continue
            new = {"name": unit.name, "sector": unit.sector, "kommune": unit.kommune}
            if unit.website:
                new["website"] = unit.website
            if all(getattr(organisation, key) == value for key, value in new.items()):
                result.unchanged.append(unit.orgnr)
                continue
            for key, value in new.items():
                setattr(organisation, key, value)
            organisation.save()
            result.updated.append(unit.orgnr)
    return result


def import_organisation_file(path: Path) -> ImportResult:
    """Read, check and import one file; raises OrganisationImportError (nothing written) or OSError."""
    with open(path, "rb") as handle:
        data = handle.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise OrganisationImportError([(None, f"Filen er større enn {MAX_FILE_BYTES // (1024 * 1024)} MB.")])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise OrganisationImportError(
            [(None, f"Filen er ikke UTF-8 (byte {error.start}). Last den ned på nytt fra Enhetsregisteret.")]
        ) from error
    try:
        units, label = read_units(text)
    except RecursionError as error:
        raise OrganisationImportError([(None, "Filen er nestet for dypt til å være fra Enhetsregisteret.")]) from error
    return write_units(check_units(units, label))
