"""Reading a query: each word becomes a group of terms any of which may match, checked against the vocabulary.

A word matches its own term; a compound also matches all of its known parts
together («eldreomsorg» → «eldr» and «omsorg»); an unknown word of six letters
or more also matches the likeliest known term one typing error away, and that
correction is offered as «Mente du …?». Only the single commonest correction is
taken, so that a typo does not flood the results with every near word.
"""

from dataclasses import dataclass, field

from . import analysis
from .models import SearchTerm

MAX_QUERY_LENGTH = 200
MAX_WORDS = 12


@dataclass(frozen=True)
class TermGroup:
    word: str
    terms: tuple[str, ...]
    """Alternatives: the word's own term, and a correction if it is a likely typo."""
    parts: tuple[str, ...] = ()
    """The known parts of a compound, which match when all are present."""
    prefix: str = ""
    """For type-ahead: the word as typed, matched as the beginning of a term."""

    @property
    def all_terms(self) -> tuple[str, ...]:
        return (*self.terms, *self.parts)


@dataclass(frozen=True)
class ParsedQuery:
    text: str
    groups: tuple[TermGroup, ...] = ()
    corrections: dict[str, str] = field(default_factory=dict)
    """Word as typed → the word it likely meant."""

    @property
    def is_empty(self) -> bool:
        return not self.groups

    @property
    def suggestion(self) -> str:
        """The query with every correction made, for «Mente du …?» (empty when nothing was corrected)."""
        if not self.corrections:
            return ""
        return " ".join(self.corrections.get(word, word) for word in analysis.words(self.text))

    @property
    def highlight_terms(self) -> frozenset[str]:
        return frozenset(term for group in self.groups for term in group.all_terms)


def clean(text: str) -> str:
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def parse(text: str, *, prefix_last: bool = False) -> ParsedQuery:
    """The query's groups, reading the vocabulary once for compound parts and typo corrections."""
    text = clean(text)
    typed = [word for word in analysis.words(text) if analysis.is_searchable(word)][:MAX_WORDS]
    if not typed:
        return ParsedQuery(text=text)
    own = {word: analysis.stem(word) for word in typed}
    typos = {word: analysis.typo_candidates(word) for word in own}
    candidates: set[str] = set(own.values())
    for word, term in own.items():
        candidates.update(analysis.part_candidates(term))
        candidates.update(typos[word])
    vocabulary = _vocabulary(candidates)

    def known(term: str) -> bool:
        return term in vocabulary or term in analysis.common_part_terms()

    groups: list[TermGroup] = []
    corrections: dict[str, str] = {}
    for position, word in enumerate(typed):
        term = own[word]
        alternatives = [term]
        if term not in vocabulary:
            correction = _likeliest(typos[word], vocabulary)
            if correction:
                alternatives.append(correction)
                corrections[word] = vocabulary[correction][0]
        parts = analysis.compound_parts(term, known) if len(term) >= 2 * analysis.MIN_PART else []
        is_last = position == len(typed) - 1
        groups.append(
            TermGroup(
                word=word,
                terms=tuple(alternatives),
                parts=tuple(parts) if len(parts) > 1 else (),
                prefix=word if prefix_last and is_last else "",
            )
        )
    return ParsedQuery(text=text, groups=tuple(groups), corrections=corrections)


def _vocabulary(candidates: set[str]) -> dict[str, tuple[str, int]]:
    """Term → (word, number of documents) for the candidates the index holds, in one query."""
    rows = SearchTerm.objects.filter(term__in=list(candidates), documents__gt=0).values_list(
        "term", "word", "documents"
    )
    return {term: (word, documents) for term, word, documents in rows}


def _likeliest(candidates: set[str], vocabulary: dict[str, tuple[str, int]]) -> str:
    known = [(vocabulary[term][1], term) for term in candidates if term in vocabulary]
    return max(known)[1] if known else ""
