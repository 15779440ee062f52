"""Benchmark: `manage.py import_ssb` of a full-country projection, table 14288 with all three alternatives.

The file is a StatBank CSV export as SSB writes it (Latin-1, `;`, CRLF, title line),
with alternative and year in the column headings: 357 kommuner × 2 sexes × 106 ages
in rows, MMMM/LLML/HHMH × 27 years (2024–2050) in columns, 6.13 M values. The import
runs in its own process against a migrated database file (and a scratch PostgreSQL
database when BENCH_POSTGRES_URL, or a DATABASE_URL pointing at PostgreSQL, is set),
so time and peak RSS are the importer's own, summary refresh and search reindex included.
One year of observed figures is imported first, as on a real site.

Not part of `make test`; run it with
`flock /tmp/heavy.lock .venv/bin/python -m pytest -p no:cacheprovider tests/benchmarks/test_import_benchmark.py -s`
"""

import csv
import os
import secrets
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
KOMMUNER_CSV = ROOT / "innoplatform" / "municipalities" / "data" / "kommuner.csv"

YEARS = range(2024, 2051)
AGES = range(106)
SEXES = ("Menn", "Kvinner")
ALTERNATIVES = ("Hovedalternativet (MMMM)", "Lav nasjonal vekst (LLML)", "Høy nasjonal vekst (HHMH)")
OBSERVED_YEAR = 2024

MAX_SECONDS = 30
MAX_RSS_MB = 500


@dataclass(frozen=True)
class Files:
    observed: Path
    projection: Path
    values: int


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_rss_mb: float
    output: str


def kommuner() -> list[tuple[str, str]]:
    with KOMMUNER_CSV.open(encoding="utf-8", newline="") as handle:
        return sorted((row["nummer"], row["navn"]) for row in csv.DictReader(handle, delimiter=";"))


def age_label(age: int) -> str:
    return "105 år eller eldre" if age == 105 else f"{age} år"


def write_projection_csv(path: Path, regions: list[tuple[str, str]]) -> int:
    """A 14288 StatBank export, row by row; returns how many values it holds."""
    headings = [f'"{alternative} {year}"' for alternative in ALTERNATIVES for year in YEARS]
    with path.open("w", encoding="latin-1", errors="replace", newline="") as out:
        out.write(
            '"14288: Framskrevet folkemengde 1. januar, etter region, kjønn, alder, statistikkvariabel og år"\r\n\r\n'
        )
        out.write(";".join(['"region"', '"kjønn"', '"alder"', *headings]) + "\r\n")
        for position, (number, name) in enumerate(regions):
            for sex_index, sex in enumerate(SEXES):
                for age in AGES:
                    base = 50 + (position * 37 + age * 11 + sex_index * 5) % 900
                    values = ";".join(str(base + column % 27 * (1 + column // 27)) for column in range(len(headings)))
                    out.write(f'"{number} {name}";"{sex}";"{age_label(age)}";{values}\r\n')
    return len(regions) * len(SEXES) * len(AGES) * len(headings)


def write_observed_csv(path: Path, regions: list[tuple[str, str]]) -> None:
    """A 07459 StatBank export of one year by sex, the figures a site holds before a projection arrives."""
    with path.open("w", encoding="latin-1", errors="replace", newline="") as out:
        out.write('"07459: Befolkning, etter region, alder, statistikkvariabel, år og kjønn"\r\n\r\n')
        out.write(f'"region";"alder";"Personer {OBSERVED_YEAR} Menn";"Personer {OBSERVED_YEAR} Kvinner"\r\n')
        for position, (number, name) in enumerate(regions):
            for age in AGES:
                base = 50 + (position * 37 + age * 11) % 900
                out.write(f'"K-{number} {name}";"{age_label(age)}";{base};{base + 5}\r\n')


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> Files:
    folder = tmp_path_factory.mktemp("ssb")
    regions = kommuner()
    observed = folder / "07459_observed.csv"
    write_observed_csv(observed, regions)
    projection = folder / "14288_full_country.csv"
    values = write_projection_csv(projection, regions)
    return Files(observed, projection, values)


def child_environment(database_url: str) -> dict[str, str]:
    """Production settings against the benchmark database; nothing from the machine's own configuration."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "ELASTICSEARCH_URL", "DJANGO_SETTINGS_MODULE", "SECRET_KEY"}
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="innoplatform.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        DATABASE_URL=database_url,
        LOG_LEVEL="WARNING",
    )
    return environment


def manage(environment: dict[str, str], *args: str, log: Path) -> Run:
    """Run manage.py in a child process; its wall time and its own peak RSS (from wait4, not RUSAGE_CHILDREN)."""
    with log.open("w") as output:
        started = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, stdout=output, stderr=subprocess.STDOUT
        )
        _pid, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
    text = log.read_text()
    assert child.returncode == 0, f"manage.py {' '.join(args)} failed:\n{text[-3000:]}"
    return Run(seconds, usage.ru_maxrss / 1024, text)


def import_projection(files: Files, database_url: str, folder: Path) -> Run:
    environment = child_environment(database_url)
    manage(environment, "migrate", "--noinput", log=folder / "migrate.log")
    manage(environment, "import_ssb", str(files.observed), log=folder / "observed.log")
    return manage(environment, "import_ssb", str(files.projection), log=folder / "import.log")


def report(database: str, files: Files, run: Run, counts: tuple[int, int]) -> None:
    figures, summaries = counts
    print(
        f"\nSSB import, {database}: {files.projection.stat().st_size / 1e6:.0f} MB file, {files.values:,} values"
        f" (14288 MMMM/LLML/HHMH, 357 kommuner × 27 years × 106 ages × 2 sexes)"
        f"\n  {run.seconds:.1f} s, {files.values / run.seconds:,.0f} values/s, peak RSS {run.peak_rss_mb:.0f} MB"
        f" (targets < {MAX_SECONDS} s, < {MAX_RSS_MB} MB); {figures:,} figures and {summaries:,} summaries stored"
    )


def check(files: Files, run: Run, counts: tuple[int, int]) -> None:
    figures, summaries = counts
    assert figures == files.values + len(kommuner()) * len(AGES) * 2
    assert summaries >= 3 * len(kommuner())
    assert run.seconds < MAX_SECONDS, f"import took {run.seconds:.1f} s"
    assert run.peak_rss_mb < MAX_RSS_MB, f"import peaked at {run.peak_rss_mb:.0f} MB"


COUNT_SQL = (
    "SELECT (SELECT COUNT(*) FROM municipalities_populationfigure),"
    " (SELECT COUNT(*) FROM municipalities_demographicsummary)"
)


def test_import_full_country_projection_sqlite(files, tmp_path):
    database = tmp_path / "bench.sqlite3"
    run = import_projection(files, f"sqlite:///{database}", tmp_path)
    with sqlite3.connect(database) as connection:
        counts = connection.execute(COUNT_SQL).fetchone()
    report("SQLite", files, run, counts)
    check(files, run, counts)


def postgres_server() -> str | None:
    url = os.environ.get("BENCH_POSTGRES_URL") or os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else None


@contextmanager
def scratch_postgres(server: str) -> Iterator[str]:
    """A new, empty database on the server of `server`, dropped afterwards."""
    import psycopg

    parts = urlsplit(server)
    name = f"innoplatform_importbench_{os.getpid()}"
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.skipif(postgres_server() is None, reason="set BENCH_POSTGRES_URL to a PostgreSQL server")
def test_import_full_country_projection_postgres(files, tmp_path):
    import psycopg

    with scratch_postgres(postgres_server() or "") as url:
        run = import_projection(files, url, tmp_path)
        with psycopg.connect(url) as connection:
            counts = connection.execute(COUNT_SQL).fetchone()
    report("PostgreSQL", files, run, counts)
    check(files, run, counts)
