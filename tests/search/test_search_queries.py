"""The search page, the search API and the case index with a query read a fixed number of queries,
whatever the number of documents."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from cases.factories import bulk_create_cases
from innoplatform.municipalities.models import Kommune
from search.indexing import rebuild

pytestmark = pytest.mark.django_db

URLS = [
    ("/sok/", {"q": "eksempel sammendrag"}),
    ("/sok/", {"q": "eksempel", "type": "case", "fase": "forankring", "tjenesteomrade": "barnehage"}),
    ("/api/search/", {"q": "eksempel", "type": "case", "utfordring": "aldring"}),
    ("/api/search/suggest/", {"q": "eksempel sam"}),
    ("/eksempler/", {"q": "eksempel", "tjenesteomrade": "skole"}),
    ("/api/cases/", {"q": "eksempel"}),
]
MAX_QUERIES = 30


def queries(client, url, params) -> tuple[int, bytes]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(captured), response.content


@pytest.mark.parametrize(("url", "params"), URLS)
def test_queries_do_not_grow_with_the_index(client, library, url, params, django_assert_max_num_queries):
    kommuner = list(Kommune.objects.order_by("number")[:6])
    bulk_create_cases(library, 4, kommuner)
    rebuild()
    small, small_content = queries(client, url, params)
    bulk_create_cases(library, 60, kommuner)
    rebuild()
    with django_assert_max_num_queries(small):
        response = client.get(url, params)
    assert response.content != small_content  # the larger index is what was read
    assert small <= MAX_QUERIES
