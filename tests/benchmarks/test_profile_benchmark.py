"""Benchmark: kommune profile page and profile API throughput with figures for every kommune.

Not part of the normal run; run it with
`.venv/bin/pytest tests/benchmarks/test_profile_benchmark.py -s` and read the printed figures.
Requests go through Django's test client in one process (no network, no server),
so the figures measure the application: queries, computation and rendering.
"""

import time

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from innoplatform.core.site_setup import ensure_home_page
from innoplatform.municipalities.demo import load_demo_population
from innoplatform.municipalities.models import Kommune

pytestmark = pytest.mark.django_db

REQUESTS = 200


def _measure(client, urls: list[str]) -> tuple[float, int]:
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, url
    return time.perf_counter() - started, len(queries)


def test_profile_page_throughput(client):
    ensure_home_page()
    started = time.perf_counter()
    load_demo_population()
    print(f"\nDemo population for 357 kommuner generated and summarised in {time.perf_counter() - started:.1f} s")
    kommuner = list(Kommune.objects.order_by("number"))
    pages = [kommune.get_absolute_url() for kommune in kommuner]
    client.get(pages[0])  # warm caches and templates
    for label, urls in [
        ("profile page", [pages[index % len(pages)] for index in range(REQUESTS)]),
        (
            "profile API",
            [f"/api/kommuner/{kommuner[index % len(kommuner)].number}/profile" for index in range(REQUESTS)],
        ),
    ]:
        elapsed, queries = _measure(client, urls)
        print(
            f"{label}: {REQUESTS} requests in {elapsed:.2f} s = {REQUESTS / elapsed:.1f} req/s, "
            f"{elapsed / REQUESTS * 1000:.1f} ms per request, {queries / REQUESTS:.1f} queries per request"
        )
