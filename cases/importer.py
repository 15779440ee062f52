"""Import cases from JSON Lines: validate the whole file, then write everything or nothing.

One JSON object per line; `slug` is the key, so re-importing a file updates the
same cases. The format is documented in docs/cases.md.
"""

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction

from innoplatform.core.sanitizer import sanitize_html
from innoplatform.core.vocabularies import Challenge, Phase, Sector, ServiceArea, describe_valid_codes
from innoplatform.municipalities.models import Kommune

from .models import CaseFunding, CaseIndexPage, CasePage, CasePartner, CaseResultFigure, CaseStatus, Dimension

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
CODE_LISTS = {"sectors": Sector, "service_areas": ServiceArea, "challenges": Challenge}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TYPE_NAMES = {str: "tekst", int: "heltall", list: "liste", dict: "objekt"}


class CaseImportError(Exception):
    """The file has bad lines; `errors` holds (line number, message) for each problem."""

    def __init__(self, errors: list[tuple[int, str]]):
        self.errors = errors
        super().__init__("\n".join(f"Linje {line}: {message}" for line, message in errors))


@dataclass
class ImportResult:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)


def _type_name(expected: type | tuple[type, ...]) -> str:
    types = expected if isinstance(expected, tuple) else (expected,)
    return " eller ".join(TYPE_NAMES[t] for t in types)


def _is(value: object, expected: type | tuple[type, ...]) -> bool:
    if isinstance(value, bool):  # JSON true/false are ints in Python
        return False
    return isinstance(value, expected)


def _check_record(record: object, kommuner: set[str]) -> list[str]:
    """Every problem with one parsed line, in Norwegian, naming valid codes where relevant."""
    if not isinstance(record, dict):
        return ["linjen må være et JSON-objekt"]
    problems = [f"mangler nøkkelen «{key}»" for key in REQUIRED if key not in record]
    for key in record.keys() - REQUIRED.keys() - OPTIONAL.keys():
        problems.append(f"ukjent nøkkel «{key}»")
    for key, expected in {**REQUIRED, **OPTIONAL}.items():
        if key in record and not _is(record[key], expected):
            problems.append(f"«{key}» må være {_type_name(expected)}")
    if problems:
        return problems

    if not SLUG.match(record["slug"]):
        problems.append("«slug» kan bare ha små bokstaver a–z, tall og bindestrek")
    for key in ("title", "summary", "body"):
        if not record[key].strip():
            problems.append(f"«{key}» er tom")
    for key, vocabulary in CODE_LISTS.items():
        if not all(isinstance(code, str) for code in record[key]):
            problems.append(f"«{key}» må være en liste med koder")
        elif unknown := [code for code in record[key] if code not in vocabulary.values]:
            problems.append(
                f"ukjent kode i «{key}»: {', '.join(unknown)} (gyldige: {describe_valid_codes(vocabulary)})"
            )
    for key in ("sectors", "service_areas"):
        if not record[key]:
            problems.append(f"«{key}» må ha minst én kode")
    if record["phase"] not in Phase.values:
        problems.append(f"ukjent fase «{record['phase']}» (gyldige: {describe_valid_codes(Phase)})")
    if "status" in record and record["status"] not in CaseStatus.values:
        problems.append(f"ukjent status «{record['status']}» (gyldige: {describe_valid_codes(CaseStatus)})")
    if not 1990 <= record["year"] <= 2100:
        problems.append("«year» må være et årstall mellom 1990 og 2100")
    if not record["municipalities"]:
        problems.append("«municipalities» må ha minst ett kommunenummer")
    for number in record["municipalities"]:
        if not isinstance(number, str) or number not in kommuner:
            problems.append(f"ukjent kommunenummer {number!r} (bruk firesifrede nummer som «3301»)")
    if "tags" in record and not all(isinstance(tag, str) and tag.strip() for tag in record["tags"]):
        problems.append("«tags» må være en liste med tekster")
    problems += _check_partners(record.get("partners", []))
    problems += _check_results(record.get("results"))
    problems += _check_funding(record.get("funding", []))
    return problems


def _check_partners(partners: list) -> list[str]:
    for partner in partners:
        if not (isinstance(partner, dict) and isinstance(partner.get("name"), str) and partner["name"].strip()):
            return ["hver partner må være et objekt med «name» og «sector»"]
        if partner.get("sector") not in Sector.values:
            return [f"ukjent sektor for partneren «{partner['name']}» (gyldige: {describe_valid_codes(Sector)})"]
    return []


def _check_results(results: object) -> list[str]:
    if results is None or isinstance(results, str):
        return []
    if not isinstance(results.get("text", ""), str) or not isinstance(results.get("figures", []), list):
        return ["«results» må ha «text» (tekst) og «figures» (liste)"]
    for figure in results.get("figures", []):
        if not (
            isinstance(figure, dict)
            and _is(figure.get("value"), (int, float))
            and isinstance(figure.get("unit"), str)
            and isinstance(figure.get("label"), str)
        ):
            return ["hvert resultattall må ha «value» (tall), «unit» og «label»"]
    return []


def _check_funding(funding: list) -> list[str]:
    for item in funding:
        if not (isinstance(item, dict) and isinstance(item.get("source"), str) and item["source"].strip()):
            return ["hver finansieringskilde må være et objekt med «source»"]
        if "amount_nok" in item and not (_is(item["amount_nok"], int) and item["amount_nok"] >= 0):
            return ["«amount_nok» må være et helt, positivt antall kroner"]
        if not isinstance(item.get("programme", ""), str):
            return ["«programme» må være tekst"]
    return []


def parse_lines(lines: Iterable[str]) -> list[dict]:
    """Parse and validate every line; raise CaseImportError listing all bad lines."""
    kommuner = set(Kommune.objects.values_list("number", flat=True))
    records: list[dict] = []
    errors: list[tuple[int, str]] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            errors.append((number, f"ugyldig JSON ({error.msg})"))
            continue
        problems = _check_record(record, kommuner)
        if not problems:
            if record["slug"] in seen:
                problems.append(f"«slug» {record['slug']} står også på linje {seen[record['slug']]}")
            seen[record["slug"]] = number
        errors += [(number, problem) for problem in problems]
        records.append(record)
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
        CaseResultFigure(value=Decimal(str(f["value"])), unit=f["unit"], label=f["label"])
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
