"""Parse JSON-stat2 datasets as returned by SSB's PxWebApi v0 (POST) and v2 (/data).

The value array is in row-major order over the dimensions listed in `id`, so
each dimension's categories are resolved once and the values are walked with
`itertools.product` — no per-value lookups by code.
"""

import itertools
import math
import re
from collections.abc import Callable, Sequence
from typing import Any

from django.utils.translation import gettext as _

from .figures import FigureBuffer
from .regions import RegionKind, RegionResolver
from .tables import TableSpec, resolve_alternative, table_in_title, table_spec
from .values import MAX_PERSONS, parse_age, parse_sex, parse_year, shown

MAX_CELLS = 20_000_000
"""More cells than any SSB response for all kommuner holds (PxWebApi v2 stops at 800 000); bounds the run time."""

_ROLES = {
    "region": ("region", "kokkommuneregion0000"),
    "sex": ("kjonn", "kjønn", "sex"),
    "age": ("alder", "age"),
    "contents": ("contentscode",),
    "year": ("tid", "time", "year", "år"),
}
_REQUIRED = ("region", "age", "year")


class JsonStatError(ValueError):
    """The document is not a JSON-stat2 dataset we can read at all."""


def dataset_of(document: Any) -> dict[str, Any]:
    """The dataset of a response: v2 and v0 json-stat2 give it at the top, JSON-stat 1 under "dataset"."""
    if isinstance(document, dict) and isinstance(document.get("dataset"), dict):
        document = document["dataset"]
    if not isinstance(document, dict) or not {"id", "size", "dimension", "value"} <= document.keys():
        raise JsonStatError(_("Ikke et JSON-stat2-datasett: mangler «id», «size», «dimension» eller «value»."))
    if not (
        isinstance(document["id"], list)
        and isinstance(document["size"], list)
        and isinstance(document["dimension"], dict)
        and all(isinstance(dimension, dict) for dimension in document["dimension"].values())
        and isinstance(document["value"], list | dict)
    ):
        raise JsonStatError(_("Ikke et JSON-stat2-datasett: «id», «size», «dimension» eller «value» har feil form."))
    if not all(isinstance(size, int) and not isinstance(size, bool) and size >= 0 for size in document["size"]):
        raise JsonStatError(_("«size» må være en liste med hele, ikke-negative tall."))
    return document


def table_of(dataset: dict[str, Any]) -> str | None:
    """Table number from extension.px.tableid or a label like "07459: Befolkning …"."""
    px = (dataset.get("extension") or {}).get("px") or {}
    if px.get("tableid"):
        return str(px["tableid"])
    return table_in_title(str(dataset.get("label", "")))


def categories(dimension: dict[str, Any]) -> list[tuple[str, str]]:
    """(code, label) of a dimension's categories in index order."""
    category = dimension.get("category") or {}
    if not isinstance(category, dict):
        return []
    index = category.get("index")
    labels = category.get("label") or {}
    if not isinstance(labels, dict):
        labels = {}
    if isinstance(index, list):
        codes = [str(code) for code in index]
    elif isinstance(index, dict):
        if not all(isinstance(position, int) for position in index.values()):
            return []
        codes = [code for code, _position in sorted(index.items(), key=lambda item: item[1])]
    else:
        codes = list(labels)
    return [(code, str(labels.get(code, code))) for code in codes]


def _role_of(dimension_id: str, dataset: dict[str, Any]) -> str | None:
    lowered = dimension_id.lower()
    for role, names in _ROLES.items():
        if lowered in names:
            return role
    roles = dataset.get("role") or {}
    for json_role, ours in (("geo", "region"), ("time", "year"), ("metric", "contents")):
        if dimension_id in (roles.get(json_role) or []):
            return ours
    return None


def parse_jsonstat(
    document: Any, buffer: FigureBuffer, resolver: RegionResolver, *, source: str, table: str | None = None
) -> None:
    """Add the figures of one JSON-stat2 response to the buffer, noting every problem in it."""
    problems = buffer.problems
    try:
        dataset = dataset_of(document)
    except JsonStatError as error:
        problems.error(source, str(error))
        return
    found = table_of(dataset)
    if table and found and found != table:
        problems.error(source, _("Filen er tabell %(found)s, ikke %(table)s.") % {"found": found, "table": table})
        return
    if not (table or found):
        problems.error(source, _("Finner ikke tabellnummeret i filen; oppgi det med --table."))
        return
    try:
        spec = table_spec(table or found or "")
        ids, sizes, dimensions = (
            [str(i) for i in dataset["id"]],
            [int(s) for s in dataset["size"]],
            dataset["dimension"],
        )
    except (ValueError, TypeError) as error:
        problems.error(source, str(error))
        return
    if len(ids) != len(sizes) or any(dimension_id not in dimensions for dimension_id in ids):
        problems.error(source, _("«id», «size» og «dimension» stemmer ikke overens."))
        return

    roles: list[str] = []
    for position, dimension_id in enumerate(ids):
        role = _role_of(dimension_id, dataset)
        if role is None and sizes[position] > 1:
            if not spec.is_projection:
                problems.error(source, _("Ukjent dimensjon «%(dim)s».") % {"dim": dimension_id})
                return
            # A projection table may carry the alternative in a dimension of its own.
            role = "alternative"
        roles.append(role or "ignored")
    if "alternative" in roles and "contents" in roles:
        roles[roles.index("contents")] = "ignored"
    resolved: list[list[Any]] = []
    for position, (dimension_id, role) in enumerate(zip(ids, roles, strict=True)):
        cats = categories(dimensions[dimension_id])
        if len(cats) != sizes[position]:
            problems.error(
                _("%(source)s, dimensjon «%(dim)s»") % {"source": source, "dim": dimension_id},
                _("har %(n)s kategorier, men size sier %(size)s.") % {"n": len(cats), "size": sizes[position]},
            )
            return
        if role != "ignored" and roles.count(role) > 1:
            problems.error(source, _("Dimensjonen «%(dim)s» finnes to ganger.") % {"dim": dimension_id})
            return
        if role == "ignored":
            if len(cats) > 1:
                problems.error(source, _("Dimensjonen «%(dim)s» kan ikke brukes.") % {"dim": dimension_id})
                return
            resolved.append([None])
            continue
        resolved.append(_resolve(role, cats, spec, buffer, resolver, f"{source}, {dimension_id}"))
    slots = roles
    for role in _REQUIRED:
        if role not in slots:
            label = {"region": "Region", "age": "Alder", "year": "Tid"}[role]
            problems.error(source, _("Mangler dimensjonen «%(dim)s».") % {"dim": label})
    if problems.error_count:
        return
    _walk(dataset, slots, resolved, sizes, buffer, spec, source)


def _resolve(
    role: str,
    cats: Sequence[tuple[str, str]],
    spec: TableSpec,
    buffer: FigureBuffer,
    resolver: RegionResolver,
    place: str,
) -> list[Any]:
    """Resolve every category of one dimension up front, noting problems by dimension and index."""
    parsers: dict[str, Callable[[str, str], Any]] = {
        "region": lambda code, label: resolver.by_code(code, label),
        "sex": lambda code, label: parse_sex(code),
        "age": lambda code, label: parse_age(code if re.match(r"^F?\d", code) else label),
        "year": lambda code, label: parse_year(code),
        "contents": lambda code, label: resolve_alternative(code, label, spec),
        "alternative": lambda code, label: resolve_alternative(code, label, spec),
    }
    values: list[Any] = []
    for index, (code, label) in enumerate(cats):
        here = _("%(place)s, indeks %(index)s («%(code)s»)") % {"place": place, "index": index, "code": code}
        try:
            value = parsers[role](code, label)
        except ValueError as error:
            buffer.problems.error(here, str(error))
            value = None
        if role == "region" and value.kind is RegionKind.UNKNOWN:
            buffer.region(value, here)
            value = None
        values.append(value)
    if role in ("contents", "alternative") and not spec.is_projection and len(cats) > 1:
        buffer.problems.error(
            place, _("Tabell %(table)s skal bare ha ett innhold, men kilden har flere.") % {"table": spec.id}
        )
    return values


def _walk(
    dataset: dict[str, Any],
    slots: list[str],
    resolved: list[list[Any]],
    sizes: list[int],
    buffer: FigureBuffer,
    spec: TableSpec,
    source: str,
) -> None:
    """Visit every cell in row-major order and append the ones we keep."""
    raw = dataset["value"]
    total = math.prod(sizes)
    if total > MAX_CELLS:
        buffer.problems.error(
            source,
            _("Dimensjonene gir %(total)s celler; høyst %(max)s kan leses fra én fil. Del opp spørringen.")
            % {"total": total, "max": MAX_CELLS},
        )
        return
    if isinstance(raw, dict):
        values: Sequence[Any] = [raw.get(str(i)) for i in range(total)]
    else:
        values = raw
    if not total:
        buffer.problems.error(source, _("Datasettet har ingen verdier."))
        return
    if len(values) != total:
        buffer.problems.error(
            source,
            _("«value» har %(n)s verdier, men dimensjonene gir %(total)s.") % {"n": len(values), "total": total},
        )
        return
    position = {slot: index for index, slot in enumerate(slots)}
    region_at, year_at, age_at = position["region"], position["year"], position["age"]
    sex_at = position.get("sex")
    alternative_at = position.get("alternative", position.get("contents"))
    alternatives = [""] if alternative_at is None else resolved[alternative_at]
    targets = [buffer.columns(spec, alternative) for alternative in alternatives]
    regions = resolved[region_at]
    region_indexes = [buffer.region(region, source) if region.kind.is_stored else None for region in regions]
    for cell, (combo, value) in enumerate(zip(itertools.product(*(range(s) for s in sizes)), values, strict=True)):
        region = region_indexes[combo[region_at]]
        if region is None:
            buffer.region(regions[combo[region_at]], source)
            continue
        columns = targets[0 if alternative_at is None else combo[alternative_at]]
        if columns is None:
            continue
        if value is None:
            buffer.problems.missing += 1
            continue
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or (isinstance(value, float) and not (math.isfinite(value) and value.is_integer()))
            or not 0 <= value <= MAX_PERSONS
        ):
            buffer.problems.error(
                _("%(source)s, value[%(cell)s]") % {"source": source, "cell": cell},
                _("«%(value)s» er ikke et mulig antall personer.") % {"value": shown(str(value))},
            )
            if buffer.problems.full:
                return
            continue
        age_from, age_to = resolved[age_at][combo[age_at]]
        sex = "T" if sex_at is None else resolved[sex_at][combo[sex_at]]
        columns.append(region, resolved[year_at][combo[year_at]], sex, age_from, age_to, int(value))
