"""KOSTRA's region codes and the 2024 kommuner: renumbered kommuner follow their number, the rest are named.

KOSTRA publishes each year under that year's numbers (3807 Skien in 2020–2023,
4003 from 2024), marks kommuner that no longer exist with "(-2019)", and adds
rows for the country (EAK), fylker (EKA40) and groups of kommuner (EKG…).
"""

import csv
import re
from dataclasses import dataclass

from ..registry import DATA_DIR
from ..ssb.regions import CURRENT_STRUCTURE_YEAR, PAST_FYLKER

RENUMBERED_FILE = DATA_DIR / "kommunenummer_2024.csv"
_KOMMUNE = re.compile(r"^(?:K-)?(\d{4})$")
_ENDED = re.compile(r"\((?:\d{4})?\s*-\s*(\d{4})\)")
"""A label such as "Skien (-2019)" or "Steinkjer (2018-2019)": the kommune ended that year."""


@dataclass(frozen=True)
class KostraRegion:
    """A kommune of 2024 (`number`), or why the row is not stored (`skipped`: country, fylke, historical …)."""

    number: str | None
    skipped: str = ""


def renumbered() -> dict[str, str]:
    """Kommune numbers of 2020–2023 that changed on 1 January 2024, old → new."""
    with RENUMBERED_FILE.open(encoding="utf-8", newline="") as handle:
        return {row["gammelt"]: row["nytt"] for row in csv.DictReader(handle, delimiter=";")}


class KostraRegions:
    def __init__(self, kommuner: set[str], renumbering: dict[str, str]) -> None:
        self.kommuner = kommuner
        self.renumbering = renumbering

    def resolve(self, code: str, label: str = "") -> KostraRegion | None:
        """The region of a code such as "3807", "K-4003", "EAK" or "EKA40"; None for an unknown code."""
        code = code.strip()
        upper = code.upper()
        if upper in ("EAK", "EAKUO", "0", "00") or upper.startswith("EAK"):
            return KostraRegion(None, "landet")
        if upper.startswith(("EKA", "EKG", "EKK")):
            return KostraRegion(None, "fylke eller kommunegruppe")
        if not (match := _KOMMUNE.match(code)):
            if code.isdigit() and len(code) == 2:
                return KostraRegion(None, "fylke eller kommunegruppe")
            return None
        number = match.group(1)
        if number.startswith(("21", "22", "23")):
            return KostraRegion(None, "Svalbard")
        if (ended := _ENDED.search(label)) and int(ended.group(1)) < CURRENT_STRUCTURE_YEAR:
            return KostraRegion(None, "historisk kommune")
        if number in self.kommuner:
            return KostraRegion(number)
        if number in self.renumbering:
            return KostraRegion(self.renumbering[number])
        if number[:2] in PAST_FYLKER:
            return KostraRegion(None, "historisk kommune")
        return None
