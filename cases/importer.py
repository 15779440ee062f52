"""Import cases from JSON Lines: validate the whole file, then write everything or nothing.

One JSON object per line; `slug` is the key, so re-importing a file updates the
same cases. The format and its limits are documented in docs/cases.md. The limits
bound the time a bad or hostile file can take, and keep every field inside what
its database column holds, so that each problem is reported with its line and
field before anything is written.
"""

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from taggit.models import Tag

from django.db import transaction

from innoplatform.core.imports import ImportFileError, check_line, max_length, number_text
from innoplatform.core.sanitizer import sanitize_html
from innoplatform.core.textfiles import TextFileError, read_text_file
from innoplatform.core.vocabularies import Challenge, Phase, Sector, ServiceArea, describe_valid_codes
from innoplatform.municipalities.models import Kommune

from .models import CaseFunding, CaseIndexPage, CasePage, CasePartner, CaseResultFigure, CaseStatus, Dimension

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_CASES = 1_000
MAX_LINE_CHARS = 1_000_000
MAX_NESTING = 10  # a valid line nests four deep: line → results → figures → figure
MAX_MUNICIPALITIES = 400  # more than there are kommuner
MAX_LIST_ITEMS = 50  # every other list: codes, tags, partners, result figures, funding
MAX_AMOUNT_NOK = 2**63 - 1  # the largest PositiveBigIntegerField value on every database

TEXT_LIMITS = {
    "slug": max_length(CasePage, "slug"),
    "title": max_length(CasePage, "title"),
    "summary": max_length(CasePage, "introduction"),
    "tag": max_length(Tag, "name"),
    "partner_name": max_length(CasePartner, "name"),
    "unit": max_length(CaseResultFigure, "unit"),
    "label": max_length(CaseResultFigure, "label"),
    "source": max_length(CaseFunding, "source"),
    "programme": max_length(CaseFunding, "programme"),
}
_FIGURE_VALUE = CaseResultFigure._meta.get_field("value")
FIGURE_INTEGER_DIGITS = _FIGURE_VALUE.max_digits - _FIGURE_VALUE.decimal_places
FIGURE_STEP = Decimal(1).scaleb(-_FIGURE_VALUE.decimal_places)

REQUIRED: dict[str, type | tuple[type, ...]] = {
    "slug": str,
    "title": str,
    "summary": str,
    "body": str,
    "municipalities": list,
    "sectors": list,
    "service_areas": list,
    "challenges": list,
    "phase": str,
    "year": int,
}
OPTIONAL: dict[str, type | tuple[type, ...]] = {
    "status": str,
    "tags": list,
    "partners": list,
    "results": (str, dict),
    "funding": list,
}
PARTNER_KEYS = {"name", "sector"}
RESULTS_KEYS = {"text", "figures"}
FIGURE_KEYS = {"value", "unit", "label"}
FUNDING_KEYS = {"source", "programme", "amount_nok"}
CODE_LISTS = {"sectors": Sector, "service_areas": ServiceArea, "challenges": Challenge}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TYPE_NAMES = {str: "tekst", int: "heltall", list: "liste", dict: "objekt"}


class CaseImportError(ImportFileError):
    """The file has problems, each with its line number."""


@dataclass
class ImportResult:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)


class NonFiniteNumber:
    """Stands for NaN or Infinity, which Python's json reads but JSON has not, so that the field check names it."""

    def __init__(self, name: str):
        self.name = name

    def __str__(self) -> str:
        return self.name


def _parse_int(text: str) -> int | Decimal:
    """An integer; one longer than any field allows is read as Decimal, since int() refuses 4,300+ digits."""
    return int(text) if len(text) <= 20 else Decimal(text)


def _load_json(line: str) -> object:
    return json.loads(line, parse_constant=NonFiniteNumber, parse_float=Decimal, parse_int=_parse_int)


def _type_name(expected: type | tuple[type, ...]) -> str:
    types = expected if isinstance(expected, tuple) else (expected,)
    return " eller ".join(TYPE_NAMES[t] for t in types)


def _is(value: object, expected: type | tuple[type, ...]) -> bool:
    if isinstance(value, bool):  # JSON true/false are ints in Python
        return False
    return isinstance(value, expected)


def _shown(value: object) -> str:
    """A value from the file as a message quotes it: as JSON, cut short so that the message stays readable."""
    if isinstance(value, Decimal | NonFiniteNumber):
        text = str(value)
    else:
        text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:59] + "…"


def _listed(values: list) -> str:
    """The first ten values, shown, and how many more: one readable message however many there are."""
    shown = ", ".join(_shown(value) for value in values[:10])
    return shown if len(values) <= 10 else f"{shown} og {len(values) - 10} til"


def _unknown_keys(item: dict, allowed: set[str], where: str = "") -> list[str]:
    if not (unknown := sorted(item.keys() - allowed)):
        return []
    return [f"{'ukjent nøkkel' if len(unknown) == 1 else 'ukjente nøkler'} {_listed(unknown)}{where}"]


def _check_text(value: object, name: str, max_length: int | None = None, *, required: bool = True) -> list[str]:
    """One text field; `name` is how the message names it, e.g. «title» or «name» i «partners» nr. 2."""
    if not isinstance(value, str):
        return [f"{name} må være tekst"]
    if required and not value.strip():
        return [f"{name} er tom"]
    if max_length is not None and len(value) > max_length:
        return [f"{name} er for lang ({number_text(len(value))} tegn; høyst {number_text(max_length)})"]
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return [f"{name} har en \\u-kode for et halvt surrogatpar (U+D800–U+DFFF), som ikke er et tegn"]
    return []


def _check_keys(item: object, name: str, allowed: set[str], required: set[str]) -> list[str]:
    """Whether a nested object has its required keys and no others; `name` names it, e.g. «partners» nr. 2."""
    if not isinstance(item, dict):
        return [f"{name} må være et objekt med {', '.join(f'«{key}»' for key in sorted(required))}"]
    problems = [f"mangler nøkkelen «{key}» i {name}" for key in sorted(required - item.keys())]
    return problems + _unknown_keys(item, allowed, f" i {name}")


def _check_list_lengths(record: dict) -> list[str]:
    lists = {key: record[key] for key in (*REQUIRED, *OPTIONAL) if isinstance(record.get(key), list)}
    results = record.get("results")
    if isinstance(results, dict) and isinstance(results.get("figures"), list):
        lists["results.figures"] = results["figures"]
    return [
        f"«{key}» har {number_text(len(items))} elementer; høyst {limit} er tillatt"
        for key, items in lists.items()
        if len(items) > (limit := MAX_MUNICIPALITIES if key == "municipalities" else MAX_LIST_ITEMS)
    ]


def _check_record(record: object, kommuner: set[str]) -> list[str]:
    """Every problem with one parsed line, in Norwegian, naming the field and valid codes where relevant."""
    if not isinstance(record, dict):
        return ["linjen må være et JSON-objekt"]
    problems = [f"mangler nøkkelen «{key}»" for key in REQUIRED if key not in record]
    problems += _unknown_keys(record, REQUIRED.keys() | OPTIONAL.keys())
    for key, expected in {**REQUIRED, **OPTIONAL}.items():
        if key in record and not _is(record[key], expected):
            problems.append(f"«{key}» må være {_type_name(expected)}")
    if problems:
        return problems
    if problems := _check_list_lengths(record):
        return problems

    if slug_problems := _check_text(record["slug"], "«slug»", TEXT_LIMITS["slug"]):
        problems += slug_problems
    elif not SLUG.match(record["slug"]):
        problems.append("«slug» kan bare ha små bokstaver a–z, tall og bindestrek")
    problems += _check_text(record["title"], "«title»", TEXT_LIMITS["title"])
    problems += _check_text(record["summary"], "«summary»", TEXT_LIMITS["summary"])
    problems += _check_text(record["body"], "«body»")
    for key, vocabulary in CODE_LISTS.items():
        if not all(isinstance(code, str) for code in record[key]):
            problems.append(f"«{key}» må være en liste med koder")
        elif unknown := [code for code in record[key] if code not in vocabulary.values]:
            problems.append(f"ukjent kode i «{key}»: {_listed(unknown)} (gyldige: {describe_valid_codes(vocabulary)})")
    for key in ("sectors", "service_areas"):
        if not record[key]:
            problems.append(f"«{key}» må ha minst én kode")
    if record["phase"] not in Phase.values:
        problems.append(f"ukjent fase {_shown(record['phase'])} (gyldige: {describe_valid_codes(Phase)})")
    if "status" in record and record["status"] not in CaseStatus.values:
        problems.append(f"ukjent status {_shown(record['status'])} (gyldige: {describe_valid_codes(CaseStatus)})")
    if not 1990 <= record["year"] <= 2100:
        problems.append("«year» må være et årstall mellom 1990 og 2100")
    if not record["municipalities"]:
        problems.append("«municipalities» må ha minst ett kommunenummer")
    if unknown := [n for n in record["municipalities"] if not isinstance(n, str) or n not in kommuner]:
        problems.append(
            f"ukjent kommunenummer i «municipalities»: {_listed(unknown)} (bruk firesifrede nummer som «3301»)"
        )
    for number, tag in enumerate(record.get("tags", []), start=1):
        problems += _check_text(tag, f"«tags» nr. {number}", TEXT_LIMITS["tag"])
    problems += _check_partners(record.get("partners", []))
    problems += _check_results(record.get("results"))
    problems += _check_funding(record.get("funding", []))
    return problems


def _check_partners(partners: list) -> list[str]:
    problems: list[str] = []
    for number, partner in enumerate(partners, start=1):
        name = f"«partners» nr. {number}"
        if keys := _check_keys(partner, name, PARTNER_KEYS, required=PARTNER_KEYS):
            problems += keys
            continue
        problems += _check_text(partner["name"], f"«name» i {name}", TEXT_LIMITS["partner_name"])
        if partner["sector"] not in Sector.values:
            problems.append(
                f"ukjent sektor i {name}: {_shown(partner['sector'])} (gyldige: {describe_valid_codes(Sector)})"
            )
    return problems


def _check_results(results: object) -> list[str]:
    if results is None:
        return []
    if isinstance(results, str):
        return _check_text(results, "«results»", required=False)
    if problems := _check_keys(results, "«results»", RESULTS_KEYS, required=set()):
        return problems
    problems = _check_text(results.get("text", ""), "«text» i «results»", required=False)
    figures = results.get("figures", [])
    if not isinstance(figures, list):
        return [*problems, "«figures» i «results» må være en liste"]
    for number, figure in enumerate(figures, start=1):
        name = f"«results.figures» nr. {number}"
        if keys := _check_keys(figure, name, FIGURE_KEYS, required=FIGURE_KEYS):
            problems += keys
            continue
        problems += _check_figure_value(figure["value"], f"«value» i {name}")
        problems += _check_text(figure["unit"], f"«unit» i {name}", TEXT_LIMITS["unit"])
        problems += _check_text(figure["label"], f"«label» i {name}", TEXT_LIMITS["label"])
    return problems


def _check_figure_value(value: object, name: str) -> list[str]:
    """A number the figure's DecimalField holds: finite, few enough digits, no more decimals than it stores."""
    if isinstance(value, NonFiniteNumber):
        return [f"{name} er {value.name}, som ikke er et tall i JSON; skriv et vanlig tall"]
    if not _is(value, (int, Decimal)):
        return [f"{name} må være et tall"]
    number = Decimal(value)
    if abs(number) >= 10**FIGURE_INTEGER_DIGITS:
        return [f"{name} er for stort; høyst {FIGURE_INTEGER_DIGITS} sifre foran komma"]
    if number.quantize(FIGURE_STEP) != number:
        return [f"{name} har for mange desimaler; høyst {_FIGURE_VALUE.decimal_places}"]
    return []


def _check_funding(funding: list) -> list[str]:
    problems: list[str] = []
    for number, item in enumerate(funding, start=1):
        name = f"«funding» nr. {number}"
        if keys := _check_keys(item, name, FUNDING_KEYS, required={"source"}):
            problems += keys
            continue
        problems += _check_text(item["source"], f"«source» i {name}", TEXT_LIMITS["source"])
        if "programme" in item:
            problems += _check_text(
                item["programme"], f"«programme» i {name}", TEXT_LIMITS["programme"], required=False
            )
        if "amount_nok" in item and not (_is(item["amount_nok"], int) and 0 <= item["amount_nok"] <= MAX_AMOUNT_NOK):
            problems.append(
                f"«amount_nok» i {name} må være et helt antall kroner fra 0 til {number_text(MAX_AMOUNT_NOK)}"
            )
    return problems


def parse_lines(lines: Iterable[str]) -> list[dict]:
    """Parse and validate every line; raise CaseImportError listing all bad lines."""
    kommuner = set(Kommune.objects.values_list("number", flat=True))
    records: list[dict] = []
    errors: list[tuple[int | None, str]] = []
    seen: dict[str, int] = {}
    cases = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        cases += 1
        if cases > MAX_CASES:
            raise CaseImportError([(None, f"Filen har mer enn {number_text(MAX_CASES)} eksempler; del den opp.")])
        if problem := check_line(line, max_chars=MAX_LINE_CHARS, max_nesting=MAX_NESTING):
            errors.append((number, problem))
            continue
        try:
            record = _load_json(line)
        except json.JSONDecodeError as error:
            errors.append((number, f"ugyldig JSON ({error.msg}, tegn {error.colno})"))
            continue
        problems = _check_record(record, kommuner)
        if not problems:
            if record["slug"] in seen:
                problems.append(f"«slug» {record['slug']} står også på linje {seen[record['slug']]}")
            seen[record["slug"]] = number
        errors += [(number, problem) for problem in problems]
        records.append(record)
    if not cases:
        errors.append((None, "Filen har ingen eksempler."))
    if errors:
        raise CaseImportError(errors)
    return records


def _apply(page: CasePage, record: dict, kommuner: dict[str, Kommune]) -> None:
    results = record.get("results") or ""
    if isinstance(results, str):
        results = {"text": results}
    page.title = record["title"]
    page.introduction = record["summary"]
    page.body = [{"type": "paragraph", "value": sanitize_html(record["body"])}]
    page.phase = record["phase"]
    page.start_year = record["year"]
    page.status = record.get("status", CaseStatus.PILOTERING)
    page.results_text = results.get("text", "")
    page.set_codes(
        {
            Dimension.SECTOR: record["sectors"],
            Dimension.SERVICE_AREA: record["service_areas"],
            Dimension.CHALLENGE: record["challenges"],
        }
    )
    page.kommuner = [kommuner[number] for number in record["municipalities"]]
    page.partners = [CasePartner(name=p["name"], sector=p["sector"]) for p in record.get("partners", [])]
    page.result_figures = [
        CaseResultFigure(value=Decimal(f["value"]), unit=f["unit"], label=f["label"])
        for f in results.get("figures", [])
    ]
    page.funding = [
        CaseFunding(source=f["source"], programme=f.get("programme", ""), amount_nok=f.get("amount_nok"))
        for f in record.get("funding", [])
    ]
    page.tags.set(record.get("tags", []), clear=True)


def write_cases(records: list[dict], index: CaseIndexPage, *, publish: bool) -> ImportResult:
    """Create or update one case per record under `index`; publish them if asked."""
    result = ImportResult()
    numbers = {number for record in records for number in record["municipalities"]}
    kommuner = Kommune.objects.in_bulk(numbers, field_name="number")
    existing = {page.slug: page for page in CasePage.objects.filter(slug__in=[r["slug"] for r in records])}
    with transaction.atomic():
        for record in records:
            page = existing.get(record["slug"])
            if page is None:
                page = CasePage(slug=record["slug"], live=False)
                _apply(page, record, kommuner)
                index.add_child(instance=page)
                result.created.append(page.slug)
            else:
                _apply(page, record, kommuner)
                result.updated.append(page.slug)
            revision = page.save_revision(log_action=True)
            if publish:
                revision.publish()
    return result


def import_cases(lines: Iterable[str], index: CaseIndexPage, *, publish: bool = False) -> ImportResult:
    """Validate every line first; only a clean file is written (in one transaction)."""
    return write_cases(parse_lines(lines), index, publish=publish)


def import_case_file(path: Path, index: CaseIndexPage, *, publish: bool = False) -> ImportResult:
    """Import a file that must be UTF-8 (a byte-order mark is fine) and at most MAX_FILE_BYTES; OSError passes through."""
    try:
        text = read_text_file(path, max_bytes=MAX_FILE_BYTES)
    except TextFileError as error:
        raise CaseImportError([(error.line, error.message)]) from error
    return import_cases(text.split("\n"), index, publish=publish)
