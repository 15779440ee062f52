"""Import organisations and collaboration posts from JSON Lines: validate the whole file, then write all or nothing.

Each line is one object, `{"kind": "organisation", …}` or `{"kind": "post", …}`.
Organisations are keyed by organisation number and posts by slug, so importing a
file again updates the same rows. A post names its organisation by number; that
organisation must be in the file or already registered.

An import is an editor's act, so what it writes is vouched for: organisations it
creates are verified, and every post it writes is published (status «publisert»,
published at the time of its first publication), whether or not its organisation
is verified, and also when the post had been closed or hidden. An organisation
that is updated keeps the verification it has.

A line that would change nothing is not written, so that a second import of the
same file leaves every row, and the matching's cached corpus, as it was.

A post's description is HTML and is cleaned by the sanitizer module, as a
member's post is. An organisation's description is plain text (pages escape it):
the sanitizer takes any markup out of it. A post without `municipalities`
and `fylker` concerns the whole country.

The limits bound the time a bad or hostile file can take and keep every field
inside its column, so that each problem is reported with its line and field
before anything is written.
"""

import html
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone

from innoplatform.core.imports import ImportFileError, check_line, max_length, number_text
from innoplatform.core.sanitizer import sanitize_html, strip_html
from innoplatform.core.text import norwegian_slugify
from innoplatform.core.textfiles import TextFileError, read_text_file
from innoplatform.core.vocabularies import Challenge, Sector, ServiceArea, describe_valid_codes
from innoplatform.municipalities.models import Fylke, Kommune
from innoplatform.organisations.models import Organisation
from innoplatform.organisations.validators import orgnr_is_valid

from . import posts
from .models import CollaborationPost, PostCode

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_RECORDS = 5_000
MAX_LINE_CHARS = 200_000  # a description of 20,000 characters, each written as a \u escape, fits
MAX_NESTING = 4  # a valid line nests two deep: object → list
MAX_MUNICIPALITIES = 400  # more than there are kommuner
MAX_FYLKER = 20
MAX_CODES = 20  # the longest vocabulary has ten codes; a repeated code counts once


TEXT_LIMITS = {
    ("organisation", "name"): max_length(Organisation, "name"),
    ("organisation", "description"): max_length(Organisation, "description"),
    ("organisation", "website"): max_length(Organisation, "website"),
    ("post", "slug"): max_length(CollaborationPost, "slug"),
    ("post", "title"): max_length(CollaborationPost, "title"),
    ("post", "description"): max_length(CollaborationPost, "description"),
}

FIELDS: dict[str, dict[str, tuple[type, bool]]] = {
    "organisation": {
        "kind": (str, True),
        "orgnr": (str, True),
        "name": (str, True),
        "sector": (str, True),
        "municipality": (str, True),
        "description": (str, True),
        "website": (str, False),
    },
    "post": {
        "kind": (str, True),
        "slug": (str, True),
        "organisation": (str, True),
        "type": (str, True),
        "title": (str, True),
        "description": (str, True),
        "service_areas": (list, True),
        "challenges": (list, True),
        "seeking_sectors": (list, True),
        "municipalities": (list, False),
        "fylker": (list, False),
        "expires": (str, True),
    },
}
"""Per kind: key → (JSON type, required)."""

CODE_LISTS = {"service_areas": ServiceArea, "challenges": Challenge, "seeking_sectors": Sector}
LIST_LIMITS = {
    "service_areas": MAX_CODES,
    "challenges": MAX_CODES,
    "seeking_sectors": MAX_CODES,
    "municipalities": MAX_MUNICIPALITIES,
    "fylker": MAX_FYLKER,
}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
TYPE_NAMES = {str: "tekst", list: "liste"}
WEBSITE = URLValidator(schemes=["http", "https"])


class PartnerImportError(ImportFileError):
    """The file has problems, each with its line number."""


@dataclass
class ImportResult:
    organisations_created: list[str] = field(default_factory=list)
    organisations_updated: list[str] = field(default_factory=list)
    posts_created: list[str] = field(default_factory=list)
    posts_updated: list[str] = field(default_factory=list)
    organisations_unchanged: list[str] = field(default_factory=list)
    posts_unchanged: list[str] = field(default_factory=list)


@dataclass
class Registry:
    """What the checks compare against: the kommune and fylke registry and the organisations already registered."""

    kommuner: set[str]
    fylker: set[str]
    organisations: set[str]

    @classmethod
    def load(cls) -> "Registry":
        return cls(
            kommuner=set(Kommune.objects.values_list("number", flat=True)),
            fylker=set(Fylke.objects.values_list("number", flat=True)),
            organisations=set(Organisation.objects.values_list("orgnr", flat=True)),
        )


def _shown(value: object) -> str:
    """A value from the file as a message quotes it: as JSON, cut short so that the message stays readable."""
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:59] + "…"


def _listed(values: Iterable) -> str:
    """The first ten values, shown, and how many more: one readable message however many there are."""
    values = list(values)
    shown = ", ".join(_shown(value) for value in values[:10])
    return shown if len(values) <= 10 else f"{shown} og {len(values) - 10} til"


def _is(value: object, expected: type) -> bool:
    return isinstance(value, expected) and not isinstance(value, bool)


def _check_text(value: str, name: str, max_length: int | None, *, required: bool = True) -> list[str]:
    if required and not value.strip():
        return [f"«{name}» er tom"]
    if max_length is not None and len(value) > max_length:
        return [f"«{name}» er for lang ({number_text(len(value))} tegn; høyst {number_text(max_length)})"]
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return [f"«{name}» har en \\u-kode for et halvt surrogatpar (U+D800–U+DFFF), som ikke er et tegn"]
    return []


def _check_shape(record: dict, kind: str) -> list[str]:
    """Required keys, no others, each of its JSON type, lists within their limits."""
    fields = FIELDS[kind]
    problems = [
        f"mangler nøkkelen «{key}»" for key, (_type, required) in fields.items() if required and key not in record
    ]
    if unknown := sorted(record.keys() - fields.keys()):
        word = "ukjent nøkkel" if len(unknown) == 1 else "ukjente nøkler"
        problems.append(f"{word} {_listed(unknown)} (gyldige for «{kind}»: {', '.join(fields)})")
    for key, (expected, _required) in fields.items():
        if key in record and not _is(record[key], expected):
            hint = (
                " i anførselstegn, slik at nuller foran blir med" if expected is str and _is(record[key], int) else ""
            )
            problems.append(f"«{key}» må være {TYPE_NAMES[expected]}{hint}")
        elif key in LIST_LIMITS and key in record and len(record[key]) > LIST_LIMITS[key]:
            problems.append(
                f"«{key}» har {number_text(len(record[key]))} elementer; høyst {LIST_LIMITS[key]} er tillatt"
            )
    return problems


def _check_orgnr(value: str, name: str) -> list[str]:
    if not (len(value) == 9 and value.isascii() and value.isdigit()):
        return [f"«{name}» må være ni sifre uten mellomrom, som «974760673»; fikk {_shown(value)}"]
    if not orgnr_is_valid(value):
        return [f"«{name}» {value} er ikke et gyldig organisasjonsnummer (kontrollsifferet stemmer ikke)"]
    return []


def _check_texts(record: dict, kind: str) -> list[str]:
    problems = []
    for (limit_kind, key), limit in TEXT_LIMITS.items():
        if limit_kind == kind and key in record:
            problems += _check_text(record[key], key, limit, required=key != "website")
    return problems


def _check_organisation(record: dict, registry: Registry) -> list[str]:
    problems = _check_orgnr(record["orgnr"], "orgnr") + _check_texts(record, "organisation")
    if record["sector"] not in Sector.values:
        problems.append(f"ukjent sektor {_shown(record['sector'])} (gyldige: {describe_valid_codes(Sector)})")
    if record["municipality"] not in registry.kommuner:
        problems.append(
            f"ukjent kommunenummer i «municipality»: {_shown(record['municipality'])} "
            "(bruk firesifrede kommunenummer fra 2024, som «3301»)"
        )
    website = record.get("website", "")
    if website and len(website) <= TEXT_LIMITS["organisation", "website"] and not _is_website(website):
        problems.append(f"«website» må være en adresse som begynner med https:// eller http://; fikk {_shown(website)}")
    return problems


def _is_website(value: str) -> bool:
    try:
        WEBSITE(value)
    except ValidationError:
        return False
    return True


def _check_expires(value: str, today: date) -> list[str]:
    try:
        expires = date.fromisoformat(value) if ISO_DATE.match(value) else None
    except ValueError:
        return [f"«expires» {_shown(value)} er ikke en dato som finnes"]
    if expires is None:
        return [f"«expires» må være en dato som ÅÅÅÅ-MM-DD, som «{today.year}-12-31»; fikk {_shown(value)}"]
    if expires < today:
        return [f"«expires» {value} har vært; datoen må være i dag eller senere"]
    if expires > today + posts.MAX_VALIDITY:
        latest = today + posts.MAX_VALIDITY
        return [f"«expires» {value} er mer enn ett år fram; seneste dato er {latest.isoformat()}"]
    return []


def _check_post(record: dict, registry: Registry, today: date) -> list[str]:
    problems = _check_texts(record, "post")
    if not problems and not SLUG.match(record["slug"]):
        problems.append("«slug» kan bare ha små bokstaver a–z, tall og bindestrek")
    problems += _check_orgnr(record["organisation"], "organisation")
    if record["type"] not in CollaborationPost.Kind.values:
        problems.append(
            f"ukjent «type» {_shown(record['type'])} (gyldige: {describe_valid_codes(CollaborationPost.Kind)})"
        )
    for key, vocabulary in CODE_LISTS.items():
        if not all(isinstance(code, str) for code in record[key]):
            problems.append(f"«{key}» må være en liste med koder")
        elif unknown := [code for code in record[key] if code not in vocabulary.values]:
            problems.append(f"ukjent kode i «{key}»: {_listed(unknown)} (gyldige: {describe_valid_codes(vocabulary)})")
    for key in ("service_areas", "seeking_sectors"):
        if not record[key]:
            problems.append(f"«{key}» må ha minst én kode")
    if unknown := [n for n in record.get("municipalities", []) if not isinstance(n, str) or n not in registry.kommuner]:
        problems.append(
            f"ukjent kommunenummer i «municipalities»: {_listed(unknown)} "
            "(bruk firesifrede kommunenummer fra 2024, som «3301»)"
        )
    if unknown := [n for n in record.get("fylker", []) if not isinstance(n, str) or n not in registry.fylker]:
        problems.append(
            f"ukjent fylkesnummer i «fylker»: {_listed(unknown)} (gyldige: {', '.join(sorted(registry.fylker))})"
        )
    return problems + _check_expires(record["expires"], today)


def _check_record(record: object, registry: Registry, today: date) -> list[str]:
    """Every problem with one parsed line, in Norwegian, naming the field and the valid codes where relevant."""
    if not isinstance(record, dict):
        return ["linjen må være et JSON-objekt"]
    kind = record.get("kind")
    if kind not in FIELDS:
        return [f"«kind» må være «organisation» eller «post»; fikk {_shown(kind) if 'kind' in record else 'ingenting'}"]
    if problems := _check_shape(record, kind):
        return problems
    if kind == "organisation":
        return _check_organisation(record, registry)
    return _check_post(record, registry, today)


def _load_json(line: str) -> object:
    """JSON as the standard has it: NaN and Infinity, which Python's json reads, are refused."""

    def refuse(name: str):
        raise ValueError(name)

    return json.loads(line, parse_constant=refuse)


def _check_across(records: list[tuple[int, dict]], named: set[str], registry: Registry) -> list[tuple[int, str]]:
    """What only the file as a whole shows: repeated keys, and posts whose organisation is nowhere.

    `named` holds the numbers on every organisation line, also the bad ones, which have their own messages.
    """
    errors: list[tuple[int, str]] = []
    orgnr_lines: dict[str, int] = {}
    slug_lines: dict[str, int] = {}
    for number, record in records:
        seen, key = (orgnr_lines, "orgnr") if record["kind"] == "organisation" else (slug_lines, "slug")
        if record[key] in seen:
            errors.append((number, f"«{key}» {record[key]} står også på linje {seen[record[key]]}"))
        else:
            seen[record[key]] = number
    owners = dict(CollaborationPost.objects.filter(slug__in=slug_lines).values_list("slug", "organisation__orgnr"))
    for number, record in records:
        if record["kind"] != "post":
            continue
        orgnr = record["organisation"]
        if orgnr not in named and orgnr not in registry.organisations:
            errors.append(
                (number, f"«organisation» {orgnr} finnes verken i filen eller blant de registrerte organisasjonene")
            )
        if record["slug"] in owners and owners[record["slug"]] != orgnr:
            errors.append(
                (
                    number,
                    f"«slug» {record['slug']} er allerede brukt av et innlegg fra organisasjon "
                    f"{owners[record['slug']]}; velg et annet kortnavn",
                )
            )
    return errors


def parse_lines(lines: Iterable[str], *, today: date | None = None) -> list[dict]:
    """Parse and check every line; raise PartnerImportError listing all bad lines, or return the records."""
    today = today or timezone.localdate()
    registry = Registry.load()
    good: list[tuple[int, dict]] = []
    errors: list[tuple[int | None, str]] = []
    named: set[str] = set()
    count = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        count += 1
        if count > MAX_RECORDS:
            raise PartnerImportError([(None, f"Filen har mer enn {number_text(MAX_RECORDS)} linjer; del den opp.")])
        if problem := check_line(line, max_chars=MAX_LINE_CHARS, max_nesting=MAX_NESTING):
            errors.append((number, problem))
            continue
        try:
            record = _load_json(line)
        except json.JSONDecodeError as error:
            errors.append((number, f"ugyldig JSON ({error.msg}, tegn {error.colno})"))
            continue
        except ValueError as error:
            errors.append((number, f"{error} er ikke et tall i JSON; skriv et vanlig tall"))
            continue
        if isinstance(record, dict) and record.get("kind") == "organisation" and isinstance(record.get("orgnr"), str):
            named.add(record["orgnr"])
        if problems := _check_record(record, registry, today):
            errors += [(number, problem) for problem in problems]
        else:
            good.append((number, record))
    if not count:
        errors.append((None, "Filen har ingen organisasjoner eller innlegg."))
    errors += _check_across(good, named, registry)
    if errors:
        raise PartnerImportError(sorted(errors, key=lambda error: error[0] or 0))
    return [record for _number, record in good]


def _unique_organisation_slug(name: str, taken: set[str]) -> str:
    base = norwegian_slugify(name)[:200] or "organisasjon"
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug


def _write_organisations(records: list[dict], result: ImportResult) -> dict[str, Organisation]:
    numbers = {record["municipality"] for record in records}
    kommuner = Kommune.objects.in_bulk(numbers, field_name="number")
    existing = Organisation.objects.in_bulk([record["orgnr"] for record in records], field_name="orgnr")
    taken = set(Organisation.objects.values_list("slug", flat=True))
    now = timezone.now()
    for record in records:
        organisation = existing.get(record["orgnr"])
        created = organisation is None
        if created:
            organisation = Organisation(
                orgnr=record["orgnr"],
                slug=_unique_organisation_slug(record["name"], taken),
                verified=True,
                verified_at=now,
            )
        before = None if created else _organisation_signature(organisation)
        organisation.name = record["name"]
        organisation.sector = record["sector"]
        organisation.kommune = kommuner[record["municipality"]]
        organisation.description = html.unescape(strip_html(record["description"])).strip()
        organisation.website = record.get("website", "")
        existing[organisation.orgnr] = organisation
        if before == _organisation_signature(organisation):
            result.organisations_unchanged.append(organisation.orgnr)
            continue
        organisation.save()
        (result.organisations_created if created else result.organisations_updated).append(organisation.orgnr)
    return existing


def _organisation_signature(organisation: Organisation) -> tuple:
    return (
        organisation.name,
        organisation.sector,
        organisation.kommune_id,
        organisation.description,
        organisation.website,
    )


def _post_signature(post: CollaborationPost) -> tuple:
    """What an import sets on a saved post, read from the post as it is (codes, kommuner and fylker prefetched)."""
    return (
        post.kind,
        post.title,
        post.description,
        post.expires_on,
        post.whole_country,
        post.status,
        post.rejection_reason,
        frozenset((row.dimension, row.code) for row in post.codes.all()),
        frozenset(kommune.number for kommune in post.kommuner.all()),
        frozenset(fylke.number for fylke in post.fylker.all()),
    )


def _data_signature(data: posts.PostData) -> tuple:
    """The same as `_post_signature`, for the post as the import would write it."""
    return (
        data.kind,
        data.title,
        sanitize_html(data.description),
        data.expires_on,
        data.whole_country,
        CollaborationPost.Status.PUBLISHED,
        "",
        frozenset(
            [
                *((PostCode.Dimension.SERVICE_AREA, code) for code in data.service_areas),
                *((PostCode.Dimension.CHALLENGE, code) for code in data.challenges),
                *((PostCode.Dimension.SEEKING, code) for code in data.seeking),
            ]
        ),
        frozenset(kommune.number for kommune in data.kommuner),
        frozenset(fylke.number for fylke in data.fylker),
    )


def post_data(record: dict, kommuner: dict[str, Kommune], fylker: dict[str, Fylke]) -> posts.PostData:
    """What the post services take, from one checked post record."""
    places = [*record.get("municipalities", []), *record.get("fylker", [])]
    return posts.PostData(
        kind=record["type"],
        title=record["title"].strip(),
        description=record["description"],
        expires_on=date.fromisoformat(record["expires"]),
        service_areas=record["service_areas"],
        challenges=record["challenges"],
        seeking=record["seeking_sectors"],
        kommuner=[kommuner[number] for number in dict.fromkeys(record.get("municipalities", []))],
        fylker=[fylker[number] for number in dict.fromkeys(record.get("fylker", []))],
        whole_country=not places,
    )


def _write_posts(records: list[dict], organisations: dict[str, Organisation], result: ImportResult) -> None:
    kommuner = Kommune.objects.in_bulk(
        {number for record in records for number in record.get("municipalities", [])}, field_name="number"
    )
    fylker = Fylke.objects.in_bulk(
        {number for record in records for number in record.get("fylker", [])}, field_name="number"
    )
    missing = {record["organisation"] for record in records} - organisations.keys()
    organisations.update(Organisation.objects.in_bulk(missing, field_name="orgnr"))
    existing = CollaborationPost.objects.prefetch_related("codes", "kommuner", "fylker").in_bulk(
        [record["slug"] for record in records], field_name="slug"
    )
    now = timezone.now()
    for record in records:
        post = existing.get(record["slug"])
        created = post is None
        if created:
            post = CollaborationPost(slug=record["slug"], organisation=organisations[record["organisation"]])
        data = post_data(record, kommuner, fylker)
        if not created and _post_signature(post) == _data_signature(data):
            result.posts_unchanged.append(post.slug)
            continue
        # The same fields and relations as a member's save_post, without its membership check.
        posts._apply(post, data)
        post.status = CollaborationPost.Status.PUBLISHED
        post.published_at = post.published_at or now
        post.rejection_reason = ""
        post.save()
        posts._save_relations(post, data)
        (result.posts_created if created else result.posts_updated).append(post.slug)


def write_partners(records: list[dict]) -> ImportResult:
    """Create or update organisations by number, then posts by slug, in one transaction."""
    result = ImportResult()
    with transaction.atomic():
        organisations = _write_organisations([r for r in records if r["kind"] == "organisation"], result)
        _write_posts([r for r in records if r["kind"] == "post"], organisations, result)
    return result


def import_partners(lines: Iterable[str], *, today: date | None = None) -> ImportResult:
    """Check every line first; only a clean file is written."""
    return write_partners(parse_lines(lines, today=today))


def import_partner_file(path: Path) -> ImportResult:
    """Import a file that must be UTF-8 (a byte-order mark is fine) and at most MAX_FILE_BYTES; OSError passes through."""
    try:
        text = read_text_file(path, max_bytes=MAX_FILE_BYTES)
    except TextFileError as error:
        raise PartnerImportError([(error.line, error.message)]) from error
    return import_partners(text.split("\n"))
