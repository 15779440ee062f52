"""The load test's visitors: browsers that count every answer, forms found by where they post, and budgets
that keep one address within the platform's per-address rate limits."""

import re
import threading
import time
import traceback
from collections import Counter, defaultdict, deque
from dataclasses import dataclass, field

import requests

from tests.gunicorn_site import Browser

HIDDEN_INPUT = re.compile(r"<input\b[^>]*\btype=\"hidden\"[^>]*>")
ATTRIBUTE = re.compile(r'\b(name|value)="([^"]*)"')


def route_of(path: str) -> str:
    """A path with its query and numbers taken out, so the answers of one view are counted together."""
    return re.sub(r"\d+", "<n>", path.split("?", 1)[0])


def hidden_fields(html: str) -> dict[str, str]:
    fields = {}
    for tag in HIDDEN_INPUT.findall(html):
        attributes = dict(ATTRIBUTE.findall(tag))
        if "name" in attributes:
            fields[attributes["name"]] = attributes.get("value", "")
    return fields


def form_posting_to(html: str, action: str) -> dict[str, str] | None:
    """The hidden fields of the page's form whose action is `action`, or None when the page has no such form."""
    match = re.search(r'<form\b[^>]*\baction="' + re.escape(action) + r'"[^>]*>(.*?)</form>', html, re.DOTALL)
    return None if match is None else hidden_fields(match.group(1))


class Tally:
    """Every answer the server gave, every write it acknowledged, and whatever went wrong in a visitor's thread."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.answers: Counter = Counter()  # (kind, method, route, status)
        self.server_errors: list[str] = []
        self.acknowledged: dict[str, list] = defaultdict(list)
        self.refused: Counter = Counter()  # (kind, status)
        self.failures: list[str] = []
        self.finished: dict[str, float] = {}  # visitor → seconds into the load when it ran out of work

    def answer(self, kind: str, method: str, path: str, status: int | str) -> None:
        with self.lock:
            self.answers[kind, method, route_of(path), status] += 1
            if not isinstance(status, int) or status >= 500:
                self.server_errors.append(f"{method} {path} → {status}")

    def ack(self, kind: str, key) -> None:
        with self.lock:
            self.acknowledged[kind].append(key)

    def refuse(self, kind: str, status: int) -> None:
        with self.lock:
            self.refused[kind, status] += 1

    def fail(self, kind: str) -> None:
        with self.lock:
            self.failures.append(f"{kind}: {traceback.format_exc()}")

    def count(self, kind: str, status=None) -> int:
        return sum(n for (k, _m, _r, s), n in self.answers.items() if k == kind and status in (None, s))


@dataclass
class CountingBrowser(Browser):
    """A `Browser` that reports each answer to the tally under the visitor's kind (reader, signup, post, …)."""

    tally: Tally = field(default_factory=Tally)
    kind: str = "setup"

    def _send(self, method: str, path: str, **kwargs) -> requests.Response:
        try:
            response = super()._send(method, path, **kwargs)
        except requests.RequestException as error:
            self.tally.answer(self.kind, method, path, type(error).__name__)
            raise
        self.tally.answer(self.kind, method, path, response.status_code)
        return response

    def post(self, path: str, data: dict) -> requests.Response:
        return self._send("POST", path, data=data)

    def form_fields(self, page: str) -> dict[str, str]:
        """The hidden fields of `page` (the CSRF token, a form's one-time token), to send one form twice."""
        return hidden_fields(self.get(page).text)

    def submit(self, page: str, action: str, data: dict | None = None) -> requests.Response | None:
        """Open `page` and send its form that posts to `action`, as a visitor pressing its button; None if
        the page shows no such form."""
        hidden = form_posting_to(self.get(page).text, action)
        if hidden is None:
            return None
        return self.post(action, {**hidden, **(data or {})})

    def local(self, response: requests.Response) -> str:
        """Where a redirect points, as a path on the site."""
        return response.headers.get("Location", "").removeprefix(self.base)


class Budget:
    """At most `count` uses in any `seconds`: keeps the one address all visitors share within a rate limit."""

    def __init__(self, count: int, seconds: float) -> None:
        self.count, self.seconds = count, seconds
        self.used: deque[float] = deque()
        self.lock = threading.Lock()

    def take(self) -> bool:
        with self.lock:
            now = time.monotonic()
            while self.used and now - self.used[0] > self.seconds:
                self.used.popleft()
            if len(self.used) >= self.count:
                return False
            self.used.append(now)
            return True

    def wait(self, stop: threading.Event) -> bool:
        """Block until a use is free; False when the load stops first."""
        while not stop.is_set():
            if self.take():
                return True
            stop.wait(0.25)
        return False
