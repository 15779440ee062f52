"""Build PxWebApi queries (v2 GET URLs or v0 POST bodies) for all kommuner, in batches SSB will answer.

SSB refuses queries above a cell limit (800 000 in PxWebApi v2), so kommuner are
split into batches sized from an estimate of cells per kommune: ages × sexes ×
years × contents. Projections are asked for all contents (alternatives); the
import keeps the ones given with --alternative, since the ContentsCode of each
alternative differs between tables.
"""

import json
import math
import urllib.parse
from dataclasses import dataclass

from .tables import TableSpec

V2_DATA_URL = "https://data.ssb.no/api/pxwebapi/v2/tables/{table}/data"
V0_TABLE_URL = "https://data.ssb.no/api/v0/no/table/{table}/"
MAX_CELLS = 800_000
SINGLE_AGES = 106
SEXES = ("1", "2")
PROJECTION_LAST_YEAR = 2050
PROJECTION_CONTENTS_ESTIMATE = 3


@dataclass(frozen=True)
class Request:
    """One HTTP request: a GET when body is None, otherwise a POST of body."""

    url: str
    body: bytes | None
    regions: tuple[str, ...]


def cells_per_region(spec: TableSpec, years: list[int]) -> int:
    if years:
        year_count = len(years)
    elif spec.is_projection:
        year_count = PROJECTION_LAST_YEAR - (spec.base_year or PROJECTION_LAST_YEAR) + 1
    else:
        year_count = 1
    contents = PROJECTION_CONTENTS_ESTIMATE if spec.is_projection else 1
    return SINGLE_AGES * len(SEXES) * year_count * contents


def region_batches(spec: TableSpec, kommuner: list[str], years: list[int], max_cells: int) -> list[list[str]]:
    """Kommune numbers split so that no request exceeds max_cells."""
    per_batch = max(1, max_cells // cells_per_region(spec, years))
    count = math.ceil(len(kommuner) / per_batch)
    return [kommuner[index * per_batch : (index + 1) * per_batch] for index in range(count)]


def _contents(spec: TableSpec) -> list[str]:
    return ["*"] if spec.is_projection else ["Personer1"]


def _years(spec: TableSpec, years: list[int]) -> list[str]:
    if years:
        return [str(year) for year in years]
    return ["*"] if spec.is_projection else ["top(1)"]


def v2_request(spec: TableSpec, regions: list[str], years: list[int]) -> Request:
    """A PxWebApi v2 /data URL asking for json-stat2."""
    params = [("lang", "no"), ("outputFormat", "json-stat2")]
    params.append(("valueCodes[Region]", ",".join(spec.region_prefix + code for code in regions)))
    if spec.region_codelist:
        params.append(("codelist[Region]", spec.region_codelist))
    params += [
        ("valueCodes[Kjonn]", ",".join(SEXES)),
        ("valueCodes[Alder]", "*"),
        ("valueCodes[ContentsCode]", ",".join(_contents(spec))),
        ("valueCodes[Tid]", ",".join(_years(spec, years))),
    ]
    query = urllib.parse.urlencode(params, safe="[]*(),")
    return Request(f"{V2_DATA_URL.format(table=spec.id)}?{query}", None, tuple(regions))


def v0_request(spec: TableSpec, regions: list[str], years: list[int]) -> Request:
    """A PxWebApi v0 POST body asking for json-stat2."""
    region_filter = "agg:" + spec.region_codelist.removeprefix("agg_") if spec.region_codelist else "item"
    year_values = _years(spec, years)
    if year_values == ["top(1)"]:
        year_selection = {"filter": "top", "values": ["1"]}
    elif year_values == ["*"]:
        year_selection = {"filter": "all", "values": ["*"]}
    else:
        year_selection = {"filter": "item", "values": year_values}
    contents = _contents(spec)
    query = [
        {
            "code": "Region",
            "selection": {"filter": region_filter, "values": [spec.region_prefix + code for code in regions]},
        },
        {"code": "Kjonn", "selection": {"filter": "item", "values": list(SEXES)}},
        {"code": "Alder", "selection": {"filter": "all", "values": ["*"]}},
        {"code": "ContentsCode", "selection": {"filter": "all" if contents == ["*"] else "item", "values": contents}},
        {"code": "Tid", "selection": year_selection},
    ]
    body = json.dumps({"query": query, "response": {"format": "json-stat2"}}).encode("utf-8")
    return Request(V0_TABLE_URL.format(table=spec.id), body, tuple(regions))


def plan_requests(
    spec: TableSpec, kommuner: list[str], *, years: list[int], api: str = "v2", max_cells: int = MAX_CELLS
) -> list[Request]:
    build = v2_request if api == "v2" else v0_request
    return [build(spec, batch, years) for batch in region_batches(spec, kommuner, years, max_cells)]
