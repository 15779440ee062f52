"""The Elasticsearch backend against a real cluster: analysis, ranking, facets, suggestions and rebuilds.

Runs only when `ELASTICSEARCH_URL` is set in the environment (see docs/search-elasticsearch.md);
every test writes under its own index prefix and removes its indices afterwards.
"""

import os
import uuid

import pytest

from search.backends import elastic
from search.backends.base import SearchRequest
from search.backends.elastic import ElasticsearchBackend
from search.documents import Document, IndexedType
from search.indexing import index_document
from search.models import SearchDocument
from search.query import parse

pytestmark = pytest.mark.skipif(
    not os.environ.get("ELASTICSEARCH_URL"), reason="ELASTICSEARCH_URL is not set: no cluster to test against"
)


class Notes(IndexedType):
    """A type of the tests' own, written into the index directly: it has no objects of its own."""

    doc_type = "note"
    label = "Notater"

    def objects(self):
        return SearchDocument.objects.none()

    def document(self, row):
        return Document(object_id=row.object_id, title=row.title, url=row.url)


NOTES = [
    Document(
        object_id=1,
        title="Velferdsteknologi i hjemmetjenesten",
        url="/notater/1/",
        summary="Digitalt tilsyn om natta gir trygghet for brukerne.",
        body="Sensorer varsler de ansatte & pårørende <straks> når noe skjer.",
        facets={"fylke": ["91"], "fase": ["pilot"]},
    ),
    Document(
        object_id=2,
        title="Skulehelsetenesta for ungdom",
        url="/notater/2/",
        summary="Ungdom fekk meir hjelp frå helsesjukepleiaren.",
        language="nn",
        facets={"fylke": ["92"], "fase": ["pilot"]},
    ),
    Document(
        object_id=3,
        title="Energi i skolebygg",
        url="/notater/3/",
        summary="Varmepumper og solceller i skolebyggene.",
        facets={"fylke": ["92"], "fase": ["drift"]},
    ),
    Document(
        object_id=4,
        title="Trygghet med velferdsteknologi",
        url="/notater/4/",
        summary="Digitalt tilsyn og sensorer gir trygghet i hjemmetjenesten om natta.",
        facets={"fylke": ["91"]},
    ),
]


@pytest.fixture
def backend(settings):
    settings.ELASTICSEARCH_URL = os.environ["ELASTICSEARCH_URL"]
    settings.ELASTICSEARCH_TIMEOUT = 10.0
    settings.ELASTICSEARCH_INDEX_PREFIX = f"innoplatform-test-{uuid.uuid4().hex[:8]}"
    elastic.client_for.cache_clear()
    backend = ElasticsearchBackend.from_settings()
    yield backend
    # Clusters refuse wildcard deletes by default (action.destructive_requires_name), so name each index.
    if made := list(backend.client.indices.get(index=f"{backend.prefix}-*").body):
        backend.client.indices.delete(index=",".join(made))
    elastic.client_for.cache_clear()


@pytest.fixture
def indexed(db, backend):
    """The notes, alone in the database index (without what migrations indexed), copied to the cluster by a rebuild."""
    SearchDocument.objects.all().delete()
    for document in NOTES:
        index_document(Notes(), document)
    backend.rebuild()
    return backend


def refresh(backend: ElasticsearchBackend) -> None:
    backend.client.indices.refresh(index=backend.search_index)


def found(backend: ElasticsearchBackend, text: str, **request) -> list[int]:
    return [hit.object_id for hit in backend.search(SearchRequest(query=parse(text), **request)).hits]


def test_rebuild_reports_and_status_counts(indexed):
    assert indexed.status()["note"] == 4
    assert indexed.rebuild(["note"]) == {"note": 4}


def test_a_part_of_a_compound_finds_the_compound(indexed):
    assert 1 in found(indexed, "teknologi")
    assert set(found(indexed, "velferdsteknologi")) == {1, 4}


def test_inflections_meet(indexed):
    assert 1 in found(indexed, "tjenester")
    assert 3 in found(indexed, "skolebyggene")


def test_one_typing_error_in_a_long_word_is_forgiven(indexed):
    assert 1 in found(indexed, "varlser")


def test_the_title_weighs_most(indexed):
    assert found(indexed, "trygghet")[0] == 4


def test_nynorsk_is_searched_with_its_own_analysis(indexed):
    assert found(indexed, "ungdom") == [2]


def test_any_word_answers_when_no_document_has_every_word(indexed):
    results = indexed.search(SearchRequest(query=parse("energi ungdom")))
    assert results.any_word is True
    assert {hit.object_id for hit in results.hits} == {2, 3}


def test_type_and_facet_counts(indexed):
    request = SearchRequest(
        query=parse("tilsyn ungdom energi"),
        doc_type="note",
        filters={"fylke": ("92",)},
        facet_params=("fylke", "fase"),
    )
    results = indexed.search(request)
    assert results.any_word is True
    assert {hit.object_id for hit in results.hits} == {2, 3}
    assert results.count == 2
    assert results.type_counts == {"note": 4}
    assert results.facet_counts["fylke"] == {"91": 2, "92": 2}, "a facet is counted without its own filter"
    assert results.facet_counts["fase"] == {"pilot": 1, "drift": 1}


def test_highlights_mark_the_words_and_escape_the_text(indexed):
    (hit,) = indexed.search(SearchRequest(query=parse("ansatte pårørende"))).hits
    assert "<mark>ansatte</mark>" in hit.highlight
    assert "&lt;straks&gt;" in hit.highlight and "<straks>" not in hit.highlight


def test_suggest_completes_any_word_of_a_title(indexed):
    assert {s.url for s in indexed.suggest(parse("velf", prefix_last=True), 5)} == {"/notater/1/", "/notater/4/"}
    assert "/notater/1/" in [s.url for s in indexed.suggest(parse("hjemmetj", prefix_last=True), 5)]


def test_ranked_ids(indexed):
    assert indexed.ranked_ids("note", parse("trygghet"), 10)[0] == 4
    assert indexed.ranked_ids("case", parse("trygghet"), 10) == []


def test_more_like_this(indexed):
    similar = indexed.more_like_this("note", 1, 3)
    assert similar[0] == ("note", 4)
    assert ("note", 1) not in similar


def test_index_and_delete_one_document(indexed):
    row = index_document(Notes(), Document(object_id=5, title="Bibliotek for alle", url="/notater/5/"))
    indexed.index_documents([row])
    refresh(indexed)
    assert found(indexed, "bibliotek") == [5]
    row.language = "nn"
    indexed.index_documents([row])
    refresh(indexed)
    assert found(indexed, "bibliotek") == [5], "a document whose language changed is held once"
    indexed.delete_document("note", 5)
    refresh(indexed)
    assert found(indexed, "bibliotek") == []


def test_a_rebuild_replaces_the_indices_behind_the_aliases(indexed):
    before = set(indexed.client.indices.get_alias(name=indexed.search_index).body)
    SearchDocument.objects.filter(object_id=3).delete()
    indexed.rebuild()
    after = set(indexed.client.indices.get_alias(name=indexed.search_index).body)
    assert len(after) == 3 and not before & after
    assert not indexed.client.indices.exists(index=",".join(before))
    assert found(indexed, "energi") == []


def test_index_documents_creates_the_indices_when_none_exist(db, backend):
    row = index_document(Notes(), NOTES[0])
    backend.index_documents([row])
    refresh(backend)
    assert found(backend, "velferdsteknologi") == [1]
