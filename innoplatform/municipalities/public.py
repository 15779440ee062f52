"""What other apps may ask the municipalities app about a kommune's demography.

Cases and partners call these to match on challenges and similar kommuner; they
read precomputed summaries for the default projection (newest table, MMMM) and
return empty results while no population figures are imported.
"""

from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.translation import gettext

from .demography.datasets import current_datasets
from .demography.similarity import DIMENSION_LABELS
from .models import DemographicSummary, Kommune


@dataclass(frozen=True)
class SimilarKommune:
    kommune: Kommune
    reason: str
    dimensions: tuple[str, ...] = ()


def _default_summaries() -> QuerySet[DemographicSummary]:
    choice = current_datasets()
    if choice.projection is None:
        return DemographicSummary.objects.none()
    return DemographicSummary.objects.filter(dataset=choice.projection)


def similarity_reason(dimensions: list[str] | tuple[str, ...]) -> str:
    """The reason shown beside a similar kommune, e.g. «lignende aldring og størrelse»."""
    labels = [str(DIMENSION_LABELS[code]) for code in dimensions if code in DIMENSION_LABELS]
    if not labels:
        return ""
    return gettext("lignende %(dimensions)s") % {"dimensions": gettext(" og ").join(labels)}


def kommune_challenges(kommune: Kommune) -> list[str]:
    """Demographic challenge codes (core.vocabularies.Challenge) derived for the kommune."""
    summary = _default_summaries().filter(region_code=kommune.number).first()
    return list(summary.challenges) if summary else []


def similar_kommuner(kommune: Kommune, limit: int = 5) -> list[SimilarKommune]:
    """The kommuner with the most similar demographic path, nearest first, with the reason."""
    return similar_from_summary(_default_summaries().filter(region_code=kommune.number).first(), limit)


def similar_from_summary(summary: DemographicSummary | None, limit: int = 5) -> list[SimilarKommune]:
    """The similar kommuner stored in a summary, as kommune objects (one query)."""
    if summary is None:
        return []
    entries = summary.similar[:limit]
    found = Kommune.objects.select_related("fylke").in_bulk([entry["number"] for entry in entries], field_name="number")
    return [
        SimilarKommune(found[entry["number"]], similarity_reason(entry["dimensions"]), tuple(entry["dimensions"]))
        for entry in entries
        if entry["number"] in found
    ]


def kommune_populations() -> dict[str, int]:
    """Latest observed population per kommune number (one query); empty while nothing is imported."""
    return {
        number: population
        for number, population in _default_summaries().values_list("region_code", "population")
        if len(number) == 4
    }


def kommuner_with_challenge(code: str) -> QuerySet[Kommune]:
    """Kommuner whose derived challenges include `code`."""
    numbers = [
        number
        for number, challenges in _default_summaries().values_list("region_code", "challenges")
        if len(number) == 4 and code in challenges
    ]
    return Kommune.objects.filter(number__in=numbers)
