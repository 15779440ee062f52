"""Highlighted snippets: the sentence of a document that holds most of the query's words, with them marked.

Made from the stored text in Python, so both database backends give the same
snippet; the words are compared as index terms, so «sykehjemmene» is marked for
the query «sykehjem» and «velferdsteknologi» for «teknologi».
"""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from . import analysis

SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
TOKEN = re.compile(r"[0-9A-Za-zÆØÅæøåÄÖÜäöüÉÈÁÀÓÔÊÇéèáàóôêç]+")
MAX_LENGTH = 240


def _matches(word: str, terms: frozenset[str]) -> bool:
    term = analysis.stem(word.lower())
    if term in terms:
        return True
    return len(term) > analysis.MIN_PART and any(
        len(part) >= analysis.MIN_PART and (term.startswith(part) or term.endswith(part)) for part in terms
    )


def _score(sentence: str, terms: frozenset[str]) -> int:
    return len({analysis.stem(word.lower()) for word in TOKEN.findall(sentence) if _matches(word, terms)})


def _window(sentence: str, terms: frozenset[str]) -> str:
    if len(sentence) <= MAX_LENGTH:
        return sentence
    first = next((m.start() for m in TOKEN.finditer(sentence) if _matches(m.group(), terms)), 0)
    start = max(0, min(first - MAX_LENGTH // 3, len(sentence) - MAX_LENGTH))
    start = sentence.rfind(" ", 0, start) + 1 if start else 0
    cut = sentence[start : start + MAX_LENGTH]
    cut = cut[: cut.rfind(" ")] if start + MAX_LENGTH < len(sentence) and " " in cut else cut
    return ("… " if start else "") + cut + (" …" if start + len(cut) < len(sentence) else "")


def _mark(text: str, terms: frozenset[str]) -> str:
    out, last = [], 0
    for match in TOKEN.finditer(text):
        if _matches(match.group(), terms):
            out += [escape(text[last : match.start()]), "<mark>", escape(match.group()), "</mark>"]
            last = match.end()
    out.append(escape(text[last:]))
    return "".join(out)


def snippet(summary: str, body: str, terms: frozenset[str]) -> SafeString:
    """The best sentence of `summary` and `body` for `terms`, HTML-escaped, query words in <mark>."""
    sentences = [part.strip() for text in (summary, body) for part in SENTENCE.split(text) if part.strip()]
    if not sentences:
        return mark_safe("")
    best = max(sentences, key=lambda sentence: _score(sentence, terms))
    if not _score(best, terms):
        best = sentences[0]
    return mark_safe(_mark(_window(best, terms), terms))  # noqa: S308 - every piece of text is escaped above
