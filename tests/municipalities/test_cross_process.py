"""Figures imported in one process are seen at once, and without an error, by the site running in another.

A long-lived "web" process answers requests through Django's test client while
`import_ssb` and other commands run in processes of their own, all on one
SQLite file: the dataset choice may not be cached across processes, and a
dataset that was just replaced or emptied must give a smaller profile, not a 500.
"""

import json
import os
import subprocess
import sys

import pytest

from tests.manage_process import ROOT, run_manage

SETTINGS = "innoplatform.settings.test"
TELEMARK = {"4003": "Skien", "4001": "Porsgrunn", "4005": "Notodden"}
GROUPS = (
    "0 år",
    "1-5 år",
    "6-12 år",
    "13-15 år",
    "16-19 år",
    "20-44 år",
    "45-66 år",
    "67-79 år",
    "80-89 år",
    "90 år eller eldre",
)
BASE = (10, 50, 70, 30, 40, 300, 250, 150, 80, 20)
LATER = (8, 40, 60, 24, 28, 250, 230, 180, 140, 40)

WEB = """
import json, sys
from django.test import Client
from django.test.utils import setup_test_environment
from innoplatform.core.site_setup import ensure_home_page
setup_test_environment()
ensure_home_page()
client = Client(raise_request_exception=False)
print("ready", flush=True)
for line in sys.stdin:
    path = line.strip()
    response = client.get(path)
    body = response.json() if response["Content-Type"] == "application/json" else {}
    print(json.dumps({"status": response.status_code, "state": body.get("state"), "challenges": body.get("challenges")}), flush=True)
"""


def _observed_csv(path, years=(2025,)) -> None:
    lines = ["region,år,alder,value,Tabell"]
    for name in TELEMARK.values():
        for year in years:
            lines += [f"{name},{year},{group},{value},07459" for group, value in zip(GROUPS, BASE, strict=True)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _projection_csv(path) -> None:
    lines = ["region,statistikkvariabel,år,alder,value,Tabell"]
    for name in TELEMARK.values():
        for year in range(2026, 2051):
            share = min((year - 2025) / 15, 1.5)
            for group, base, later in zip(GROUPS, BASE, LATER, strict=True):
                value = round(base + (later - base) * share)
                lines.append(f"{name},Hovedalternativet (MMMM),{year},{group},{max(0, value)},14746")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cross-process")
    env = {"DATABASE_URL": f"sqlite:///{folder / 'site.sqlite3'}"}
    result = run_manage("migrate", "--noinput", settings=SETTINGS, **env)
    assert result.returncode == 0, result.stderr
    return folder, env


def environment(env: dict) -> dict:
    """This machine's environment with the test settings and the shared database file."""
    kept = {key: value for key, value in os.environ.items() if key not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}}
    return {**kept, "DJANGO_SETTINGS_MODULE": SETTINGS, **env}


def manage(env: dict, *args: str) -> None:
    result = run_manage(*args, settings=SETTINGS, **env)
    assert result.returncode == 0, result.stderr + result.stdout


class Web:
    """The site in a process of its own; `get` sends one request and reads its answer."""

    def __init__(self, env: dict) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "manage.py", "shell", "--no-imports", "-c", WEB],
            cwd=ROOT,
            env=environment(env),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        while (line := self.process.stdout.readline()) and line.strip() != "ready":
            pass
        assert line, self.process.stderr.read()

    def get(self, path: str) -> dict:
        self.process.stdin.write(path + "\n")
        self.process.stdin.flush()
        return json.loads(self.process.stdout.readline())

    def close(self) -> str:
        self.process.stdin.close()
        self.process.wait(timeout=30)
        return self.process.stderr.read()


def test_an_import_in_another_process_is_seen_by_the_next_request(site):
    folder, env = site
    _observed_csv(folder / "observed.csv")
    _projection_csv(folder / "projection.csv")
    manage(env, "import_ssb", str(folder / "observed.csv"))
    web = Web(env)
    try:
        first = web.get("/api/kommuner/4003/profile")
        assert (first["status"], first["state"]) == (200, "observed")
        assert web.get("/kommuner/4003-skien/")["status"] == 200

        manage(env, "import_ssb", str(folder / "projection.csv"))
        after_import = web.get("/api/kommuner/4003/profile")
        assert (after_import["status"], after_import["state"]) == (200, "both")
        assert after_import["challenges"] == ["aldring", "arbeidskraft", "faerre-barn"]
        assert web.get("/kommuner/4003-skien/")["status"] == 200
        assert web.get("/kommuner/sammenlign/?k=4003&k=4001")["status"] == 200

        manage(
            env,
            "shell",
            "-c",
            "from innoplatform.municipalities.models import PopulationDataset; PopulationDataset.objects.filter(kind='projected').delete()",
        )
        emptied = web.get("/api/kommuner/4003/profile")
        assert (emptied["status"], emptied["state"]) == (200, "observed")
        for path in (
            "/kommuner/4003-skien/",
            "/kommuner/4003/aldersgrupper.csv",
            "/kommuner/sammenlign/?k=4003&k=4001",
        ):
            assert web.get(path)["status"] == 200, path
    finally:
        errors = web.close()
    assert "Traceback" not in errors


def test_requests_while_an_import_runs_never_fail(site):
    folder, env = site
    _observed_csv(folder / "history.csv", years=range(2000, 2026))
    web = Web(env)
    try:
        importer = subprocess.Popen(
            [sys.executable, "manage.py", "import_ssb", str(folder / "history.csv"), str(folder / "projection.csv")],
            cwd=ROOT,
            env=environment(env),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        answers = []
        while importer.poll() is None:
            answers.append(web.get("/kommuner/4003-skien/")["status"])
            answers.append(web.get("/api/kommuner/4003/profile")["status"])
        assert importer.returncode == 0, importer.stderr.read()
        assert set(answers) <= {200} and answers
        final = web.get("/api/kommuner/4003/profile")
        assert final["state"] == "both"
    finally:
        errors = web.close()
    assert "Traceback" not in errors
