"""The Elasticsearch backend without a cluster: the indices, queries and bulk writes it would send, its reading of
the answers, the pause after a failure, and the database answering when the cluster is down or drops mid-use."""

import datetime
import json
import logging
from urllib.parse import parse_qs, urlsplit

import pytest
from elastic_transport import ApiResponseMeta, BaseNode, HttpHeaders
from elastic_transport import ConnectionError as TransportConnectionError
from elastic_transport._node import NodeApiResponse
from elasticsearch import Elasticsearch

from django.utils import timezone

from search import analysis, service
from search.backends import elastic
from search.backends.base import SearchRequest
from search.backends.elastic import ElasticsearchBackend, ElasticsearchUnavailable, still_public
from search.backends.elastic_mappings import COMPOUND_WORDS, NYNORSK_STOPWORDS, index_body
from search.documents import Document, IndexedType
from search.indexing import index_document
from search.models import SearchDocument
from search.query import parse

# A fake cluster: the client's real transport, with a node that records each request and answers from a script.


class FakeCluster:
    """Answers requests with `route(method, path, body)` → (status, body); raises what `route` raises."""

    def __init__(self, route=None):
        self.requests: list[dict] = []
        self.route = route or (lambda method, path, body: (200, {}))

    def handle(self, method: str, target: str, body: bytes | None) -> tuple[int, dict]:
        url = urlsplit(target)
        text = body.decode() if body else ""
        if "\n" in text.strip():
            payload = [json.loads(line) for line in text.splitlines() if line]
        else:
            payload = json.loads(text) if text else None
        request = {"method": method, "path": url.path, "params": parse_qs(url.query), "body": payload}
        self.requests.append(request)
        return self.route(method, url.path, payload)

    def client(self) -> Elasticsearch:
        cluster = self

        class Node(BaseNode):
            def perform_request(self, method, target, body=None, headers=None, request_timeout=None):
                status, answer = cluster.handle(method, target, body)
                meta = ApiResponseMeta(
                    status=status,
                    http_version="1.1",
                    headers=HttpHeaders({"x-elastic-product": "Elasticsearch", "content-type": "application/json"}),
                    duration=0.0,
                    node=self.config,
                )
                return NodeApiResponse(meta, json.dumps(answer).encode() if method != "HEAD" else b"")

        return Elasticsearch("http://es.test:9200", node_class=Node, max_retries=0)


def backend_for(cluster: FakeCluster) -> ElasticsearchBackend:
    return ElasticsearchBackend(cluster.client(), prefix="innoplatform", url="http://es.test:9200")


def search_answer(hits=(), total=None, types=None, facets=None):
    aggregations = {"types": {"buckets": [{"key": key, "doc_count": n} for key, n in (types or {}).items()]}}
    for param, counts in (facets or {}).items():
        buckets = [{"key": key, "doc_count": n} for key, n in counts.items()]
        aggregations[f"facet:{param}"] = {"doc_count": sum(counts.values()), "values": {"buckets": buckets}}
    return {
        "took": 1,
        "timed_out": False,
        "_shards": {"total": 3, "successful": 3, "skipped": 0, "failed": 0},
        "hits": {"total": {"value": len(hits) if total is None else total, "relation": "eq"}, "hits": list(hits)},
        "aggregations": aggregations,
    }


def es_hit(object_id, title, score=1.0, highlight=None, doc_type="note", **fields):
    found = {
        "doc_type": doc_type,
        "object_id": object_id,
        "title": title,
        "url": f"/notater/{object_id}/",
        "slug": f"notat-{object_id}",
        "summary": "",
        "body": "",
        "date": None,
        "facets": {},
        **fields,
    }
    hit = {"_index": "innoplatform-nb-v1", "_id": f"{doc_type}-{object_id}", "_score": score, "_source": found}
    if highlight:
        hit["highlight"] = highlight
    return hit


class Notes(IndexedType):
    """A type of the tests' own, written into the index directly: it has no objects of its own."""

    doc_type = "note"
    label = "Notater"

    def objects(self):
        return SearchDocument.objects.none()

    def document(self, row):
        return Document(object_id=row.object_id, title=row.title, url=row.url)


@pytest.fixture
def documents(db):
    """Three notes in the database index: two bokmål, one nynorsk."""
    notes = Notes()
    return [
        index_document(
            notes,
            Document(
                object_id=1,
                title="Velferdsteknologi i hjemmetjenesten",
                url="/notater/1/",
                summary="Digitalt tilsyn om natta.",
                body="Sensorer varsler de ansatte.",
                slug="velferd",
                date=datetime.date(2025, 3, 1),
                facets={"fylke": ["91"], "fase": []},
            ),
        ),
        index_document(
            notes,
            Document(
                object_id=2,
                title="Skulehelsetenesta for ungdom",
                url="/notater/2/",
                summary="Ungdom fekk meir hjelp.",
                language="nn",
                facets={"fylke": ["92"]},
            ),
        ),
        index_document(notes, Document(object_id=3, title="Energi i skolebygg", url="/notater/3/", language="de")),
    ]


@pytest.fixture
def unreachable(settings):
    """A cluster address where nothing listens."""
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    settings.ELASTICSEARCH_TIMEOUT = 1.0
    elastic.client_for.cache_clear()
    yield settings
    elastic.client_for.cache_clear()


# The indices


def test_bokmal_analysis_splits_compounds_before_the_norwegian_stemmer():
    settings = index_body("nb")["settings"]["analysis"]
    assert settings["analyzer"]["content"] == {
        "type": "custom",
        "tokenizer": "standard",
        "filter": ["lowercase", "norwegian_stop", "compound_parts", "norwegian_stem"],
    }
    assert settings["filter"]["norwegian_stop"] == {"type": "stop", "stopwords": "_norwegian_"}
    assert settings["filter"]["norwegian_stem"] == {"type": "stemmer", "language": "norwegian"}
    compounds = settings["filter"]["compound_parts"]
    assert compounds["type"] == "dictionary_decompounder"
    assert compounds["only_longest_match"] is True
    assert compounds["min_subword_size"] == 4
    assert set(analysis.COMMON_PARTS) < set(compounds["word_list"])
    assert {"sjukeheim", "teneste"} <= set(COMPOUND_WORDS)


def test_nynorsk_analysis_has_its_own_stop_words_and_light_stemmer():
    settings = index_body("nn")["settings"]["analysis"]
    assert settings["analyzer"]["content"]["filter"] == ["lowercase", "nynorsk_stop", "compound_parts", "nynorsk_stem"]
    assert settings["filter"]["nynorsk_stem"] == {"type": "stemmer", "language": "light_nynorsk"}
    assert settings["filter"]["nynorsk_stop"]["stopwords"] == list(NYNORSK_STOPWORDS)
    assert {"ikkje", "frå", "korleis", "eg"} <= set(NYNORSK_STOPWORDS)


def test_english_analysis():
    settings = index_body("en")["settings"]["analysis"]
    assert settings["analyzer"]["content"]["filter"] == ["lowercase", "english_stop", "english_stem"]
    assert settings["filter"]["english_stem"] == {"type": "stemmer", "language": "english"}


def test_every_language_index_has_the_same_fields():
    properties = index_body("nb")["mappings"]["properties"]
    assert index_body("nn")["mappings"] == index_body("en")["mappings"] == index_body("nb")["mappings"]
    assert index_body("nb")["mappings"]["dynamic"] == "strict"
    assert properties["doc_type"] == {"type": "keyword"}
    assert properties["object_id"] == {"type": "long"}
    assert properties["slug"] == {"type": "keyword"}
    assert properties["facets"] == {"type": "flattened"}
    assert properties["suggest"]["type"] == "completion"
    assert properties["date"]["type"] == "date"
    for name in ("title", "summary", "body"):
        assert properties[name] == {"type": "text", "analyzer": "content"}


# What a search sends


def test_each_word_is_matched_in_any_field_with_the_title_weighing_most(db):
    body = backend_for(FakeCluster()).search_body(SearchRequest(query=parse("velferdsteknologi natt"))).to_dict()
    long_word, short_word = body["query"]["bool"]["must"]
    assert long_word == {
        "multi_match": {
            "query": "velferdsteknologi",
            "fields": ["title^10", "summary^4", "body"],
            "type": "best_fields",
            "fuzziness": 1,
            "prefix_length": 1,
        }
    }
    assert "fuzziness" not in short_word["multi_match"], "a word under six letters is taken as typed"


def test_searches_leave_out_documents_past_their_last_day(db):
    body = backend_for(FakeCluster()).search_body(SearchRequest(query=parse("besøksvenner"))).to_dict()
    assert body["query"]["bool"]["filter"] == [
        {
            "bool": {
                "should": [
                    {"bool": {"must_not": [{"exists": {"field": "expires_on"}}]}},
                    {"range": {"expires_on": {"gte": timezone.localdate().isoformat()}}},
                ],
                "minimum_should_match": 1,
            }
        }
    ]


def test_an_expired_post_is_not_suggested(db):
    yesterday = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
    options = [
        {"text": "Besøk", "_source": {"doc_type": "post", "title": "Besøk", "url": "/a/", "expires_on": yesterday}},
        {"text": "Besøk", "_source": {"doc_type": "post", "title": "Besøk 2", "url": "/b/", "expires_on": None}},
    ]
    answer = {
        "hits": {"total": {"value": 0, "relation": "eq"}, "hits": []},
        "suggest": {"titles": [{"text": "besø", "offset": 0, "length": 4, "options": options}]},
    }
    suggestions = backend_for(FakeCluster(lambda method, path, body: (200, answer))).suggest(parse("besø"), 5)
    assert [suggestion.url for suggestion in suggestions] == ["/b/"]


def test_any_word_query(db):
    body = backend_for(FakeCluster()).search_body(SearchRequest(query=parse("sensor natt")), every_word=False)
    query = body.to_dict()["query"]["bool"]
    assert [clause["multi_match"]["query"] for clause in query["should"]] == ["sensor", "natt"]
    assert query["minimum_should_match"] == 1


def test_filters_apply_after_the_type_counts_and_each_facet_counts_under_the_others(db):
    request = SearchRequest(
        query=parse("omsorg"),
        doc_type="case",
        filters={"fylke": ("91", "92"), "fase": ("pilot",), "sektor": ()},
        facet_params=("fylke", "fase", "sektor"),
        limit=10,
        offset=20,
    )
    body = backend_for(FakeCluster()).search_body(request).to_dict()
    type_filter = {"term": {"doc_type": "case"}}
    fylke = {"terms": {"facets.fylke": ["91", "92"]}}
    fase = {"terms": {"facets.fase": ["pilot"]}}
    assert body["post_filter"] == {"bool": {"filter": [type_filter, fylke, fase]}}
    assert body["aggs"]["types"] == {"terms": {"field": "doc_type", "size": 50}}
    assert body["aggs"]["facet:fylke"]["filter"] == {"bool": {"filter": [type_filter, fase]}}
    assert body["aggs"]["facet:fylke"]["aggs"]["values"]["terms"]["field"] == "facets.fylke"
    assert body["aggs"]["facet:fase"]["filter"] == {"bool": {"filter": [type_filter, fylke]}}
    assert body["aggs"]["facet:sektor"]["filter"] == {"bool": {"filter": [type_filter, fylke, fase]}}
    assert (body["from"], body["size"], body["track_total_hits"]) == (20, 10, True)


def test_facets_without_any_filter_count_everything(db):
    body = backend_for(FakeCluster()).search_body(SearchRequest(query=parse("omsorg"), facet_params=("fylke",)))
    body = body.to_dict()
    assert "post_filter" not in body
    assert body["aggs"]["facet:fylke"]["filter"] == {"match_all": {}}


def test_highlights_are_html_escaped_with_mark_tags(db):
    highlight = backend_for(FakeCluster()).search_body(SearchRequest(query=parse("omsorg"))).to_dict()["highlight"]
    assert highlight["encoder"] == "html"
    assert (highlight["pre_tags"], highlight["post_tags"]) == (["<mark>"], ["</mark>"])
    assert list(highlight["fields"]) == ["summary", "body"]


def test_search_runs_over_every_language_alias(db):
    cluster = FakeCluster(lambda method, path, body: (200, search_answer()))
    backend_for(cluster).search(SearchRequest(query=parse("omsorg")))
    assert cluster.requests[0]["path"] == "/innoplatform-nb,innoplatform-nn,innoplatform-en/_search"


# Reading the answers


def test_search_reads_hits_counts_and_facets(db):
    answer = search_answer(
        hits=[
            es_hit(
                1,
                "Velferdsteknologi",
                score=7.123456,
                highlight={"body": ["Sensorer &lt;varsler&gt; <mark>ansatte</mark>"]},
                date="2025-03-01",
                facets={"fylke": ["91"]},
            ),
            es_hit(2, "Skulehelsetenesta", score=2.5),
        ],
        total=12,
        types={"note": 12, "case": 3},
        facets={"fylke": {"91": 8, 92: 4}},
    )
    cluster = FakeCluster(lambda method, path, body: (200, answer))
    results = backend_for(cluster).search(SearchRequest(query=parse("ansatte"), facet_params=("fylke",)))
    assert results.backend == "elasticsearch"
    assert (results.count, results.any_word, results.degraded) == (12, False, False)
    assert results.type_counts == {"note": 12, "case": 3}
    assert results.facet_counts == {"fylke": {"91": 8, "92": 4}}
    first, second = results.hits
    assert (first.doc_type, first.object_id, first.score) == ("note", 1, 7.1235)
    assert first.highlight == "Sensorer &lt;varsler&gt; <mark>ansatte</mark>"
    assert first.date == datetime.date(2025, 3, 1)
    assert first.facets == {"fylke": ["91"]}
    assert (second.highlight, second.date, second.url) == ("", None, "/notater/2/")


def test_when_no_document_has_every_word_any_word_answers(db):
    answers = [search_answer(total=0), search_answer(hits=[es_hit(1, "Sensor")], types={"note": 1})]
    cluster = FakeCluster(lambda method, path, body: (200, answers.pop(0)))
    results = backend_for(cluster).search(SearchRequest(query=parse("sensor natt")))
    assert (results.count, results.any_word) == (1, True)
    assert "must" in cluster.requests[0]["body"]["query"]["bool"]
    assert "should" in cluster.requests[1]["body"]["query"]["bool"]


def test_one_word_finding_nothing_is_not_asked_again(db):
    cluster = FakeCluster(lambda method, path, body: (200, search_answer(total=0)))
    results = backend_for(cluster).search(SearchRequest(query=parse("sensor")))
    assert (results.count, results.hits, results.any_word) == (0, [], False)
    assert len(cluster.requests) == 1


def test_an_empty_query_asks_nothing(db):
    cluster = FakeCluster()
    backend = backend_for(cluster)
    assert backend.search(SearchRequest(query=parse("og i"))).count == 0
    assert backend.suggest(parse(""), 5) == []
    assert backend.ranked_ids("case", parse(""), 5) == []
    assert cluster.requests == []


def test_suggest_uses_the_completion_suggester_on_titles(db):
    answer = {
        "hits": {"total": {"value": 0, "relation": "eq"}, "hits": []},
        "suggest": {
            "titles": [
                {
                    "text": "velf",
                    "offset": 0,
                    "length": 4,
                    "options": [
                        {"text": "Velferd", "_source": {"doc_type": "case", "title": "Velferd", "url": "/a/"}},
                        {"text": "velferd i", "_source": {"doc_type": "case", "title": "Velferd", "url": "/a/"}},
                        {"text": "Velferdsteknologi", "_source": {"doc_type": "note", "title": "Ny", "url": "/b/"}},
                    ],
                }
            ]
        },
    }
    cluster = FakeCluster(lambda method, path, body: (200, answer))
    suggestions = backend_for(cluster).suggest(parse("velf", prefix_last=True), 5)
    assert [(s.doc_type, s.title, s.url) for s in suggestions] == [("case", "Velferd", "/a/"), ("note", "Ny", "/b/")]
    body = cluster.requests[0]["body"]
    assert body["suggest"]["titles"] == {
        "prefix": "velf",
        "completion": {
            "field": "suggest",
            "size": 5,
            "skip_duplicates": True,
            "fuzzy": {"fuzziness": 1, "min_length": 6, "prefix_length": 1},
        },
    }
    assert body["size"] == 0


def test_ranked_ids_filter_by_type_and_fall_back_to_any_word(db):
    answers = [search_answer(total=0), search_answer(hits=[es_hit(5, "A"), es_hit(3, "B")])]
    cluster = FakeCluster(lambda method, path, body: (200, answers.pop(0)))
    assert backend_for(cluster).ranked_ids("case", parse("sensor natt"), 100) == [5, 3]
    first = cluster.requests[0]["body"]
    assert first["query"]["bool"]["filter"] == [still_public().to_dict(), {"term": {"doc_type": "case"}}]
    assert (first["size"], first["_source"]) == (100, ["object_id"])
    assert len(first["query"]["bool"]["must"]) == 2
    assert cluster.requests[1]["body"]["query"]["bool"]["minimum_should_match"] == 1


def test_more_like_this_asks_for_texts_like_the_document_in_its_language_index(documents):
    cluster = FakeCluster(lambda method, path, body: (200, search_answer(hits=[es_hit(1, "A", doc_type="case")])))
    backend = backend_for(cluster)
    assert backend.more_like_this("note", 2, 4, types=("case",)) == [("case", 1)]
    body = cluster.requests[0]["body"]
    query = body["query"]["bool"]
    assert query["must"] == [
        {
            "more_like_this": {
                "fields": ["title", "summary", "body"],
                "like": [{"_index": "innoplatform-nn", "_id": "note-2"}],
                "min_term_freq": 1,
                "min_doc_freq": 1,
                "max_query_terms": 25,
                "minimum_should_match": "30%",
            }
        }
    ]
    assert query["filter"] == [{"terms": {"doc_type": ["case"]}}]
    assert body["size"] == 4
    assert backend.more_like_this("note", 99, 4) == [], "an object outside the index has no like"


# Writing


def test_bulk_writes_each_document_to_its_language_and_deletes_it_from_the_others(documents):
    operations = elastic.bulk_operations(documents, {"nb": "x-nb", "nn": "x-nn", "en": "x-en"})
    first_action, first_source, *deletes = operations[:4]
    assert first_action == {"index": {"_index": "x-nb", "_id": "note-1"}}
    assert deletes == [{"delete": {"_index": "x-nn", "_id": "note-1"}}, {"delete": {"_index": "x-en", "_id": "note-1"}}]
    assert first_source == {
        "doc_type": "note",
        "object_id": 1,
        "language": "nb",
        "title": "Velferdsteknologi i hjemmetjenesten",
        "summary": "Digitalt tilsyn om natta.",
        "body": "Sensorer varsler de ansatte.",
        "url": "/notater/1/",
        "slug": "velferd",
        "date": "2025-03-01",
        "expires_on": None,
        "facets": {"fylke": ["91"]},
        "suggest": {"input": ["Velferdsteknologi i hjemmetjenesten", "i hjemmetjenesten", "hjemmetjenesten"]},
    }
    assert operations[4] == {"index": {"_index": "x-nn", "_id": "note-2"}}
    assert operations[8] == {"index": {"_index": "x-nb", "_id": "note-3"}}, "an unknown language is read as bokmål"
    assert operations[9]["language"] == "nb"


def test_index_documents_writes_through_the_aliases_only(documents):
    cluster = FakeCluster(lambda method, path, body: (200, {"errors": False, "items": []}))
    backend_for(cluster).index_documents(documents[:1])
    request = cluster.requests[0]
    assert (request["method"], request["path"], request["params"]) == ("PUT", "/_bulk", {"require_alias": ["true"]})
    assert request["body"][0] == {"index": {"_index": "innoplatform-nb", "_id": "note-1"}}


def test_index_documents_creates_the_indices_the_first_time(documents):
    missing = {"type": "index_not_found_exception", "reason": "[innoplatform-nb] is not an alias"}
    bulks = [
        {"errors": True, "items": [{"index": {"_id": "note-1", "status": 404, "error": missing}}]},
        {"errors": False, "items": [{"index": {"_id": "note-1", "status": 201}}]},
    ]

    def route(method, path, body):
        if path == "/_bulk":
            return 200, bulks.pop(0)
        if path.startswith("/_alias/"):
            return 200, {"innoplatform-en-v1": {"aliases": {"innoplatform-en": {}}}}
        return 200, {"acknowledged": True}

    cluster = FakeCluster(route)
    backend_for(cluster).index_documents(documents[:1])
    created = [request for request in cluster.requests if request["method"] == "PUT" and request["path"] != "/_bulk"]
    assert [request["path"][:-20] for request in created] == ["/innoplatform-nb-v", "/innoplatform-nn-v"]
    assert created[0]["body"]["aliases"] == {"innoplatform-nb": {}}
    assert created[0]["body"]["settings"] == index_body("nb")["settings"]
    assert [request["path"] for request in cluster.requests].count("/_bulk") == 2


def test_a_failed_write_is_reported(documents):
    error = {"type": "mapper_parsing_exception", "reason": "failed to parse field [date]"}
    answer = {"errors": True, "items": [{"index": {"_id": "note-1", "status": 400, "error": error}}]}
    cluster = FakeCluster(lambda method, path, body: (200, answer))
    with pytest.raises(ElasticsearchUnavailable, match="failed to parse field"):
        backend_for(cluster).index_documents(documents[:1])


def test_delete_document_deletes_from_every_language_and_missing_is_fine(db):
    items = [{"delete": {"_id": "note-1", "status": 404, "result": "not_found"}}] * 3
    cluster = FakeCluster(lambda method, path, body: (200, {"errors": False, "items": items}))
    backend_for(cluster).delete_document("note", 1)
    assert cluster.requests[0]["body"] == [
        {"delete": {"_index": "innoplatform-nb", "_id": "note-1"}},
        {"delete": {"_index": "innoplatform-nn", "_id": "note-1"}},
        {"delete": {"_index": "innoplatform-en", "_id": "note-1"}},
    ]


def rebuild_route(calls: dict, *, fail_bulk=False):
    def route(method, path, body):
        if path == "/_bulk":
            if fail_bulk:
                raise TransportConnectionError("connection reset")
            return 200, {"errors": False, "items": [{"index": {"status": 201}}] * (len(body) // 2)}
        if path.startswith("/_alias/"):
            return 200, {
                "innoplatform-nb-v1": {"aliases": {"innoplatform-nb": {}}},
                "innoplatform-nn-v1": {"aliases": {"innoplatform-nn": {}}},
            }
        return 200, {"acknowledged": True}

    return route


def test_rebuild_fills_new_indices_then_moves_the_aliases_in_one_step(documents):
    from search.models import SearchDocument

    cluster = FakeCluster(rebuild_route({}))
    progress = []
    counts = backend_for(cluster).rebuild(["note"], progress=lambda done, total: progress.append((done, total)))
    assert counts == {"note": 3}
    total = SearchDocument.objects.count()
    assert progress[-1] == (total, total)
    steps = [(request["method"], request["path"]) for request in cluster.requests]
    created = [path for method, path in steps[:3]]
    assert all(method == "PUT" for method, _path in steps[:3])
    version = created[0].rsplit("-v", 1)[1]
    assert created == [f"/innoplatform-{language}-v{version}" for language in ("nb", "nn", "en")]
    assert cluster.requests[1]["body"]["settings"] == index_body("nn")["settings"]
    bulks = [request for request in cluster.requests if request["path"] == "/_bulk"]
    targets = {
        line["index"]["_id"]: line["index"]["_index"] for bulk in bulks for line in bulk["body"] if "index" in line
    }
    assert len(targets) == total
    assert [targets[f"note-{number}"] for number in (1, 2, 3)] == [
        f"innoplatform-nb-v{version}",
        f"innoplatform-nn-v{version}",
        f"innoplatform-nb-v{version}",
    ]
    assert not any("delete" in line for bulk in bulks for line in bulk["body"]), "new indices need no deletes"
    new_indices = ",".join(f"innoplatform-{language}-v{version}" for language in ("nb", "nn", "en"))
    assert steps.index(("POST", f"/{new_indices}/_refresh")) > steps.index(("PUT", "/_bulk"))
    aliases = next(request for request in cluster.requests if request["path"] == "/_aliases")
    assert aliases["body"]["actions"] == [
        {"remove": {"index": "innoplatform-nb-v1", "alias": "innoplatform-nb"}},
        {"remove": {"index": "innoplatform-nn-v1", "alias": "innoplatform-nn"}},
        {"add": {"index": f"innoplatform-nb-v{version}", "alias": "innoplatform-nb"}},
        {"add": {"index": f"innoplatform-nn-v{version}", "alias": "innoplatform-nn"}},
        {"add": {"index": f"innoplatform-en-v{version}", "alias": "innoplatform-en"}},
    ]
    deleted = [path for method, path in steps if method == "DELETE"]
    assert deleted == ["/innoplatform-nb-v1,innoplatform-nn-v1"]
    assert steps.index(("DELETE", deleted[0])) > steps.index(("POST", "/_aliases"))


def test_a_failing_rebuild_drops_its_new_indices_and_leaves_the_aliases(documents):
    cluster = FakeCluster(rebuild_route({}, fail_bulk=True))
    with pytest.raises(ElasticsearchUnavailable, match="Ingen forbindelse"):
        backend_for(cluster).rebuild()
    steps = [(request["method"], request["path"]) for request in cluster.requests]
    assert ("POST", "/_aliases") not in steps
    method, path = steps[-1]
    assert method == "DELETE"
    assert [name.rsplit("-v", 1)[0] for name in path.strip("/").split(",")] == [
        "innoplatform-nb",
        "innoplatform-nn",
        "innoplatform-en",
    ]


def test_rebuild_sends_again_what_changed_while_it_copied(documents, monkeypatch):
    """A document saved during the copy is written once more after the aliases moved; one removed is deleted."""
    backend = backend_for(FakeCluster(rebuild_route({})))
    sent_again, deleted = [], []
    monkeypatch.setattr(backend, "index_documents", lambda rows: sent_again.extend(rows))
    monkeypatch.setattr(backend, "delete_document", lambda doc_type, object_id: deleted.append((doc_type, object_id)))
    started = datetime.datetime.now(datetime.UTC)
    documents[0].save()
    documents[1].delete()
    backend._catch_up(started, {("note", 1), ("note", 2), ("note", 3)})
    assert [row.object_id for row in sent_again] == [1]
    assert deleted == [("note", 2)]


def test_status_counts_documents_per_type(db):
    elastic.pause()
    cluster = FakeCluster(lambda method, path, body: (200, search_answer(total=5, types={"case": 4, "note": 1})))
    status = backend_for(cluster).status()
    assert status["case"] == 4 and status["note"] == 1
    assert cluster.requests[0]["body"]["size"] == 0
    assert elastic.paused_for() == 0, "status is asked even when paused, and ends the pause"


# Failures


def test_errors_become_readable(db):
    def route(method, path, body):
        return 400, {
            "error": {"type": "search_phase_execution_exception", "reason": "all shards failed"},
            "status": 400,
        }

    with pytest.raises(ElasticsearchUnavailable) as raised:
        backend_for(FakeCluster(route)).search(SearchRequest(query=parse("omsorg")))
    assert str(raised.value) == (
        "Elasticsearch på http://es.test:9200 svarte 400 search_phase_execution_exception: all shards failed"
    )


def test_a_failure_pauses_the_cluster_for_thirty_seconds(db, monkeypatch):
    now = [1_000_000.0]
    monkeypatch.setattr(elastic.time, "time", lambda: now[0])
    failing = [True]

    def route(method, path, body):
        if failing[0]:
            raise TransportConnectionError("connection refused")
        return 200, search_answer()

    cluster = FakeCluster(route)
    backend = backend_for(cluster)
    request = SearchRequest(query=parse("omsorg"))
    with pytest.raises(ElasticsearchUnavailable, match=r"Ingen forbindelse med Elasticsearch på http://es\.test:9200"):
        backend.search(request)
    failing[0] = False
    now[0] += 29
    with pytest.raises(ElasticsearchUnavailable, match="hoppes over i 1 s"):
        backend.search(request)
    assert len(cluster.requests) == 1, "paused: the cluster is not asked"
    now[0] += 2
    assert backend.search(request).backend == "elasticsearch"
    assert len(cluster.requests) == 2


def test_the_administrators_commands_are_not_paused(documents):
    elastic.pause()
    cluster = FakeCluster(rebuild_route({}))
    backend_for(cluster).rebuild()
    assert cluster.requests
    assert elastic.paused_for() == 0, "a successful rebuild ends the pause"


def test_the_database_answers_when_the_cluster_is_unreachable(documents, unreachable, caplog):
    with caplog.at_level(logging.WARNING, logger="search.service"):
        results = service.search(SearchRequest(query=parse("velferdsteknologi")))
    assert results.degraded is True
    assert results.backend == "database"
    assert [hit.object_id for hit in results.hits] == [1]
    assert "Elasticsearch failed" in caplog.text
    assert elastic.paused_for() > 0
    assert service.suggest("velferd") and service.ranked_ids("note", "velferdsteknologi") == [1]


def test_the_database_answers_when_the_connection_drops_mid_use(documents, settings, monkeypatch, caplog):
    settings.ELASTICSEARCH_URL = "http://es.test:9200"
    calls = []

    def route(method, path, body):
        calls.append(path)
        if len(calls) > 1:
            raise TransportConnectionError("connection reset by peer")
        return 200, search_answer(hits=[es_hit(1, "Velferdsteknologi i hjemmetjenesten")], types={"note": 1})

    client = FakeCluster(route).client()
    monkeypatch.setattr(elastic, "client_for", lambda url, timeout: client)
    request = SearchRequest(query=parse("velferdsteknologi"))
    first = service.search(request)
    assert (first.backend, first.degraded) == ("elasticsearch", False)
    with caplog.at_level(logging.WARNING, logger="search.service"):
        second = service.search(request)
    assert (second.backend, second.degraded, [hit.object_id for hit in second.hits]) == ("database", True, [1])
    assert "connection reset by peer" in caplog.text
    third = service.search(request)
    assert third.degraded and len(calls) == 2, "paused after the failure: the cluster is not asked again"


def test_updating_an_object_does_not_fail_when_the_cluster_is_down(home_page, unreachable, caplog):
    from cases.factories import CaseIndexPageFactory, CasePageFactory
    from search.models import SearchDocument

    index = CaseIndexPageFactory(parent=home_page)
    with caplog.at_level(logging.WARNING, logger="search.service"):
        case = CasePageFactory(parent=index)
        case.save_revision().publish()
        service.update_object("case", case.pk)
    assert SearchDocument.objects.filter(doc_type="case", object_id=case.pk).exists()
    assert f"Could not update case {case.pk} in Elasticsearch" in caplog.text


def test_messages_never_show_the_clusters_password():
    url = "https://elastic:s3cret@es.example.no:9200"
    error = TransportConnectionError(f"Connection refused for {url}")
    message = elastic.describe(error, url)
    assert "s3cret" not in message and "es.example.no:9200" in message
    assert elastic.without_credentials(url) == "https://es.example.no:9200"
    assert ElasticsearchBackend(Elasticsearch(url), url=url).url == "https://es.example.no:9200"
