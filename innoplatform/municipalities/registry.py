"""Loads the kommune and fylke registry from the data files shipped with the app.

Takes the model classes as arguments so that data migrations can pass their
historical models; re-running updates names and fylke without duplicating rows.
"""

import csv
from dataclasses import dataclass
from pathlib import Path

from innoplatform.core.text import norwegian_slugify

DATA_DIR = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class RegistryRow:
    number: str
    name: str
    fylke_number: str = ""


def read_fylker(path: Path = DATA_DIR / "fylker.csv") -> list[RegistryRow]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [RegistryRow(row["nummer"], row["navn"]) for row in csv.DictReader(handle, delimiter=";")]


def read_kommuner(path: Path = DATA_DIR / "kommuner.csv") -> list[RegistryRow]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [RegistryRow(row["nummer"], row["navn"], row["fylke"]) for row in csv.DictReader(handle, delimiter=";")]


def load_registry(fylke_model, kommune_model) -> tuple[int, int]:
    """Create or update every fylke and kommune; return how many of each the files hold."""
    fylker = {}
    for row in read_fylker():
        fylker[row.number], _ = fylke_model.objects.update_or_create(
            number=row.number, defaults={"name": row.name, "slug": norwegian_slugify(row.name)}
        )
    kommuner = read_kommuner()
    for row in kommuner:
        kommune_model.objects.update_or_create(
            number=row.number,
            defaults={"name": row.name, "slug": norwegian_slugify(row.name), "fylke": fylker[row.fylke_number]},
        )
    return len(fylker), len(kommuner)
