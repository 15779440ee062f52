"""Several kommuner side by side: their summaries for one projection, from three queries.

Visitors type a name or number per kommune; unknown entries are reported back
rather than silently dropped.
"""

from dataclasses import dataclass

from innoplatform.core.vocabularies import Challenge

from ..models import DemographicSummary, Kommune
from .datasets import DatasetChoice, current_datasets
from .indicators import CHALLENGE_YEAR, INDICATOR_KEYS, INDICATOR_LABELS

MAX_COMPARED = 6


@dataclass(frozen=True)
class ComparedRow:
    key: str
    label: str
    values: list


@dataclass(frozen=True)
class Comparison:
    choice: DatasetChoice
    kommuner: list[Kommune]
    populations: list[int | None]
    rows: list[ComparedRow]
    challenges: list[list[str]]
    year: int = CHALLENGE_YEAR


def parse_kommune_inputs(inputs: list[str], kommuner: list[Kommune]) -> tuple[list[Kommune], list[str]]:
    """Match each entry ("4003", "Skien" or "4003 Skien") to a kommune; return matches and the unknown."""
    by_number = {kommune.number: kommune for kommune in kommuner}
    by_name = {kommune.name.casefold(): kommune for kommune in kommuner}
    chosen: list[Kommune] = []
    unknown: list[str] = []
    for text in inputs:
        number = text[:4]
        kommune = by_number.get(number) if number.isdigit() else by_name.get(text.casefold())
        if kommune is None:
            unknown.append(text)
        elif kommune not in chosen:
            chosen.append(kommune)
    return chosen[:MAX_COMPARED], unknown


def compare_kommuner(kommuner: list[Kommune], alternative: str | None = None) -> Comparison:
    """Indicators for the challenge year and derived challenges of each kommune, in input order."""
    choice = current_datasets(alternative)
    summaries = {}
    if choice.projection is not None:
        summaries = {
            s.region_code: s
            for s in DemographicSummary.objects.filter(
                dataset=choice.projection, region_code__in=[k.number for k in kommuner]
            )
        }
    ordered = [summaries.get(kommune.number) for kommune in kommuner]
    year = str(CHALLENGE_YEAR)
    rows = [
        ComparedRow(
            key, str(INDICATOR_LABELS[key]), [s.indicators.get(year, {}).get(key) if s else None for s in ordered]
        )
        for key in INDICATOR_KEYS
    ]
    challenges = [[str(Challenge(code).label) for code in s.challenges] if s else [] for s in ordered]
    return Comparison(choice, kommuner, [s.population if s else None for s in ordered], rows, challenges)
