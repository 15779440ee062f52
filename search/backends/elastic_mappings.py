"""The Elasticsearch indices as data: one index per content language with its analysis, and the documents in them.

Every language index has the same fields; only the analyzer named `content`
differs, so one query runs over all of them and each index reads the query
with its own language's rules:

- bokmål (`nb`): lower-case, Norwegian stop words, compounds split against a
  word list (`search.analysis.COMMON_PARTS` and a few more words the platform's
  texts build compounds from), then Snowball's Norwegian stemmer;
- nynorsk (`nn`): the same with nynorsk stop words and the `light_nynorsk` stemmer;
- English (`en`): lower-case, English stop words, the English stemmer.

The compound filter runs before the stemmer, so that the parts it emits are
stemmed like any other word («velferdsteknologien» → «velferd», «teknologi»).
"""

from typing import Any

from elasticsearch_dsl import Completion, Date, Flattened, Index, Keyword, Long, Mapping, Text, analyzer, token_filter

from .. import analysis
from ..models import SearchDocument

LANGUAGES = ("nb", "nn", "en")
DEFAULT_LANGUAGE = "nb"

MIN_SUBWORD = 4
"""As `analysis.MIN_PART`: «foreldre» is not «for» + «eldre»."""

EXTRA_PARTS = (
    "alarm",
    "barn",
    "brann",
    "data",
    "heime",
    "løsning",
    "mobilitet",
    "plattform",
    "sikkerhet",
    "sjukeheim",
    "skule",
    "teneste",
    "tilbud",
    "tiltak",
    "trygghet",
    "vann",
    "varsling",
)
"""Words beyond `COMMON_PARTS`, nynorsk spellings among them, that compounds in the platform's texts are made of."""

COMPOUND_WORDS = tuple(sorted({*analysis.COMMON_PARTS, *EXTRA_PARTS}))

NYNORSK_STOPWORDS = (
    "alle",
    "at",
    "av",
    "berre",
    "bli",
    "blir",
    "då",
    "dei",
    "deim",
    "deira",
    "dykk",
    "eg",
    "ein",
    "eit",
    "eitt",
    "eller",
    "er",
    "for",
    "frå",
    "før",
    "han",
    "har",
    "hjå",
    "ho",
    "i",
    "ikkje",
    "inn",
    "kva",
    "kvar",
    "kven",
    "kvifor",
    "korleis",
    "me",
    "med",
    "medan",
    "men",
    "mykje",
    "no",
    "noko",
    "nokon",
    "når",
    "og",
    "om",
    "opp",
    "på",
    "seg",
    "sidan",
    "som",
    "så",
    "til",
    "ut",
    "var",
    "vart",
    "vere",
    "verte",
    "vore",
    "å",
)
"""Elasticsearch has no nynorsk stop word list; these are the commonest nynorsk function words."""

compound_parts = token_filter(
    "compound_parts",
    "dictionary_decompounder",
    word_list=list(COMPOUND_WORDS),
    only_longest_match=True,
    min_subword_size=MIN_SUBWORD,
)


def content_analyzer(language: str):
    """The analyzer of the text fields in one language's index."""
    if language == "nn":
        stop = token_filter("nynorsk_stop", "stop", stopwords=list(NYNORSK_STOPWORDS))
        return analyzer(
            "content",
            tokenizer="standard",
            filter=[
                "lowercase",
                stop,
                compound_parts,
                token_filter("nynorsk_stem", "stemmer", language="light_nynorsk"),
            ],
        )
    if language == "en":
        return analyzer(
            "content",
            tokenizer="standard",
            filter=[
                "lowercase",
                token_filter("english_stop", "stop", stopwords="_english_"),
                token_filter("english_stem", "stemmer", language="english"),
            ],
        )
    return analyzer(
        "content",
        tokenizer="standard",
        filter=[
            "lowercase",
            token_filter("norwegian_stop", "stop", stopwords="_norwegian_"),
            compound_parts,
            token_filter("norwegian_stem", "stemmer", language="norwegian"),
        ],
    )


def mapping(language: str) -> Mapping:
    content = content_analyzer(language)
    fields = Mapping()
    fields.meta("dynamic", "strict")
    fields.field("doc_type", Keyword())
    fields.field("object_id", Long())
    fields.field("language", Keyword())
    fields.field("title", Text(analyzer=content))
    fields.field("summary", Text(analyzer=content))
    fields.field("body", Text(analyzer=content))
    fields.field("url", Keyword(index=False))
    fields.field("slug", Keyword())
    fields.field("date", Date(format="strict_date"))
    fields.field("expires_on", Date(format="strict_date"))
    fields.field("facets", Flattened())
    fields.field("suggest", Completion(analyzer="simple"))
    return fields


SUGGEST_INPUTS = 8
"""A title is suggested from each of its first words on, so «tekn» also finds «Ny teknologi i …»."""


def index_body(language: str) -> dict[str, Any]:
    """The settings (with the analysis) and mappings a new index of `language` is created with."""
    index = Index(f"search-{language}")
    index.mapping(mapping(language))
    return index.to_dict()


def document_id(doc_type: str, object_id: int) -> str:
    return f"{doc_type}-{object_id}"


def language_of(row: SearchDocument) -> str:
    return row.language if row.language in LANGUAGES else DEFAULT_LANGUAGE


def suggest_inputs(title: str) -> list[str]:
    """The title, and the title from each of its next words on, for completion from any word."""
    words = title.split()
    return [" ".join(words[start:]) for start in range(min(len(words), SUGGEST_INPUTS))]


def source(row: SearchDocument) -> dict[str, Any]:
    """The document a database row becomes in the cluster."""
    return {
        "doc_type": row.doc_type,
        "object_id": row.object_id,
        "language": language_of(row),
        "title": row.title,
        "summary": row.summary,
        "body": row.body,
        "url": row.url,
        "slug": row.slug,
        "date": row.date.isoformat() if row.date else None,
        "expires_on": row.expires_on.isoformat() if row.expires_on else None,
        "facets": {key: [str(value) for value in values] for key, values in (row.facets or {}).items() if values},
        "suggest": {"input": suggest_inputs(row.title)},
    }
