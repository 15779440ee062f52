"""Figures `make bench` takes inside one Django process rather than over HTTP: the SQL queries each page
issues, and the time to match one collaboration post against all published posts.

Run by `http_bench.py` with the bench settings and a database in the environment; reads the pages as
JSON on stdin ({"session": key, "pages": {name: path}}) and prints the figures as JSON on stdout.
Each page is fetched once before it is counted, so the count is the steady state a warm worker
serves (per-process lookups such as Wagtail's site root paths are filled by the first request).
"""

import json
import statistics
import sys
import time

import django

MATCH_RUNS = 20


def page_queries(pages: dict[str, str], session: str, signed_in: set[str]) -> dict[str, int]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    counts = {}
    for name, path in pages.items():
        client = Client(SERVER_NAME="127.0.0.1")
        if name in signed_in:
            client.cookies["sessionid"] = session
        client.get(path)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code}")
        counts[name] = len(captured.captured_queries)
    return counts


def matching_times() -> dict[str, float]:
    """Cold: the first match in a fresh process, which reads every published post; warm: the median after."""
    from partners import matching
    from partners.models import CollaborationPost

    post = CollaborationPost.objects.filter(status="published").order_by("pk").first()
    published = CollaborationPost.objects.filter(status="published").count()
    started = time.perf_counter()
    matching.match_both(post)
    cold = (time.perf_counter() - started) * 1000
    warm = []
    for _ in range(MATCH_RUNS):
        started = time.perf_counter()
        matching.match_both(post)
        warm.append((time.perf_counter() - started) * 1000)
    return {"posts": published, "cold_ms": cold, "warm_ms": statistics.median(warm)}


def main() -> None:
    django.setup()
    given = json.load(sys.stdin)
    figures = {
        "queries": page_queries(given["pages"], given["session"], set(given["signed_in"])),
        "matching": matching_times() if given.get("matching") else None,
    }
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
