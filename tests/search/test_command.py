"""`manage.py search_index rebuild|update|status`: what it writes and what it says."""

from io import StringIO

import pytest

from django.core.management import CommandError, call_command

from cases.factories import bulk_create_cases
from innoplatform.municipalities.models import Kommune
from search import indexing
from search.models import SearchDocument

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = StringIO()
    call_command("search_index", *args, "--no-progress", stdout=out)
    return out.getvalue()


@pytest.fixture
def unindexed_cases(library):
    return bulk_create_cases(library, 5, list(Kommune.objects.order_by("number")[:2]))  # no signals: not indexed


def test_status_shows_what_is_missing_and_rebuild_fills_it(unindexed_cases):
    assert "case: 0 av 5" in run("status")
    assert "case: 5" in run("rebuild", "--type", "case")
    assert "case: 5 av 5" in run("status") and "ikke à jour" not in run("status")
    assert set(SearchDocument.objects.filter(doc_type="case").values_list("object_id", flat=True)) == set(
        unindexed_cases
    )


def test_update_indexes_new_objects_and_drops_documents_of_gone_ones(unindexed_cases, library):
    run("rebuild")
    SearchDocument.objects.create(doc_type="case", object_id=999_999, title="Borte", url="/borte/")
    bulk_create_cases(library, 1, list(Kommune.objects.all()[:1]))
    output = run("update", "--type", "case")
    assert "case: 6" in output
    assert not SearchDocument.objects.filter(object_id=999_999).exists()
    assert SearchDocument.objects.filter(doc_type="case").count() == 6


def test_a_rebuild_failing_halfway_leaves_the_old_index(unindexed_cases, monkeypatch):
    run("rebuild")
    before = set(SearchDocument.objects.values_list("doc_type", "object_id"))

    def broken(row):
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(indexing, "_facet_rows", broken)  # after the old documents are deleted and new ones written
    with pytest.raises(RuntimeError):
        run("rebuild")
    assert set(SearchDocument.objects.values_list("doc_type", "object_id")) == before


def test_elasticsearch_without_a_cluster_is_a_clear_error(settings):
    settings.ELASTICSEARCH_URL = ""
    with pytest.raises(CommandError, match="ELASTICSEARCH_URL er ikke satt"):
        run("rebuild", "--backend", "elasticsearch")
