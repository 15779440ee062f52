"""Running one request several times at the same moment, for the tests of what must happen only once."""

import threading
from collections.abc import Callable

from django.db import connection
from django.test import Client


def post_at_once(count: int, url: str, data: dict | None = None, *, user=None) -> list[int]:
    """POST `data` to `url` from `count` browsers released together; return their status codes.

    Each thread has its own database connection, so on PostgreSQL the requests really race.
    """
    barrier = threading.Barrier(count)
    statuses: list[int] = []

    def post() -> None:
        browser = Client()
        if user is not None:
            browser.force_login(user)
        barrier.wait()
        statuses.append(browser.post(url, data or {}).status_code)
        connection.close()

    run_threads([post] * count)
    return statuses


def run_threads(functions: list[Callable[[], None]]) -> None:
    threads = [threading.Thread(target=function) for function in functions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
