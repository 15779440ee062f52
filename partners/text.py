"""Norwegian text as the matching compares it: words, without the commonest, reduced to their stems.

Snowball's Norwegian stemmer joins inflections ("kommunene", "kommunen" → "kommun").
A compound keeps its own stem and also counts as the known parts it contains, from
a small vocabulary of the platform's domain, so "velferdsteknologi" also matches
"teknologi" and "hjemmetjenesten" matches "tjeneste". The matching also splits
compounds on the words its corpus already holds (`parts_in_vocabulary`), so that
parts outside the small vocabulary count as well.
"""

import re
from collections.abc import Collection
from functools import cache

import Stemmer

from innoplatform.core.sanitizer import strip_html

WORD = re.compile(r"[a-zæøåéüö]+(?:-[a-zæøåéüö]+)*")
MIN_LENGTH = 3
SHORT_PART = 4
MIN_VOCABULARY_PART = 5

STOPWORDS = frozenset(
    [
        "alle",
        "andre",
        "at",
        "av",
        "bare",
        "blir",
        "bli",
        "ble",
        "både",
        "da",
        "de",
        "deg",
        "dem",
        "den",
        "denne",
        "der",
        "dere",
        "deres",
        "det",
        "dette",
        "dette",
        "du",
        "eller",
        "en",
        "et",
        "ett",
        "etter",
        "for",
        "fordi",
        "fra",
        "før",
        "godt",
        "ha",
        "hadde",
        "han",
        "har",
        "hun",
        "hvor",
        "hva",
        "hvem",
        "hvis",
        "hvordan",
        "i",
        "ikke",
        "inn",
        "inntil",
        "jeg",
        "kan",
        "kun",
        "kunne",
        "man",
        "med",
        "meg",
        "men",
        "mer",
        "mest",
        "mot",
        "mye",
        "må",
        "måtte",
        "ned",
        "noe",
        "noen",
        "nå",
        "når",
        "og",
        "også",
        "om",
        "opp",
        "oss",
        "over",
        "på",
        "samme",
        "seg",
        "selv",
        "sin",
        "sine",
        "sitt",
        "skal",
        "skulle",
        "slik",
        "som",
        "så",
        "til",
        "under",
        "ut",
        "uten",
        "var",
        "vi",
        "vil",
        "ville",
        "vår",
        "våre",
        "være",
        "vært",
        "å",
        "få",
        "gjør",
        "gjøre",
        "gjennom",
        "ønsker",
        "ønske",
        "kommunen",
        "kommuner",
        "kommune",
        "vil",
        "vi",
    ]
)

COMPOUND_PARTS = (
    "teknologi",
    "tjeneste",
    "omsorg",
    "helse",
    "hjem",
    "sykehjem",
    "pleie",
    "skole",
    "barnehage",
    "ungdom",
    "eldre",
    "frivillig",
    "digital",
    "data",
    "energi",
    "klima",
    "transport",
    "bolig",
    "rekruttering",
    "innbygger",
    "pasient",
    "bruker",
    "forskning",
    "innovasjon",
    "anskaffelse",
    "arbeid",
    "natt",
    "tilsyn",
    "sensor",
    "rehabilitering",
    "demens",
    "ernæring",
    "inkludering",
    "folkehelse",
    "vann",
    "avløp",
    "avfall",
    "vei",
    "plan",
    "kultur",
    "bibliotek",
    "idrett",
)


@cache
def stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("norwegian")


@cache
def _part_stems() -> tuple[str, ...]:
    return tuple(sorted({stemmer().stemWord(part) for part in COMPOUND_PARTS}, key=len, reverse=True))


def _contains_part(stem: str, part: str) -> bool:
    """Whether the compound `stem` has `part` in it, leaving at least three letters for the rest.

    A short part (four letters or fewer) must begin or end the compound: «natt» is in
    «nattilsyn» and «vann» in «drikkevann», but «vei» is not in «veileder».
    """
    if part == stem or len(stem) < len(part) + MIN_LENGTH:
        return False
    if len(part) <= SHORT_PART:
        return stem.startswith(part) or stem.endswith(part)
    return part in stem


def stems(text: str) -> list[str]:
    """The stems of the words in `text` (HTML removed), stopwords left out, compound parts added."""
    words = [word for word in WORD.findall(strip_html(text).lower()) if len(word) >= MIN_LENGTH]
    result: list[str] = []
    for word in words:
        for piece in word.split("-"):
            if piece in STOPWORDS or len(piece) < MIN_LENGTH:
                continue
            stem = stemmer().stemWord(piece)
            result.append(stem)
            result.extend(part for part in _part_stems() if _contains_part(stem, part))
    return result


def parts_in_vocabulary(stem: str, vocabulary: Collection[str]) -> list[str]:
    """The longest word of `vocabulary` that begins `stem`, and the longest that ends it (linking -s- or -e- allowed).

    The corpus's own words are the dictionary: when one post writes «skjermbesøk» and
    another «besøk», the compound also counts as «besøk». Parts are at least
    MIN_VOCABULARY_PART letters, so that short words do not split compounds by chance.
    """
    found: list[str] = []
    for end in range(len(stem) - MIN_LENGTH, MIN_VOCABULARY_PART - 1, -1):
        head = stem[:end]
        if head in vocabulary:
            found.append(head)
            break
    for start in range(MIN_LENGTH, len(stem) - MIN_VOCABULARY_PART + 1):
        tail = stem[start:]
        if tail in vocabulary:
            found.append(tail)
            break
    return [part for part in found if part != stem]


@cache
def _part_words() -> dict[str, str]:
    return {stemmer().stemWord(part): part for part in COMPOUND_PARTS}


def surface_forms(text: str) -> dict[str, str]:
    """Stem → the first word of `text` with that stem, to show a reader words rather than stems.

    A known part inside a compound of the text is shown as the part's own word
    («innbygger» for the part of «innbyggerhenvendelser»).
    """
    forms: dict[str, str] = {}
    for word in WORD.findall(strip_html(text).lower()):
        for piece in word.split("-"):
            if len(piece) < MIN_LENGTH or piece in STOPWORDS:
                continue
            stem = stemmer().stemWord(piece)
            forms.setdefault(stem, piece)
            for part in _part_stems():
                if _contains_part(stem, part):
                    forms.setdefault(part, _part_words()[part])
    return forms
