"""Reads the population of 1 January 2024 shipped with the app (SSB table 07459, see data/README.md).

One row per kommune and sex, 106 counts: ages 0 to 104 and "105 or older".
"""

import csv
from pathlib import Path

from ..registry import DATA_DIR

BASE_FILE = DATA_DIR / "ssb_07459_befolkning_2024.csv"
BASE_YEAR = 2024
AGES = 106
"""Single years 0–104 and the open group 105+ (index 105), as SSB publishes them."""

# {kommune number: {"M": [persons by age], "K": [...]}}
BasePopulation = dict[str, dict[str, list[int]]]


def read_base(path: Path = BASE_FILE) -> BasePopulation:
    """The shipped population by kommune, sex and single year of age."""
    result: BasePopulation = {}
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter=";")
        next(reader)
        for number, sex, *counts in reader:
            result.setdefault(number, {})[sex] = [int(count) for count in counts]
    return result
