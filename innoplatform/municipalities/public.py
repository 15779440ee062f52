"""What other apps may ask the municipalities app about a kommune's demography.

Cases and partners call these to match on challenges and similar kommuner and to
say honestly which figures a kommune has. They read the precomputed summaries
for the default projection (newest table, MMMM) and return empty results while
no population figures are imported. The `*_for(kommuner)` functions answer for
many kommuner at once with a fixed number of queries (two or three), however
many kommuner are asked about.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils.translation import gettext

from innoplatform.core.derived import remember
from innoplatform.core.vocabularies import Challenge

from .demography.datasets import DatasetChoice, current_datasets
from .demography.indicators import CHALLENGE_YEAR, INDICATOR_LABELS
from .demography.similarity import DIMENSION_LABELS
from .demography.states import DataKind, DataState, state_of
from .models import DemographicSummary, Kommune

__all__ = [
    "DataKind",
    "DataState",
    "SimilarKommune",
    "challenges_for",
    "data_states_for",
    "demographic_brief",
    "kommune_challenges",
    "kommune_populations",
    "kommuner_with_challenge",
    "similar_for",
    "similar_from_summary",
    "similar_kommuner",
    "similarity_reason",
]


@dataclass(frozen=True)
class SimilarKommune:
    kommune: Kommune
    reason: str
    dimensions: tuple[str, ...] = ()


def _current_summaries(choice: DatasetChoice) -> QuerySet[DemographicSummary]:
    """Rows of the default projection, and the rows of regions with observed figures only."""
    condition = Q(dataset__isnull=True)
    if choice.projection is not None:
        condition |= Q(dataset=choice.projection)
    return DemographicSummary.objects.filter(condition)


def _summaries_by_number(kommuner: list[Kommune], choice: DatasetChoice) -> dict[str, DemographicSummary]:
    rows = _current_summaries(choice).filter(region_code__in=[kommune.number for kommune in kommuner])
    return {row.region_code: row for row in rows}


def _projection_summaries() -> QuerySet[DemographicSummary]:
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


def challenges_for(kommuner: Iterable[Kommune]) -> dict[int, list[str]]:
    """Demographic challenge codes (core.vocabularies.Challenge) per kommune pk; two queries."""
    kommuner = list(kommuner)
    summaries = _summaries_by_number(kommuner, current_datasets())
    result = {}
    for kommune in kommuner:
        summary = summaries.get(kommune.number)
        result[kommune.pk] = list(summary.challenges) if summary and summary.dataset_id else []
    return result


def _similar(entries: list[dict], found: dict[str, Kommune], limit: int) -> list[SimilarKommune]:
    return [
        SimilarKommune(found[entry["number"]], similarity_reason(entry["dimensions"]), tuple(entry["dimensions"]))
        for entry in entries[:limit]
        if entry["number"] in found
    ]


def similar_for(kommuner: Iterable[Kommune], limit: int = 5) -> dict[int, list[SimilarKommune]]:
    """The kommuner with the most similar demographic path per kommune pk, nearest first; three queries."""
    kommuner = list(kommuner)
    summaries = _summaries_by_number(kommuner, current_datasets())
    entries = {kommune.pk: (s.similar if (s := summaries.get(kommune.number)) else []) for kommune in kommuner}
    numbers = {entry["number"] for rows in entries.values() for entry in rows[:limit]}
    found = Kommune.objects.select_related("fylke").in_bulk(numbers, field_name="number") if numbers else {}
    return {pk: _similar(rows, found, limit) for pk, rows in entries.items()}


def data_states_for(kommuner: Iterable[Kommune]) -> dict[int, DataState]:
    """Which of the four states (no figures, observed only, projection only, both) applies, per kommune pk; two queries."""
    kommuner = list(kommuner)
    choice = current_datasets()
    summaries = _summaries_by_number(kommuner, choice)
    datasets = {dataset.pk: dataset for dataset in (choice.observed, choice.projection) if dataset}
    return {kommune.pk: state_of(summaries.get(kommune.number), datasets) for kommune in kommuner}


def kommune_challenges(kommune: Kommune) -> list[str]:
    """Demographic challenge codes derived for one kommune."""
    return challenges_for([kommune])[kommune.pk]


def similar_kommuner(kommune: Kommune, limit: int = 5) -> list[SimilarKommune]:
    """The kommuner with the most similar demographic path, nearest first, with the reason."""
    return similar_for([kommune], limit)[kommune.pk]


def similar_from_summary(summary: DemographicSummary | None, limit: int = 5) -> list[SimilarKommune]:
    """The similar kommuner stored in a summary, as kommune objects (one query)."""
    if summary is None or not summary.similar:
        return []
    entries = summary.similar[:limit]
    found = Kommune.objects.select_related("fylke").in_bulk([entry["number"] for entry in entries], field_name="number")
    return _similar(entries, found, limit)


def kommune_populations() -> dict[str, int]:
    """Latest population per kommune number, observed-only kommuner included; empty while nothing is imported.

    Two queries, or none while the figures are unchanged (kept as derived data on the shared cache).
    """
    return remember("kommune-populations", (), ("municipalities",), _kommune_populations)


def _kommune_populations() -> dict[str, int]:
    return {
        number: population
        for number, population in _current_summaries(current_datasets()).values_list("region_code", "population")
        if len(number) == 4
    }


def kommuner_with_challenge(code: str) -> QuerySet[Kommune]:
    """Kommuner whose derived challenges include `code`."""
    numbers = [
        number
        for number, challenges in _projection_summaries().values_list("region_code", "challenges")
        if len(number) == 4 and code in challenges
    ]
    return Kommune.objects.filter(number__in=numbers)


def demographic_brief(kommune: Kommune) -> str:
    """The kommune's demographic challenges and key figures in a few plain sentences (two queries).

    What an application for funding starts its problem description from; empty while no figures are imported.
    """
    summary = _summaries_by_number([kommune], current_datasets()).get(kommune.number)
    if summary is None:
        return ""
    year = summary.observed_last_year or summary.base_year
    lines = [
        gettext("%(kommune)s hadde %(population)s innbyggere i %(year)s.")
        % {"kommune": kommune.name, "population": f"{summary.population:,}".replace(",", "\u00a0"), "year": year}
    ]
    later = summary.indicators.get(str(CHALLENGE_YEAR), {}) if summary.dataset_id else {}
    figures = [
        f"{INDICATOR_LABELS[key]}: {str(value).replace('.', ',')}"
        for key, value in later.items()
        if key in INDICATOR_LABELS and value is not None
    ]
    if figures:
        lines.append(
            gettext("SSBs framskriving (hovedalternativet) for %(year)s:") % {"year": CHALLENGE_YEAR}
            + "\n"
            + "\n".join(f"– {figure}" for figure in figures)
        )
    if summary.dataset_id and summary.challenges:
        labels = ", ".join(
            str(Challenge(code).label).lower() for code in summary.challenges if code in Challenge.values
        )
        lines.append(gettext("Demografiske utfordringer ut fra tallene: %(challenges)s.") % {"challenges": labels})
    return "\n\n".join(lines)


def population_2024() -> dict[str, int]:
    """Each kommune's population on 1 January 2024 from the SSB file the project ships (no query)."""
    from .demo.base import read_base

    return {number: sum(sum(ages) for ages in sexes.values()) for number, sexes in read_base().items()}
