"""Writing documents into the database index: one object, a whole type, or everything from scratch.

Documents are analysed here (`analysis.terms`), compounds split against the
vocabulary the index already holds, and the vocabulary's document counts kept
in step. A rebuild runs in one transaction, so searches see the old index until
the new one is complete.
"""

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db import connection, transaction
from django.db.models import F

from . import analysis
from .documents import Document, IndexedType
from .models import SearchDocument, SearchFacet, SearchTerm
from .registry import indexed_type, indexed_types

BATCH = 500
LOOKUP_CHUNK = 900

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class AnalysedFields:
    title: list[str]
    summary: list[str]
    body: list[str]
    words: dict[str, str]
    """Term → the first word it was written as, for the vocabulary."""


def analyse(document: Document) -> AnalysedFields:
    words: dict[str, str] = {}
    fields = []
    for text in (document.title, document.summary, document.body):
        field_terms = []
        for word in analysis.words(text):
            if analysis.is_searchable(word):
                term = analysis.stem(word)
                field_terms.append(term)
                words.setdefault(term, word)
        fields.append(field_terms)
    return AnalysedFields(*fields, words=words)


def with_parts(terms: list[str], known: Callable[[str], bool]) -> str:
    """The terms as the full-text index stores them: each compound followed by its known parts."""
    out: list[str] = []
    for term in terms:
        out.append(term)
        if len(term) >= 2 * analysis.MIN_PART:
            out.extend(analysis.compound_parts(term, known))
    return " ".join(out)


def known_terms(candidates: Iterable[str]) -> set[str]:
    """Which of `candidates` the vocabulary holds (in any live document) or the common parts list names."""
    wanted = set(candidates)
    found = wanted & analysis.common_part_terms()
    rest = list(wanted - found)
    for start in range(0, len(rest), LOOKUP_CHUNK):
        chunk = rest[start : start + LOOKUP_CHUNK]
        found.update(SearchTerm.objects.filter(term__in=chunk, documents__gt=0).values_list("term", flat=True))
    return found


def _row(indexed: IndexedType, document: Document, fields: AnalysedFields, known: Callable[[str], bool]):
    return SearchDocument(
        doc_type=indexed.doc_type,
        object_id=document.object_id,
        language=document.language,
        title=document.title[:400],
        summary=document.summary,
        body=document.body,
        url=document.url,
        slug=document.slug[:255],
        date=document.date,
        expires_on=document.expires_on,
        facets=document.facets,
        title_terms=with_parts(fields.title, known),
        summary_terms=with_parts(fields.summary, known),
        body_terms=with_parts(fields.body, known),
        words=sorted(fields.words.items()),
    )


def _facet_rows(row: SearchDocument) -> list[SearchFacet]:
    return [
        SearchFacet(document=row, key=key, value=str(value)[:100])
        for key, values in row.facets.items()
        for value in dict.fromkeys(values)
    ]


def _count_words(added: dict[str, str], removed: Iterable[str]) -> None:
    removed = list(removed)
    for start in range(0, len(removed), LOOKUP_CHUNK):
        SearchTerm.objects.filter(term__in=removed[start : start + LOOKUP_CHUNK], documents__gt=0).update(
            documents=F("documents") - 1
        )
    terms = list(added)
    existing: set[str] = set()
    for start in range(0, len(terms), LOOKUP_CHUNK):
        chunk = terms[start : start + LOOKUP_CHUNK]
        existing.update(SearchTerm.objects.filter(term__in=chunk).values_list("term", flat=True))
        SearchTerm.objects.filter(term__in=chunk).update(documents=F("documents") + 1)
    SearchTerm.objects.bulk_create(
        [SearchTerm(term=term[:100], word=added[term][:100], documents=1) for term in terms if term not in existing],
        ignore_conflicts=True,
        batch_size=BATCH,
    )


@transaction.atomic
def index_document(indexed: IndexedType, document: Document) -> SearchDocument:
    """Write one object's document, replacing the one it had, and count its words in the vocabulary."""
    fields = analyse(document)
    own = set(fields.words)
    candidates = {part for term in own if len(term) >= 2 * analysis.MIN_PART for part in analysis.part_candidates(term)}
    known = known_terms(candidates - own) | own
    old = SearchDocument.objects.filter(doc_type=indexed.doc_type, object_id=document.object_id).first()
    old_words = {term for term, _word in old.words} if old else set()
    row = _row(indexed, document, fields, known.__contains__)
    if old:
        row.pk = old.pk
        row.save()
        SearchFacet.objects.filter(document=row).delete()
    else:
        row.save()
    SearchFacet.objects.bulk_create(_facet_rows(row))
    _count_words({term: fields.words[term] for term in own - old_words}, old_words - own)
    return row


@transaction.atomic
def remove_document(doc_type: str, object_id: int) -> bool:
    """Take one object out of the index; True if it was there."""
    old = SearchDocument.objects.filter(doc_type=doc_type, object_id=object_id).first()
    if old is None:
        return False
    _count_words({}, [term for term, _word in old.words])
    old.delete()
    return True


def update_object(doc_type: str, object_id: int) -> SearchDocument | None:
    """Bring one object's document in line with the object: indexed if it belongs in the index, removed if not."""
    indexed = indexed_type(doc_type)
    if indexed is None:
        return None
    obj = indexed.objects().filter(pk=object_id).first()
    if obj is None:
        remove_document(doc_type, object_id)
        return None
    return index_document(indexed, indexed.document(obj))


def documents_of(indexed: IndexedType) -> Iterable[Document]:
    """Every document of a type, fetched in batches."""
    objects = indexed.objects().order_by("pk")
    last = None
    while True:
        batch = list((objects.filter(pk__gt=last) if last is not None else objects)[:BATCH])
        if not batch:
            return
        yield from indexed.documents(batch)
        last = batch[-1].pk


@transaction.atomic
def rebuild(doc_types: list[str] | None = None, progress: Progress | None = None) -> dict[str, int]:
    """Index every object of the given types (all by default) from scratch; the number of documents per type.

    First every document is analysed and the vocabulary counted, so that compounds
    split against the whole corpus whatever order the objects come in.
    """
    chosen = [indexed for indexed in indexed_types() if doc_types is None or indexed.doc_type in doc_types]
    totals = {indexed.doc_type: indexed.objects().count() for indexed in chosen}
    grand_total = sum(totals.values())
    analysed: list[tuple[IndexedType, Document, AnalysedFields]] = []
    done = 0
    for indexed in chosen:
        for document in documents_of(indexed):
            analysed.append((indexed, document, analyse(document)))
            done += 1
            if progress:
                progress(done, grand_total)

    chosen_types = [indexed.doc_type for indexed in chosen]
    SearchFacet.objects.filter(document__doc_type__in=chosen_types).delete()
    SearchDocument.objects.filter(doc_type__in=chosen_types).delete()
    counts: Counter[str] = Counter()
    surface: dict[str, str] = {}
    kept_words = SearchDocument.objects.values_list("words", flat=True)
    for words in kept_words.iterator():
        for term, word in words:
            counts[term] += 1
            surface.setdefault(term, word)
    for _indexed, _document, fields in analysed:
        counts.update(fields.words.keys())
        for term, word in fields.words.items():
            surface.setdefault(term, word)
    vocabulary = set(counts) | analysis.common_part_terms()

    rows = [_row(indexed, document, fields, vocabulary.__contains__) for indexed, document, fields in analysed]
    SearchDocument.objects.bulk_create(rows, batch_size=BATCH)
    SearchFacet.objects.bulk_create([facet for row in rows for facet in _facet_rows(row)], batch_size=BATCH)
    SearchTerm.objects.all().delete()
    SearchTerm.objects.bulk_create(
        [SearchTerm(term=term[:100], word=surface[term][:100], documents=count) for term, count in counts.items()],
        batch_size=BATCH,
    )
    refresh_statistics()
    return {doc_type: sum(1 for indexed, _d, _f in analysed if indexed.doc_type == doc_type) for doc_type in totals}


def refresh_statistics() -> None:
    """Let the database's planner see the index as it now is: without statistics, both SQLite and PostgreSQL
    may check the full-text match row by row instead of reading the full-text index first."""
    with connection.cursor() as cursor:
        for table in (SearchDocument, SearchFacet, SearchTerm):
            cursor.execute(f"ANALYZE {table._meta.db_table}")


def status() -> dict[str, tuple[int, int]]:
    """Per type, (documents the index holds, objects that belong in it)."""
    held = Counter(SearchDocument.objects.values_list("doc_type", flat=True))
    return {indexed.doc_type: (held.get(indexed.doc_type, 0), indexed.objects().count()) for indexed in indexed_types()}


def update(doc_types: list[str] | None = None, progress: Progress | None = None) -> dict[str, int]:
    """Re-index every object of the given types one by one and drop documents whose object is gone."""
    chosen = [indexed for indexed in indexed_types() if doc_types is None or indexed.doc_type in doc_types]
    total = sum(indexed.objects().count() for indexed in chosen)
    done = 0
    counts: dict[str, int] = {}
    for indexed in chosen:
        seen: set[int] = set()
        for document in documents_of(indexed):
            index_document(indexed, document)
            seen.add(document.object_id)
            done += 1
            if progress:
                progress(done, total)
        for object_id in SearchDocument.objects.filter(doc_type=indexed.doc_type).values_list("object_id", flat=True):
            if object_id not in seen:
                remove_document(indexed.doc_type, object_id)
        counts[indexed.doc_type] = len(seen)
    return counts
