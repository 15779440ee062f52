"""Import historical grants from CSV: validate the whole file, then write everything or nothing.

One row per grant, under a header row naming the columns (docs/funding-import.md).
A grant is keyed by year, office, lead kommune and title, so importing a file
again updates the same grants; a row that would change nothing is not written.
Imported grants are applications without a call, public and closed from the start,
each with its allocation and its partners. A partner is linked to the registry's
organisation when exactly one organisation has that name.

Columns the file leaves out (of the optional ones) leave what a grant has as it is;
a column that is there but empty clears it.
"""

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from innoplatform.core.imports import ImportFileError, max_length, number_text
from innoplatform.core.textfiles import TextFileError, read_text_file
from innoplatform.core.vocabularies import Challenge, Phase, ServiceArea, describe_valid_codes
from innoplatform.municipalities.models import Kommune
from innoplatform.organisations.models import Organisation
from search.sync import object_changed

from .models import Allocation, Application, ApplicationCode, ApplicationPartner
from .offices import OFFICE_FYLKER, Office

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_ROWS = 5_000
MAX_FIELD_CHARS = 20_000  # longer than any column holds, short enough to bound a hostile file
MAX_CO_KOMMUNER = 50
MAX_PARTNERS = 50
MAX_AMOUNT_NOK = 100_000_000  # the whole national frame of the 2013 strategy; a larger grant is a typing error
FIRST_YEAR = 2000
NAME_BATCH = 500

REQUIRED_COLUMNS = ("year", "office", "kommune", "co_kommuner", "title", "partners", "amount_nok")
OPTIONAL_COLUMNS = ("summary", "tjenesteomrader", "utfordringer", "fase")
COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS
CODE_COLUMNS = {
    "tjenesteomrader": (ApplicationCode.Dimension.SERVICE_AREA, ServiceArea),
    "utfordringer": (ApplicationCode.Dimension.CHALLENGE, Challenge),
}

TITLE_MAX = max_length(Application, "title")
SUMMARY_MAX = Application._meta.get_field("summary").max_length
PARTNER_MAX = max_length(ApplicationPartner, "name")

KOMMUNE_NUMBER = re.compile(r"^\d{4}$")
YEAR = re.compile(r"^\d{4}$")
SEPARATORS = " \u00a0\u2009\u202f"
"""Thousands separators an amount may have: space, no-break space, thin space and narrow no-break space."""
AMOUNT = re.compile(rf"^(?:\d+|\d{{1,3}}(?:[{SEPARATORS}]\d{{3}})+)$")


class GrantImportError(ImportFileError):
    """The file has problems, each with its line number."""


@dataclass(frozen=True)
class GrantRow:
    """One checked row: what the file says about one grant, in the shape the writer needs."""

    line: int
    year: int
    office: str
    kommune: str
    co_kommuner: tuple[str, ...]
    title: str
    partners: tuple[str, ...]
    amount_nok: int
    optional: dict = field(default_factory=dict)
    """The optional columns the file has: summary (text), fase (code), tjenesteomrader and utfordringer (codes)."""

    @property
    def key(self) -> tuple[int, str, str, str]:
        return (self.year, self.office, self.kommune, self.title)


@dataclass
class ImportResult:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


def _shown(value: str) -> str:
    """A value from the file as a message quotes it, cut short so that the message stays readable."""
    return f"«{value}»" if len(value) <= 60 else f"«{value[:59]}…»"


def _listed(values: list[str]) -> str:
    shown = ", ".join(_shown(value) for value in values[:10])
    return shown if len(values) <= 10 else f"{shown} og {len(values) - 10} til"


def check_header(header: list[str]) -> list[str]:
    """Every column required, none unknown or repeated; the problems, naming the valid columns."""
    names = [name.strip() for name in header]
    if len(names) == 1 and ";" in names[0]:
        return [
            "overskriftsraden er skilt med semikolon, men filen må bruke komma mellom kolonnene "
            "(i Excel: lagre som «CSV UTF-8 (kommadelt)»)"
        ]
    problems = []
    if missing := [name for name in REQUIRED_COLUMNS if name not in names]:
        problems.append(f"mangler {'kolonnen' if len(missing) == 1 else 'kolonnene'} {_listed(missing)}")
    if unknown := [name for name in names if name not in COLUMNS]:
        problems.append(
            f"{'ukjent kolonne' if len(unknown) == 1 else 'ukjente kolonner'} {_listed(unknown)} "
            f"(påkrevde: {', '.join(REQUIRED_COLUMNS)}; valgfrie: {', '.join(OPTIONAL_COLUMNS)})"
        )
    if repeated := sorted({name for name in names if names.count(name) > 1}):
        problems.append(f"{'kolonnen' if len(repeated) == 1 else 'kolonnene'} {_listed(repeated)} står mer enn én gang")
    return problems


@dataclass
class Registry:
    """What the rows are checked against: the kommuner by number, with the number of their fylke."""

    fylke_of: dict[str, str]

    @classmethod
    def load(cls) -> "Registry":
        return cls(fylke_of=dict(Kommune.objects.values_list("number", "fylke__number")))


def _check_year(value: str, this_year: int) -> tuple[int | None, list[str]]:
    if not YEAR.match(value):
        return None, [f"«year» må være et årstall med fire sifre, som «{this_year - 1}»; fikk {_shown(value)}"]
    year = int(value)
    if not FIRST_YEAR <= year <= this_year:
        return None, [
            f"«year» {year} er utenfor {FIRST_YEAR}–{this_year}; en historisk tildeling er fra et år som har vært"
        ]
    return year, []


def _check_amount(value: str) -> tuple[int | None, list[str]]:
    if not AMOUNT.match(value):
        return None, [
            f"«amount_nok» må være et helt antall kroner, som «450000» eller «450 000», uten «kr», komma eller punktum; "
            f"fikk {_shown(value)}"
        ]
    amount = int(re.sub(f"[{SEPARATORS}]", "", value))
    if amount <= 0:
        return None, [f"«amount_nok» må være større enn 0; fikk {_shown(value)}"]
    if amount > MAX_AMOUNT_NOK:
        return None, [f"«amount_nok» {number_text(amount)} er mer enn {number_text(MAX_AMOUNT_NOK)} kroner"]
    return amount, []


def _check_kommuner(kommune: str, co_kommuner: list[str], office: str | None, registry: Registry) -> list[str]:
    problems = []
    if not KOMMUNE_NUMBER.match(kommune):
        problems.append(f"«kommune» må være et kommunenummer med fire sifre, som «3401»; fikk {_shown(kommune)}")
    elif kommune not in registry.fylke_of:
        problems.append(f"«kommune» {kommune} finnes ikke i kommuneregisteret (bruk kommunenummer fra 2024)")
    elif office is not None and registry.fylke_of[kommune] not in OFFICE_FYLKER[office]:
        problems.append(
            f"«kommune» {kommune} ligger ikke i fylkene til «{office}» ({', '.join(OFFICE_FYLKER[office])})"
        )
    if len(co_kommuner) > MAX_CO_KOMMUNER:
        return [*problems, f"«co_kommuner» har {len(co_kommuner)} kommuner; høyst {MAX_CO_KOMMUNER} er tillatt"]
    if malformed := [number for number in co_kommuner if not KOMMUNE_NUMBER.match(number)]:
        problems.append(
            f"«co_kommuner» må være firesifrede kommunenummer skilt med mellomrom; fikk {_listed(malformed)}"
        )
    if unknown := [n for n in co_kommuner if KOMMUNE_NUMBER.match(n) and n not in registry.fylke_of]:
        problems.append(
            f"«co_kommuner»: {_listed(unknown)} finnes ikke i kommuneregisteret (bruk kommunenummer fra 2024)"
        )
    if kommune in co_kommuner:
        problems.append(f"«co_kommuner» har med søkerkommunen {kommune}; den står i «kommune»")
    if repeated := sorted({n for n in co_kommuner if co_kommuner.count(n) > 1}):
        problems.append(f"«co_kommuner» har {_listed(repeated)} mer enn én gang")
    return problems


def _check_partners(partners: list[str]) -> list[str]:
    if len(partners) > MAX_PARTNERS:
        return [f"«partners» har {len(partners)} navn; høyst {MAX_PARTNERS} er tillatt"]
    problems = [
        f"«partners»: navnet {_shown(name)} er for langt ({number_text(len(name))} tegn; høyst {PARTNER_MAX})"
        for name in partners
        if len(name) > PARTNER_MAX
    ]
    if repeated := sorted({name for name in partners if partners.count(name) > 1}):
        problems.append(f"«partners» har {_listed(repeated)} mer enn én gang")
    return problems


def _check_title(title: str) -> list[str]:
    if not title:
        return ["«title» er tom"]
    if len(title) > TITLE_MAX:
        return [f"«title» er for lang ({number_text(len(title))} tegn; høyst {TITLE_MAX})"]
    return []


def _check_optional(values: dict[str, str]) -> tuple[dict, list[str]]:
    optional: dict = {}
    problems = []
    if "summary" in values:
        optional["summary"] = values["summary"]
        if len(values["summary"]) > SUMMARY_MAX:
            problems.append(
                f"«summary» er for lang ({number_text(len(values['summary']))} tegn; høyst {number_text(SUMMARY_MAX)})"
            )
    if "fase" in values:
        optional["fase"] = values["fase"]
        if values["fase"] and values["fase"] not in Phase.values:
            problems.append(f"ukjent «fase» {_shown(values['fase'])} (gyldige: {describe_valid_codes(Phase)})")
    for column, (_dimension, vocabulary) in CODE_COLUMNS.items():
        if column in values:
            codes = list(dict.fromkeys(values[column].split()))
            optional[column] = tuple(codes)
            if unknown := [code for code in codes if code not in vocabulary.values]:
                problems.append(
                    f"ukjent kode i «{column}»: {_listed(unknown)} (gyldige: {describe_valid_codes(vocabulary)})"
                )
    return optional, problems


def check_row(
    values: dict[str, str], line: int, registry: Registry, this_year: int
) -> tuple[GrantRow | None, list[str]]:
    """One row's values by column → the checked row, or None and every problem with it, each naming its field."""
    values = {name: value.strip() for name, value in values.items()}
    year, problems = _check_year(values["year"], this_year)
    office = values["office"]
    if office not in Office.values:
        problems.append(f"ukjent «office» {_shown(office)} (gyldige: {describe_valid_codes(Office)})")
    co_kommuner = values["co_kommuner"].split()
    problems += _check_kommuner(values["kommune"], co_kommuner, office if office in Office.values else None, registry)
    problems += _check_title(values["title"])
    partners = [name.strip() for name in values["partners"].split(";") if name.strip()]
    problems += _check_partners(partners)
    amount, amount_problems = _check_amount(values["amount_nok"])
    problems += amount_problems
    optional, optional_problems = _check_optional({k: v for k, v in values.items() if k in OPTIONAL_COLUMNS})
    problems += optional_problems
    if problems:
        return None, problems
    row = GrantRow(
        line=line,
        year=year,
        office=office,
        kommune=values["kommune"],
        co_kommuner=tuple(co_kommuner),
        title=values["title"],
        partners=tuple(partners),
        amount_nok=amount,
        optional=optional,
    )
    return row, []


def _records(text: str) -> Iterable[tuple[int, list[str] | None]]:
    """(first line, fields) of every CSV record that is not blank, a quoted field spanning lines if it must;
    where the CSV breaks, (that line, None) and no more."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    last = 0
    try:
        for fields in reader:
            first, last = last + 1, reader.line_num
            if any(value.strip() for value in fields):
                yield first, fields
    except csv.Error:
        yield reader.line_num, None


BROKEN_CSV = (
    "ugyldig CSV: et anførselstegn er ikke lukket, står midt i et felt, eller feltet er altfor langt "
    '(et felt i anførselstegn må slutte med " rett før komma eller linjeskift, og " inne i feltet skrives "")'
)


def parse_csv(text: str, *, today=None) -> list[GrantRow]:
    """Parse and check the whole file; raise GrantImportError listing every bad row, or return the rows."""
    this_year = (today or timezone.localdate()).year
    registry = Registry.load()
    rows: list[GrantRow] = []
    errors: list[tuple[int | None, str]] = []
    seen: dict[tuple, int] = {}
    header: list[str] | None = None
    count = 0
    for line, fields in _records(text.removeprefix("\ufeff")):
        if fields is None:
            errors.append((line, BROKEN_CSV))
            break
        if header is None:
            if problems := check_header(fields):
                raise GrantImportError([(line, problem) for problem in problems])
            header = [name.strip() for name in fields]
            continue
        count += 1
        if count > MAX_ROWS:
            raise GrantImportError([(None, f"Filen har mer enn {number_text(MAX_ROWS)} tildelinger; del den opp.")])
        if len(fields) != len(header):
            errors.append((line, f"raden har {len(fields)} felt, men overskriftsraden har {len(header)}"))
            continue
        if too_long := [name for name, value in zip(header, fields, strict=True) if len(value) > MAX_FIELD_CHARS]:
            errors.append((line, f"«{too_long[0]}» er lengre enn {number_text(MAX_FIELD_CHARS)} tegn"))
            continue
        row, problems = check_row(dict(zip(header, fields, strict=True)), line, registry, this_year)
        if row is None:
            errors += [(line, problem) for problem in problems]
            continue
        if row.key in seen:
            errors.append((line, f"samme «year», «office», «kommune» og «title» som linje {seen[row.key]}"))
            continue
        seen[row.key] = line
        rows.append(row)
    if header is None:
        errors.append((None, "Filen har ingen overskriftsrad og ingen tildelinger."))
    elif not rows and not errors:
        errors.append((None, "Filen har bare overskriftsraden og ingen tildelinger."))
    if errors:
        raise GrantImportError(sorted(errors, key=lambda error: error[0] or 0))
    return rows


# Writing


def _partner_organisations(names: set[str]) -> dict[str, Organisation]:
    """The registry's organisation for each name that exactly one organisation has (in batches, so that a file
    of many names stays within the database's limit on query parameters)."""
    found = {}
    names = sorted(names)
    for start in range(0, len(names), NAME_BATCH):
        batch = names[start : start + NAME_BATCH]
        unique = (
            Organisation.objects.filter(name__in=batch)
            .values("name")
            .annotate(n=Count("pk"))
            .filter(n=1)
            .values("name")
        )
        found.update({organisation.name: organisation for organisation in Organisation.objects.filter(name__in=unique)})
    return found


def _stored_signature(application: Application) -> tuple:
    """What an import sets on a saved grant, read from the grant (relations prefetched)."""
    allocation = getattr(application, "allocation", None)
    codes = {(code.dimension, code.code) for code in application.codes.all()}
    return (
        application.summary,
        application.phase,
        application.status,
        allocation.amount_nok if allocation else None,
        tuple(sorted(kommune.number for kommune in application.co_kommuner.all())),
        tuple((p.name, p.organisation_id) for p in application.partners.all()),
        frozenset(codes),
    )


def _row_signature(row: GrantRow, application: Application, organisations: dict[str, Organisation]) -> tuple:
    """The same as `_stored_signature`, for the grant as this row would leave it."""
    codes = {(code.dimension, code.code) for code in application.codes.all()}
    for column, (dimension, _vocabulary) in CODE_COLUMNS.items():
        if column in row.optional:
            codes = {c for c in codes if c[0] != dimension} | {(dimension, code) for code in row.optional[column]}
    return (
        row.optional.get("summary", application.summary),
        row.optional.get("fase", application.phase),
        Application.Status.CLOSED,
        row.amount_nok,
        tuple(sorted(row.co_kommuner)),
        tuple((name, organisations[name].pk if name in organisations else None) for name in row.partners),
        frozenset(codes),
    )


def _reason(row: GrantRow) -> str:
    return f"Historisk tildeling fra {Office(row.office).label} for {row.year}, importert fra embetets oversikt."


def _write_grant(
    row: GrantRow, application: Application, kommuner: dict[str, Kommune], organisations: dict[str, Organisation]
) -> None:
    application.status = Application.Status.CLOSED
    if "summary" in row.optional:
        application.summary = row.optional["summary"]
    if "fase" in row.optional:
        application.phase = row.optional["fase"]
    application.save()
    application.co_kommuner.set([kommuner[number] for number in row.co_kommuner])
    Allocation.objects.update_or_create(
        application=application,
        defaults={"amount_nok": row.amount_nok, "reason": _reason(row)},
        create_defaults={
            "amount_nok": row.amount_nok,
            "reason": _reason(row),
            # The file gives the year only: the decision is dated to its first day.
            "decided_at": timezone.make_aware(datetime(row.year, 1, 1, 12)),
        },
    )
    application.partners.all().delete()
    ApplicationPartner.objects.bulk_create(
        ApplicationPartner(application=application, name=name, organisation=organisations.get(name), sort_order=n)
        for n, name in enumerate(row.partners)
    )
    for column, (dimension, _vocabulary) in CODE_COLUMNS.items():
        if column in row.optional:
            application.codes.filter(dimension=dimension).delete()
            ApplicationCode.objects.bulk_create(
                ApplicationCode(application=application, dimension=dimension, code=code)
                for code in row.optional[column]
            )
    object_changed(application)


def write_grants(rows: list[GrantRow]) -> ImportResult:
    """Create or update one imported grant per row, in one transaction; unchanged grants are not written."""
    result = ImportResult()
    numbers = {row.kommune for row in rows} | {number for row in rows for number in row.co_kommuner}
    kommuner = Kommune.objects.in_bulk(numbers, field_name="number")
    organisations = _partner_organisations({name for row in rows for name in row.partners})
    with transaction.atomic():
        existing = {
            (a.year, a.office, a.lead_kommune.number, a.title): a
            for a in Application.objects.filter(imported=True, title__in={row.title for row in rows})
            .select_related("lead_kommune", "allocation")
            .prefetch_related("co_kommuner", "partners", "codes")
        }
        for row in rows:
            application = existing.get(row.key)
            if application is None:
                application = Application(
                    imported=True,
                    call=None,
                    year=row.year,
                    office=row.office,
                    lead_kommune=kommuner[row.kommune],
                    title=row.title,
                )
                _write_grant(row, application, kommuner, organisations)
                result.created.append(row.title)
            elif _stored_signature(application) == _row_signature(row, application, organisations):
                result.unchanged.append(row.title)
            else:
                _write_grant(row, application, kommuner, organisations)
                result.updated.append(row.title)
    return result


def import_grants(text: str, *, today=None) -> ImportResult:
    """Check the whole file first; only a clean file is written."""
    return write_grants(parse_csv(text, today=today))


def import_grant_file(path: Path) -> ImportResult:
    """Import a file that must be UTF-8 (a byte-order mark is fine) and at most MAX_FILE_BYTES; OSError passes through."""
    try:
        text = read_text_file(path, max_bytes=MAX_FILE_BYTES)
    except TextFileError as error:
        raise GrantImportError([(error.line, error.message)]) from error
    return import_grants(text)
