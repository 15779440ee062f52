"""Turn SSB's cell texts — counts, ages, sexes, years — into plain values.

SSB writes the same thing many ways: age 5 is "005", "5 år" or "5 years", the
functional group 1–5 is "F001-005" or "1-5 år", the top group "105+" or
"105 år eller eldre". Missing values are symbols, not zeros, and must stay missing.
"""

import math
import re

from django.utils.translation import gettext as _

# "..", "...", ".", ":" are SSB's symbols for unavailable, not yet available,
# not applicable and confidential; pyjstat writes missing cells as "" or "nan".
MISSING_SYMBOLS = frozenset({"", "..", "...", ".", ":", "nan", "NaN", "None", "null"})
# "-" is SSB's symbol for "nil": the value is exactly zero.
NIL_SYMBOL = "-"

_SINGLE_AGE = re.compile(r"^(\d{1,3})(?:\s*(?:år|years?))?$")
_AGE_RANGE = re.compile(r"^(\d{1,3})\s*[-–]\s*(\d{1,3})(?:\s*(?:år|years?))?$")
_OPEN_AGE = re.compile(
    r"^(\d{1,3})\s*(?:\+|år\s*\+|år eller eldre|år og eldre|år og over|years or older|years and older|years and over)$"
)
_YEAR = re.compile(r"^(1[89]\d\d|2\d\d\d)(?:-01-01)?$")
MAX_PERSONS = 10_000_000
"""No single cell (one region, year, sex and age) can hold more people than this; a larger value is a typo."""
MAX_AGE = 130

_SEXES = {
    "1": "M",
    "m": "M",
    "menn": "M",
    "mann": "M",
    "males": "M",
    "male": "M",
    "men": "M",
    "2": "K",
    "k": "K",
    "kvinner": "K",
    "kvinne": "K",
    "females": "K",
    "female": "K",
    "women": "K",
    "0": "T",
    "t": "T",
    "begge kjønn": "T",
    "both sexes": "T",
    "i alt": "T",
    "total": "T",
}


def shown(text: str, limit: int = 40) -> str:
    """A cell's text as quoted in an error message: long texts cut, so one bad cell cannot flood the report."""
    return text if len(text) <= limit else text[:limit] + "…"


def parse_count(text: str) -> int | None:
    """A number of persons; None when SSB marks the value as missing.

    Raises ValueError for anything else that is not a non-negative whole number.
    """
    if len(text) < 8 and text.isascii() and text.isdigit():
        return int(text)
    text = text.strip()
    if text in MISSING_SYMBOLS:
        return None
    if text == NIL_SYMBOL:
        return 0
    try:
        value = int(text)
    except ValueError:
        try:
            number = float(text)
        except ValueError:
            raise ValueError(_("«%(value)s» er ikke et tall.") % {"value": shown(text)}) from None
        if not math.isfinite(number) or not number.is_integer():
            raise ValueError(_("«%(value)s» er ikke et helt antall personer.") % {"value": shown(text)}) from None
        value = int(number)
    return check_count(value, text)


def check_count(value: int, text: str) -> int:
    """`value` if it can be a number of persons; ValueError naming the text otherwise."""
    if value < 0:
        raise ValueError(_("«%(value)s» er negativt.") % {"value": shown(text)})
    if value > MAX_PERSONS:
        raise ValueError(
            _("«%(value)s» er ikke et mulig antall personer (høyst %(max)s per celle).")
            % {"value": shown(text), "max": f"{MAX_PERSONS:,}".replace(",", " ")}
        )
    return value


def parse_age(text: str) -> tuple[int, int | None]:
    """Inclusive (from, to) of an SSB age code or label; to is None for an open top group."""
    norm = text.strip().lower()
    if norm.startswith("f") and norm[1:2].isdigit():
        norm = norm[1:]
    if match := _SINGLE_AGE.match(norm):
        age = int(match.group(1))
        if age <= MAX_AGE:
            return age, age
    if match := _AGE_RANGE.match(norm):
        low, high = int(match.group(1)), int(match.group(2))
        if low <= high <= MAX_AGE:
            return low, high
    if (match := _OPEN_AGE.match(norm)) and (low := int(match.group(1))) <= MAX_AGE:
        return low, None
    raise ValueError(_("Ukjent alder «%(value)s».") % {"value": shown(text)})


def parse_sex(text: str) -> str:
    """Our sex code (T, M, K) for an SSB Kjonn code or label."""
    try:
        return _SEXES[text.strip().lower()]
    except KeyError:
        raise ValueError(_("Ukjent kjønn «%(value)s».") % {"value": shown(text)}) from None


def find_sex(words: str) -> tuple[str | None, str]:
    """Split a trailing sex word off a column heading such as "Persons 2024 Males"."""
    lowered = words.strip().lower()
    for label, code in _SEXES.items():
        if len(label) > 2 and (lowered == label or lowered.endswith(" " + label)):
            return code, words.strip()[: len(words.strip()) - len(label)].strip()
    return None, words.strip()


def parse_year(text: str) -> int:
    """A year from "2024" or "2024-01-01" (population on 1 January)."""
    match = _YEAR.match(text.strip())
    if not match:
        raise ValueError(_("Ugyldig år «%(value)s».") % {"value": shown(text)})
    return int(match.group(1))


YEAR_IN_HEADING = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
