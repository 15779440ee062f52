"""Norwegian text as the search index sees it: words reduced to comparable terms.

The same analysis runs when a document is indexed and when a query is read, so
both sides meet on the same terms whatever the database:

- words are lower-cased and split on anything that is not a letter or digit;
  the commonest bokmål and nynorsk function words are left out;
- each word goes through Snowball's Norwegian stemmer, then through a few rules
  Snowball lacks: agent nouns lose their ending in every form («innbyggerne»,
  «innbyggere», «innbyggar» → «innbygg»), a final double consonant is written
  once («sykehjemmene» → «sykehjem», «ungdommen» → «ungdom»), and the commonest
  nynorsk spellings are mapped to bokmål («heimetenesta» → «hjemmetjenest»,
  «einsemd» → «ensom»), so that «kommunane» finds «kommunene»;
- a compound is also indexed as the words it is made of when those words are
  known (`compound_parts`): «velferdsteknologi» also counts as «velferd» and
  «teknologi», so «teknologi» finds it, and «eldreomsorg» meets «omsorg for eldre»;
- `one_edit_away` lists the spellings one typing error away, for typo tolerance.
"""

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import cache, lru_cache

import Stemmer

WORD = re.compile(r"[0-9a-zæøåäöüéèáàóôêç]+")
MIN_WORD = 2
MAX_WORD = 40
"""Longer «words» (codes, runs of letters) are not indexed or searched: no Norwegian word needs more."""
MAX_SPLIT_LENGTH = 30
"""Compound splitting and typo tolerance look at words up to this length; their candidates grow with it."""
MIN_PART = 4
"""A compound splits only into parts of at least four letters, so «foreldre» is not «for» + «eldre»."""
MIN_TYPO_LENGTH = 6
"""Words shorter than this are taken as typed: one letter off in a short word is often another word."""
ALPHABET = "abcdefghijklmnopqrstuvwxyzæøå"

STOPWORDS = frozenset(
    [
        "alle",
        "andre",
        "at",
        "av",
        "bare",
        "begge",
        "ble",
        "bli",
        "blir",
        "blitt",
        "både",
        "da",
        "de",
        "deg",
        "dei",
        "deim",
        "dem",
        "den",
        "denne",
        "der",
        "dere",
        "deres",
        "det",
        "dette",
        "di",
        "din",
        "disse",
        "ditt",
        "du",
        "eg",
        "ein",
        "eit",
        "eitt",
        "eller",
        "elles",
        "en",
        "enn",
        "er",
        "et",
        "ett",
        "etter",
        "for",
        "fordi",
        "fra",
        "frå",
        "før",
        "ha",
        "hadde",
        "han",
        "hans",
        "har",
        "hennar",
        "henne",
        "hennes",
        "her",
        "hjå",
        "ho",
        "hoe",
        "honom",
        "hoss",
        "hossen",
        "hun",
        "hva",
        "hvem",
        "hver",
        "hvilke",
        "hvilken",
        "hvis",
        "hvor",
        "hvordan",
        "hvorfor",
        "i",
        "ikke",
        "ikkje",
        "inn",
        "innen",
        "jeg",
        "kan",
        "kom",
        "korleis",
        "korso",
        "kun",
        "kunne",
        "kva",
        "kvar",
        "kvarhelst",
        "kven",
        "kvi",
        "kvifor",
        "man",
        "mange",
        "me",
        "med",
        "medan",
        "meg",
        "meget",
        "mellom",
        "men",
        "mi",
        "min",
        "mine",
        "mitt",
        "mot",
        "mykje",
        "ned",
        "no",
        "noe",
        "noen",
        "noka",
        "noko",
        "nokon",
        "nokor",
        "nokre",
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
        "si",
        "sia",
        "sidan",
        "sin",
        "sine",
        "sitt",
        "sjøl",
        "skal",
        "skulle",
        "slik",
        "so",
        "som",
        "somme",
        "somt",
        "så",
        "sånn",
        "til",
        "um",
        "upp",
        "ut",
        "uten",
        "var",
        "vart",
        "varte",
        "ved",
        "vere",
        "verte",
        "vi",
        "vil",
        "ville",
        "vore",
        "vors",
        "vort",
        "vår",
        "være",
        "vært",
        "å",
    ]
)

NYNORSK_TO_BOKMAL = (
    ("sjuk", "syk"),
    ("heime", "hjemme"),
    ("heim", "hjem"),
    ("tenest", "tjenest"),
    ("einsemd", "ensom"),
    ("einsam", "ensom"),
    ("kvardag", "hverdag"),
    ("verksemd", "virksomhet"),
    ("friviljug", "frivil"),
    ("tilsett", "ansatt"),
    ("skul", "skol"),
    ("born", "barn"),
    ("augn", "øyn"),
)
"""Nynorsk spellings inside a stem and the bokmål spelling they are indexed as."""

NYNORSK_HET = re.compile(r"(?<=[a-zæøå]{3})(?:heit|leik)")
"""Nynorsk «-heit» and «-leik» are bokmål «-het» («tryggleik» → «trygghet»), but not the words «leik» or «heite»."""

AGENT_ENDINGS = ("ern", "er", "ar")
"""Endings Snowball leaves on nouns such as «innbygger», «innbyggerne», «brukar»; removed when at least four letters stay."""

COMMON_PARTS = (
    "teknologi",
    "tjeneste",
    "omsorg",
    "helse",
    "sykehjem",
    "pleie",
    "skole",
    "barnehage",
    "ungdom",
    "eldre",
    "frivillig",
    "digital",
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
    "tilsyn",
    "sensor",
    "rehabilitering",
    "demens",
    "ernæring",
    "inkludering",
    "folkehelse",
    "avløp",
    "avfall",
    "kultur",
    "bibliotek",
    "idrett",
    "velferd",
    "samarbeid",
    "natt",
    "hjemme",
    "kommune",
)
"""Words the platform's texts build compounds from; they split compounds even before the corpus holds them."""


@cache
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("norwegian")


def words(text: str) -> list[str]:
    """The words of `text`, lower-cased, in order (function words included)."""
    return WORD.findall(unicodedata.normalize("NFKC", text).lower())


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The index term of one lower-case word (see the module docstring)."""
    if any(char.isdigit() for char in word):
        return word
    term = _stemmer().stemWord(NYNORSK_HET.sub("het", word))
    for ending in AGENT_ENDINGS:
        if term.endswith(ending) and len(term) - len(ending) >= MIN_PART:
            term = term[: -len(ending)]
            break
    for nynorsk, bokmal in NYNORSK_TO_BOKMAL:
        if nynorsk in term:
            term = term.replace(nynorsk, bokmal)
    if len(term) > MIN_PART and term[-1] == term[-2] and term[-1] not in "aeiouyæøå":
        term = term[:-1]
    return term


def is_searchable(word: str) -> bool:
    return MIN_WORD <= len(word) <= MAX_WORD and word not in STOPWORDS


def terms(text: str) -> list[str]:
    """The index terms of `text`, function words left out, in order."""
    return [stem(word) for word in words(text) if is_searchable(word)]


@cache
def common_part_terms() -> frozenset[str]:
    return frozenset(stem(word) for word in COMMON_PARTS)


def part_candidates(term: str) -> list[str]:
    """Every head and tail of `term` that could be a word of its own (at least four letters, four left over).

    A head may end in a linking «s» or «e» («velferds-», «barne-»); the head is
    then also tried without it.
    """
    found: list[str] = []
    if len(term) > MAX_SPLIT_LENGTH:
        return found
    for cut in range(MIN_PART, len(term) - MIN_PART + 1):
        head, tail = term[:cut], term[cut:]
        found.append(tail)
        found.append(head)
        if head[-1] in "se" and len(head) > MIN_PART:
            found.append(head[:-1])
    return found


SHORT_PART = 4
"""A four-letter part («ring», «ende») splits a compound only when it is one of the common parts («hjem», «eldr»)."""


def compound_parts(term: str, known: Callable[[str], bool]) -> list[str]:
    """The longest known head and the longest known tail of `term`, when it is a compound of known words."""

    def is_part(candidate: str) -> bool:
        return known(candidate) and (len(candidate) > SHORT_PART or candidate in common_part_terms())

    parts: list[str] = []
    for cut in range(len(term) - MIN_PART, MIN_PART - 1, -1):
        head = term[:cut]
        if is_part(head) or (head[-1] in "se" and len(head) > MIN_PART and is_part(head[:-1])):
            parts.append(head if is_part(head) else head[:-1])
            break
    for cut in range(MIN_PART, len(term) - MIN_PART + 1):
        tail = term[cut:]
        if is_part(tail):
            parts.append(tail)
            break
    return [part for part in dict.fromkeys(parts) if part != term]


def one_edit_away(word: str) -> set[str]:
    """Every string one deletion, insertion, substitution or swap of neighbours away from `word`."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {left + right[1:] for left, right in splits if right}
    swaps = {left + right[1] + right[0] + right[2:] for left, right in splits if len(right) > 1}
    replaces = {left + char + right[1:] for left, right in splits if right for char in ALPHABET}
    inserts = {left + char + right for left, right in splits for char in ALPHABET}
    return (deletes | swaps | replaces | inserts) - {word}


def typo_candidates(word: str) -> set[str]:
    """The index terms a mistyped `word` may have meant (empty for words shorter than MIN_TYPO_LENGTH)."""
    if not MIN_TYPO_LENGTH <= len(word) <= MAX_SPLIT_LENGTH or any(char.isdigit() for char in word):
        return set()
    return {stem(candidate) for candidate in one_edit_away(word)} | one_edit_away(stem(word))


def unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


NYNORSK_MARKERS = frozenset(
    [
        "ikkje",
        "eit",
        "frå",
        "kva",
        "korleis",
        "kvifor",
        "dei",
        "ho",
        "berre",
        "mykje",
        "noko",
        "nokon",
        "vere",
        "vore",
        "heime",
        "vart",
        "òg",
    ]
)
BOKMAL_MARKERS = frozenset(
    [
        "ikke",
        "ett",
        "fra",
        "hva",
        "hvordan",
        "hvorfor",
        "de",
        "hun",
        "bare",
        "mye",
        "noe",
        "noen",
        "være",
        "vært",
        "hjemme",
        "ble",
        "også",
    ]
)


def guess_language(text: str) -> str:
    """«nn» when the text has more nynorsk-only than bokmål-only function words, else «nb»."""
    counts = {"nn": 0, "nb": 0}
    for word in words(text):
        if word in NYNORSK_MARKERS:
            counts["nn"] += 1
        elif word in BOKMAL_MARKERS:
            counts["nb"] += 1
    return "nn" if counts["nn"] > counts["nb"] else "nb"
