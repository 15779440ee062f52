"""Map SSB's region codes and names onto the registry of 2024 kommuner and fylker.

SSB tables mix kommuner, fylker, the whole country, kommuner of earlier
structures (e.g. 3806 Porsgrunn before 2024) and special rows (Svalbard,
continental shelf, "Rest"). Each gets a kind, so the importer can store the
first three and report the others instead of losing them silently.
"""

import enum
import re
from dataclasses import dataclass

from innoplatform.municipalities.models import Fylke, Kommune
from innoplatform.municipalities.models.population import COUNTRY_CODE


class RegionKind(enum.Enum):
    KOMMUNE = "kommune"
    FYLKE = "fylke"
    COUNTRY = "country"
    HISTORICAL = "historical"
    SPECIAL = "special"
    UNKNOWN = "unknown"

    @property
    def is_stored(self) -> bool:
        return self in (RegionKind.KOMMUNE, RegionKind.FYLKE, RegionKind.COUNTRY)


@dataclass(frozen=True)
class Region:
    kind: RegionKind
    code: str
    label: str


# Fylke numbers used at some time since 1972; a kommune code under one of them is
# historical when it is not in the 2024 registry, anything else is unknown.
PAST_FYLKER = {f"{n:02d}" for n in range(1, 21)} | {"30", "38", "54"}
_SPECIAL_CODES = {"21", "22", "21-22", "23", "rest", "2321", "2311", "2211", "2111", "2121", "2131"}
_COUNTRY_NAMES = {"hele landet", "landet", "norge", "the whole country", "whole country", "norway"}
_CODED = re.compile(r"^(?:[KF]-)?(\d{1,4}(?:-\d{1,4})?|Rest)(?:\s+(.*))?$", re.IGNORECASE)
_PERIOD_SUFFIX = re.compile(r"\s*\((\d{4})\s*-\s*(\d{4})?\)$")
CURRENT_STRUCTURE_YEAR = 2024


class RegionResolver:
    """Resolve codes ("4003", "K-4003", "40", "0") and texts ("K-4003 Skien", "Skien", "Hele landet")."""

    def __init__(self, kommuner: dict[str, str], fylker: dict[str, str]) -> None:
        self.kommuner = kommuner
        self.fylker = fylker
        self._names: dict[str, str] = {}
        for number, name in fylker.items():
            self._add_name(name, number)
        # Kommune names win over fylke names: "Oslo" is both, and kommune data is the common case.
        for number, name in kommuner.items():
            self._add_name(name, number)
        self._cache: dict[str, Region] = {}

    @classmethod
    def from_registry(cls) -> "RegionResolver":
        return cls(
            dict(Kommune.objects.values_list("number", "name")),
            dict(Fylke.objects.values_list("number", "name")),
        )

    def _add_name(self, name: str, number: str) -> None:
        self._names[name.lower()] = number
        # SSB writes Sami and Kven names after " - "; files often carry only the first.
        self._names.setdefault(name.split(" - ")[0].lower(), number)

    def by_code(self, code: str, label: str = "") -> Region:
        """Resolve a code as given in a JSON-stat Region dimension."""
        key = f"{code}\x00{label}"
        if key not in self._cache:
            self._cache[key] = self._by_code(code.strip(), label.strip())
        return self._cache[key]

    def _by_code(self, code: str, label: str) -> Region:
        bare = re.sub(r"^[KF]-", "", code, flags=re.IGNORECASE)
        if bare in ("0", "00"):
            return Region(RegionKind.COUNTRY, COUNTRY_CODE, label)
        if bare.lower() in _SPECIAL_CODES:
            return Region(RegionKind.SPECIAL, bare, label)
        if bare in self.kommuner:
            return Region(RegionKind.KOMMUNE, bare, label or self.kommuner[bare])
        if bare in self.fylker:
            return Region(RegionKind.FYLKE, bare, label or self.fylker[bare])
        if bare.isdigit() and len(bare) in (2, 4) and bare[:2] in PAST_FYLKER:
            return Region(RegionKind.HISTORICAL, bare, label)
        return Region(RegionKind.UNKNOWN, code, label)

    def by_text(self, text: str) -> Region:
        """Resolve a cell such as "K-3101 Halden", "3101 Halden", "Skien" or "Porsgrunn (2020-2023)"."""
        if text not in self._cache:
            self._cache[text] = self._by_text(text.strip())
        return self._cache[text]

    def _by_text(self, text: str) -> Region:
        if match := _CODED.match(text):
            return self.by_code(match.group(1), match.group(2) or "")
        name = text
        if period := _PERIOD_SUFFIX.search(text):
            if period.group(2) and int(period.group(2)) < CURRENT_STRUCTURE_YEAR:
                return Region(RegionKind.HISTORICAL, text, text)
            name = text[: period.start()]
        lowered = name.lower()
        if lowered in _COUNTRY_NAMES:
            return Region(RegionKind.COUNTRY, COUNTRY_CODE, text)
        if lowered in self._names:
            return self.by_code(self._names[lowered], name)
        return Region(RegionKind.UNKNOWN, text, text)
