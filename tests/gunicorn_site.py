"""The platform served by gunicorn with production settings on a database of its own, for tests that need
real worker processes: locks held by another connection, workers killed in the middle of a request.

The database is a fresh SQLite file, or a scratch PostgreSQL database beside the test database when the
suite runs on PostgreSQL. `migrate` builds it as a production install would; static files are collected
for whitenoise. Cookies are sent by hand because production marks them Secure and the site is served
over plain HTTP on the loopback interface.
"""

import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import requests

from django.conf import settings

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def scratch_database_url(tmp_path: Path, name: str) -> str:
    """A new, empty database of the vendor the suite runs on."""
    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{tmp_path / 'site.sqlite3'}"
    import psycopg

    with psycopg.connect(_pg_dsn("postgres"), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    return f"postgres://{database['USER']}@{database['HOST']}:{database['PORT'] or 5432}/{name}"


def drop_scratch_database(name: str) -> None:
    if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        return
    import psycopg

    with psycopg.connect(_pg_dsn("postgres"), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _pg_dsn(name: str) -> str:
    database = settings.DATABASES["default"]
    return f"postgresql://{database['USER']}@{database['HOST']}:{database['PORT'] or 5432}/{name}"


@dataclass
class Browser:
    """A visitor of the served site: keeps the cookies it is given and sends them back."""

    base: str
    cookies: dict = field(default_factory=dict)

    def _send(self, method: str, path: str, **kwargs) -> requests.Response:
        headers = kwargs.pop("headers", {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{key}={value}" for key, value in self.cookies.items())
        response = requests.request(
            method, self.base + path, headers=headers, allow_redirects=False, timeout=60, **kwargs
        )
        self.cookies.update(response.cookies.get_dict())
        return response

    def get(self, path: str) -> requests.Response:
        return self._send("GET", path)

    def post_form(self, path: str, data: dict) -> requests.Response:
        """GET the page for its hidden fields (the CSRF token, a form's one-time token), then POST `data` with them."""
        page = self.get(path)
        hidden = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page.text))
        assert "csrfmiddlewaretoken" in hidden, f"{path} has no form with a CSRF token ({page.status_code})"
        return self._send("POST", path, data={**hidden, **data})


@dataclass
class Site:
    base: str
    environment: dict
    server: subprocess.Popen

    def browser(self) -> Browser:
        return Browser(self.base)

    def manage(self, *args: str) -> str:
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.environment,
            capture_output=True,
            text=True,
            check=False,
            timeout=300,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    def shell(self, script: str) -> list[str]:
        return self.manage("shell", "--no-imports", "-c", script).strip().splitlines()

    def workers(self) -> list[int]:
        """The worker processes' ids (children of the gunicorn master)."""
        children = Path(f"/proc/{self.server.pid}/task/{self.server.pid}/children").read_text().split()
        return [int(pid) for pid in children]

    def kill_workers(self) -> None:
        for pid in self.workers():
            os.kill(pid, signal.SIGKILL)


@contextmanager
def gunicorn_site(tmp_path: Path, database_url: str, *, workers: int = 2) -> Iterator[Site]:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    environment = {
        key: value for key, value in os.environ.items() if key not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL"}
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="innoplatform.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        DATABASE_URL=database_url,
        SECURE_SSL_REDIRECT="False",
        SITE_URL=base,
        ALLOWED_HOSTS="127.0.0.1",
        STATIC_ROOT=str(tmp_path / "static"),
        MEDIA_ROOT=str(tmp_path / "media"),
        TASKS_BACKEND="database",
        EMAIL_URL="consolemail://",
        LOG_LEVEL="WARNING",
    )
    environment.pop("REDIS_URL", None)
    site = Site(base, environment, None)  # type: ignore[arg-type]
    site.manage("migrate", "--noinput")
    site.manage("collectstatic", "--noinput")
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "innoplatform.wsgi",
            "--workers",
            str(workers),
            "--bind",
            f"127.0.0.1:{port}",
        ],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=(tmp_path / "gunicorn.log").open("w"),
    )
    site.server = server
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if requests.get(base + "/", timeout=5).status_code == 200:
                    break
            except (requests.ConnectionError, requests.Timeout):  # not listening yet, or a cold first answer
                pass
            assert time.monotonic() < deadline, (tmp_path / "gunicorn.log").read_text()[-3000:]
            time.sleep(0.2)
        yield site
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
