"""Similar kommuner: nearest neighbours on standardised 2040 indicators and size.

Each dimension is turned into a z-score across all kommuner, so a percentage
point of growth and a step in log population weigh alike; the distance is
Euclidean. The reason names the two dimensions on which a neighbour is closest.
"""

import heapq
import math
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .indicators import (
    AGE_80_CHANGE,
    AGE_80_SHARE,
    CHILDREN_CHANGE,
    OLD_AGE_DEPENDENCY,
    POPULATION_CHANGE,
    WORKING_AGE_CHANGE,
    Indicators,
)

SIZE = "size"
DIMENSIONS: tuple[str, ...] = (
    POPULATION_CHANGE,
    AGE_80_CHANGE,
    AGE_80_SHARE,
    OLD_AGE_DEPENDENCY,
    WORKING_AGE_CHANGE,
    CHILDREN_CHANGE,
    SIZE,
)
DIMENSION_LABELS = {
    POPULATION_CHANGE: _("befolkningsutvikling"),
    AGE_80_CHANGE: _("aldring"),
    AGE_80_SHARE: _("andel eldre"),
    OLD_AGE_DEPENDENCY: _("forhold mellom eldre og yrkesaktive"),
    WORKING_AGE_CHANGE: _("utvikling i yrkesaktiv alder"),
    CHILDREN_CHANGE: _("utvikling i barn og unge"),
    SIZE: _("størrelse"),
}
REASON_DIMENSIONS = 2


@dataclass(frozen=True)
class Neighbour:
    number: str
    distance: float
    dimensions: tuple[str, ...]


def _vector(values: Indicators, population: int) -> list[float] | None:
    vector = [values.get(key) for key in DIMENSIONS[:-1]]
    if any(value is None for value in vector) or population <= 0:
        return None
    return [*vector, math.log(population)]


def _standardise(vectors: dict[str, list[float]]) -> dict[str, list[float]]:
    columns = list(zip(*vectors.values(), strict=True))
    means = [sum(column) / len(column) for column in columns]
    spreads = [
        math.sqrt(sum((v - m) ** 2 for v in column) / len(column)) or 1.0
        for column, m in zip(columns, means, strict=True)
    ]
    return {
        key: [(v - m) / s for v, m, s in zip(vector, means, spreads, strict=True)] for key, vector in vectors.items()
    }


def nearest_neighbours(profiles: dict[str, tuple[Indicators, int]], limit: int = 5) -> dict[str, list[Neighbour]]:
    """For each kommune number, its `limit` nearest others; input is {number: (2040 indicators, population)}."""
    vectors = {number: v for number, (values, population) in profiles.items() if (v := _vector(values, population))}
    if len(vectors) < 2:
        return {}
    scaled = _standardise(vectors)
    result: dict[str, list[Neighbour]] = {}
    for number, own in scaled.items():
        # math.dist runs in C; the gaps per dimension are only needed for the few neighbours kept.
        nearest = heapq.nsmallest(
            limit, ((math.dist(own, theirs), other) for other, theirs in scaled.items() if other != number)
        )
        result[number] = [
            Neighbour(
                other, round(distance, 3), _closest([abs(a - b) for a, b in zip(own, scaled[other], strict=True)])
            )
            for distance, other in nearest
        ]
    return result


def _closest(gaps: list[float]) -> tuple[str, ...]:
    order = sorted(range(len(gaps)), key=lambda index: (gaps[index], index))
    return tuple(DIMENSIONS[index] for index in order[:REASON_DIMENSIONS])
