"""`make bench`: the platform under gunicorn on scale data, page by page, against a reference page.

For each database (SQLite, and PostgreSQL when BENCH_POSTGRES_URL or a local server is reachable) the
script builds a production install on the scale data (`load_scale_data`, once; the database is kept
in BENCH_DIR for the next run), serves it with gunicorn (2 workers, production settings, DEBUG off,
static files through whitenoise) and loads each page with wrk: first with the anonymous page cache on,
then with it off. Beside every page it loads a reference, a minimal Django view returning constant
HTML of the same size through the same middleware, in the same server. CPU milliseconds per request
are the workers' CPU time (from /proc) over the requests wrk made, the figure that holds on a noisy
machine. The table is printed and written to docs/benchmarks.md.
"""

import argparse
import json
import os
import platform
import re
import secrets
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
BENCH_DIR = Path(os.environ.get("BENCH_DIR", ROOT / "bench-data"))
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")

PAGES_SCRIPT = """
from django.urls import reverse
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.auth import SESSION_KEY, BACKEND_SESSION_KEY, HASH_SESSION_KEY
from cases.models import CaseIndexPage, CasePage
from courses.models import CoursePage, LessonPage, Enrollment
from partners.models import CollaborationPost
from innoplatform.municipalities.models import Kommune
index = CaseIndexPage.objects.live().first()
case = CasePage.objects.live().order_by("pk").first()
course = CoursePage.objects.live().order_by("pk").first()
lesson = LessonPage.objects.live().descendant_of(course).order_by("path").first()
enrollment = Enrollment.objects.filter(course=course).select_related("user").order_by("pk").first()
post = CollaborationPost.objects.filter(status="published").order_by("pk").first()
kommune = Kommune.objects.get(number="0301")
user = enrollment.user
session = SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session.create()
print("session", session.session_key)
print("home", "/")
print("case-index", index.url + "?tjenesteomrade=helse-og-omsorg&sektor=kommune")
print("case", case.url)
print("course", course.url)
print("lesson", lesson.url)
print("my-courses", reverse("courses:mine"))
print("posts", reverse("partners:list"))
print("post", reverse("partners:detail", args=[post.slug]))
print("kommune", kommune.get_absolute_url())
print("kommuner", reverse("municipalities:list"))
print("search", reverse("search:page") + "?q=velferdsteknologi")
"""

SIGNED_IN = {"my-courses", "lesson"}
PEERS = {
    "home": ("forsiden", 57),
    "kommuner": ("bloggindeksen", 39),
    "kommune": ("et blogginnlegg", 30),
    "case-index": ("brødindeksen", 48),
    "case": ("en brødside", 23),
    "search": ("søket", 56),
}
"""Our page → the official Wagtail demo's equivalent and its CPU ms per request (bakerydemo, Wagtail 7.4,
SQLite, its own demo content, 2 workers, measured on a machine of this kind)."""
LABELS = {
    "home": "Forside",
    "case-index": "Casebibliotek, to fasetter",
    "case": "Case-side",
    "course": "Kursside",
    "lesson": "Leksjon (innlogget)",
    "my-courses": "Mine kurs (innlogget)",
    "posts": "Partnerlista",
    "post": "Innlegg med treff",
    "kommune": "Kommuneprofil",
    "kommuner": "Kommunelista",
    "search": "Søk",
}


@dataclass
class Load:
    requests: int
    per_second: float
    p50_ms: float
    p99_ms: float
    cpu_ms: float


@dataclass
class Row:
    database: str
    page: str
    size: int
    queries: tuple[int, int]  # small data, scale data
    cold_queries: tuple[int, int]  # the same with no derived data kept
    cached: Load | None
    uncached: Load
    cold: Load
    reference_cached: Load
    reference_uncached: Load

    @property
    def ratio(self) -> float:
        """Requests per second against the reference served under the same settings in the same round."""
        if self.cached:
            return self.cached.per_second / self.reference_cached.per_second
        return self.uncached.per_second / self.reference_uncached.per_second


@dataclass
class Result:
    rows: list[Row]
    rss: list[float]
    search_ms: tuple[float, float]  # p50, p95
    matching: dict


SMALL_DATA = ("--cases", "100", "--posts", "60", "--organisations", "40", "--users", "200")
SMALL_DATA += ("--enrollments", "300", "--grants", "20")
SEARCH_TERMS = (
    "velferdsteknologi",
    "hjemmetjeneste",
    "digital tilsyn",
    "barnehage",
    "rekruttering",
    "frivillighet",
    "klima",
    "skole",
    "demens",
    "bolig",
)
SEARCH_REQUESTS = 200


def redis_url() -> str | None:
    """The bench's Redis database (production's shared cache), emptied before each server starts."""
    import redis

    url = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/9")
    try:
        redis.Redis.from_url(url).flushdb()
    except redis.RedisError:
        return None
    return url


ROUNDS = (("cached", 300, 3600), ("uncached", 0, 3600), ("cold", 0, 0))
"""Name, PAGE_CACHE_SECONDS, DERIVED_CACHE_SECONDS: whole pages cached for anonymous visitors; no page cache
(derived data and fragments on, as every signed-in visitor is served); nothing cached at all."""


def environment(
    database_url: str,
    port: int,
    cache_seconds: int,
    secret_key: str,
    cache_url: str | None,
    derived_seconds: int = 3600,
) -> dict:
    values = {key: value for key, value in os.environ.items() if key not in {"DATABASE_URL", "REDIS_URL"}}
    if cache_url:
        values["REDIS_URL"] = cache_url
    values.update(
        DJANGO_SETTINGS_MODULE="tests.benchmarks.bench_settings",
        SECRET_KEY=secret_key,
        DATABASE_URL=database_url,
        SECURE_SSL_REDIRECT="False",
        SITE_URL=f"http://127.0.0.1:{port}",
        ALLOWED_HOSTS="127.0.0.1",
        STATIC_ROOT=str(BENCH_DIR / "static"),
        MEDIA_ROOT=str(BENCH_DIR / "media"),
        EMAIL_URL="consolemail://",
        LOG_LEVEL="WARNING",
        PAGE_CACHE_SECONDS=str(cache_seconds),
        DERIVED_CACHE_SECONDS=str(derived_seconds),
    )
    return values


def manage(env: dict, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")
    return result.stdout


def prepare(database_url: str, env: dict, *sizes: str) -> None:
    """Migrate and, on an empty database, load the scale data (the defaults, or the sizes given)."""
    manage(env, "migrate", "--noinput")
    manage(env, "collectstatic", "--noinput")
    counted = manage(
        env, "shell", "--no-imports", "-c", "from cases.models import CasePage; print(CasePage.objects.count())"
    )
    if int(counted.strip().splitlines()[-1]) == 0:
        print(f"Laster skaladata i {database_url} …", flush=True)
        manage(env, "load_scale_data", "--no-index", *sizes)


def inprocess_figures(env: dict, session: str, urls: dict[str, str], *, matching: bool, derived_seconds: int) -> dict:
    """Queries per page (and the matching time) measured in one process: tests/benchmarks/inprocess_figures.py."""
    given = json.dumps({"session": session, "pages": urls, "signed_in": sorted(SIGNED_IN), "matching": matching})
    redis_url()  # the small and the scale data share the cache: nothing derived from one may serve the other
    result = subprocess.run(
        [sys.executable, "-m", "tests.benchmarks.inprocess_figures"],
        cwd=ROOT,
        env={**env, "PAGE_CACHE_SECONDS": "0", "DERIVED_CACHE_SECONDS": str(derived_seconds)},
        input=given,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"inprocess_figures failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def search_latency(base: str, search_path: str) -> tuple[float, float]:
    """p50 and p95 in ms of one visitor's searches, one after another, over varied terms."""
    path = search_path.split("?", 1)[0]
    timings = []
    for number in range(SEARCH_REQUESTS):
        term = SEARCH_TERMS[number % len(SEARCH_TERMS)]
        started = time.perf_counter()
        response = requests.get(f"{base}{path}", params={"q": term}, timeout=30)
        timings.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"search for {term} answered {response.status_code}")
    cuts = statistics.quantiles(timings, n=20)
    return statistics.median(timings), cuts[18]


def worker_cpu_ticks(master: subprocess.Popen) -> int:
    children = Path(f"/proc/{master.pid}/task/{master.pid}/children").read_text().split()
    total = 0
    for pid in children:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total


def worker_rss_mb(master: subprocess.Popen) -> list[float]:
    children = Path(f"/proc/{master.pid}/task/{master.pid}/children").read_text().split()
    sizes = []
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        sizes.append(int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024)
    return sizes


def serve(env: dict, port: int) -> subprocess.Popen:
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "innoplatform.wsgi", "--workers", "2", "--bind", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=(BENCH_DIR / "gunicorn.log").open("a"),
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if requests.get(f"http://127.0.0.1:{port}/", timeout=30).status_code == 200:
                return server
        except (requests.ConnectionError, requests.Timeout):  # not listening yet, or a slow first page
            time.sleep(0.3)
    server.kill()
    raise SystemExit((BENCH_DIR / "gunicorn.log").read_text()[-3000:])


def wrk(server: subprocess.Popen, url: str, seconds: int, cookie: str | None) -> Load:
    command = ["wrk", "-t2", "-c4", f"-d{seconds}s", "--latency", url]
    if cookie:
        command[1:1] = ["-H", f"Cookie: {cookie}"]
    before = worker_cpu_ticks(server)
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    ticks = worker_cpu_ticks(server) - before
    count = int(re.search(r"(\d+) requests in", output).group(1))
    if re.search(r"Non-2xx or 3xx responses: (\d+)", output):
        raise SystemExit(f"{url} answered with errors:\n{output}")
    return Load(
        requests=count,
        per_second=float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        p50_ms=_latency_ms(re.search(r"50%\s+([\d.]+\w+)", output).group(1)),
        p99_ms=_latency_ms(re.search(r"99%\s+([\d.]+\w+)", output).group(1)),
        cpu_ms=ticks / CLOCK_TICKS * 1000 / max(count, 1),
    )


def _latency_ms(text: str) -> float:
    number, unit = re.match(r"([\d.]+)(\w+)", text).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def pages(env: dict) -> tuple[str, dict[str, str]]:
    lines = manage(env, "shell", "--no-imports", "-c", PAGES_SCRIPT).strip().splitlines()
    found = dict(line.split(" ", 1) for line in lines)
    session = found.pop("session")
    return session, found


def measure(database: str, database_url: str, small_url: str, seconds: int) -> Result:
    port = 8700 + secrets.randbelow(200)
    base = f"http://127.0.0.1:{port}"
    rows: dict[str, dict] = {}
    rss: list[float] = []
    secret_key = secrets.token_urlsafe(50)  # one key, so the signed-in session holds in both rounds
    cache_url = redis_url()
    prepare(database_url, environment(database_url, port, 0, secret_key, cache_url))
    prepare(small_url, environment(small_url, port, 0, secret_key, cache_url), *SMALL_DATA)
    session, urls = pages(environment(database_url, port, 0, secret_key, cache_url))
    small_session, small_urls = pages(environment(small_url, port, 0, secret_key, cache_url))
    scale_env = environment(database_url, port, 0, secret_key, cache_url)
    small_env = environment(small_url, port, 0, secret_key, cache_url)
    scale = inprocess_figures(scale_env, session, urls, matching=True, derived_seconds=3600)
    small = inprocess_figures(small_env, small_session, small_urls, matching=False, derived_seconds=3600)
    scale_cold = inprocess_figures(scale_env, session, urls, matching=False, derived_seconds=0)
    small_cold = inprocess_figures(small_env, small_session, small_urls, matching=False, derived_seconds=0)
    cookie = f"sessionid={session}"
    for round_name, cache_seconds, derived_seconds in ROUNDS:
        env = environment(database_url, port, cache_seconds, secret_key, redis_url(), derived_seconds)
        server = serve(env, port)
        try:
            for name, path in urls.items():
                signed_in = name in SIGNED_IN
                page_cookie = cookie if signed_in else None
                headers = {"Cookie": page_cookie} if page_cookie else {}
                page = requests.get(base + path, headers=headers, timeout=30, allow_redirects=False)
                if page.status_code != 200:
                    raise SystemExit(f"{path} answered {page.status_code}")
                if signed_in and "Logg ut" not in page.text:
                    raise SystemExit(f"{path} was not shown signed in")
                row = rows.setdefault(
                    name,
                    {
                        "size": len(page.content),
                        "queries": (small["queries"][name], scale["queries"][name]),
                        "cold_queries": (small_cold["queries"][name], scale_cold["queries"][name]),
                    },
                )
                if not (cache_seconds and signed_in):
                    row[round_name] = wrk(server, base + path, seconds, page_cookie)
                if round_name != "cold":
                    row[f"reference_{round_name}"] = wrk(server, f"{base}/_referanse/{row['size']}/", seconds, None)
            if round_name == "uncached":
                search_ms = search_latency(base, urls["search"])
                rss = worker_rss_mb(server)
        finally:
            server.terminate()
            server.wait(timeout=30)
    return Result(
        rows=[
            Row(
                database,
                name,
                row["size"],
                row["queries"],
                row["cold_queries"],
                row.get("cached"),
                row["uncached"],
                row["cold"],
                row["reference_cached"],
                row["reference_uncached"],
            )
            for name, row in rows.items()
        ],
        rss=rss,
        search_ms=search_ms,
        matching=scale["matching"],
    )


def table(rows: list[Row]) -> str:
    lines = [
        "| Database | Side | Bytes | Spørringer liten/skala (kald) | CPU ms kald | CPU ms uten sidebuffer "
        "| Forespørsler/s uten sidebuffer | p50/p99 ms uten sidebuffer | CPU ms med sidebuffer "
        "| Forespørsler/s med sidebuffer | p50/p99 ms med sidebuffer | Referanse forespørsler/s | Referanse CPU ms "
        "| Forhold til referansen |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        reference = row.reference_cached if row.cached else row.reference_uncached
        cached = (
            f"{row.cached.cpu_ms:.1f} | {row.cached.per_second:.0f} | {row.cached.p50_ms:.1f}/{row.cached.p99_ms:.1f}"
            if row.cached
            else "– | – | –"
        )
        lines.append(
            f"| {row.database} | {LABELS[row.page]} | {row.size} | {row.queries[0]}/{row.queries[1]} "
            f"({row.cold_queries[0]}/{row.cold_queries[1]}) | {row.cold.cpu_ms:.1f} "
            f"| {row.uncached.cpu_ms:.1f} | {row.uncached.per_second:.0f} "
            f"| {row.uncached.p50_ms:.1f}/{row.uncached.p99_ms:.1f} | {cached} "
            f"| {reference.per_second:.0f} | {reference.cpu_ms:.1f} | {row.ratio:.2f} |"
        )
    return "\n".join(lines)


def databases() -> list[tuple[str, str, str]]:
    """(name, scale database, small database) for each vendor measured."""
    chosen = []
    if os.environ.get("BENCH_SKIP_SQLITE") != "1":
        chosen.append(
            ("SQLite", f"sqlite:///{BENCH_DIR / 'scale.sqlite3'}", f"sqlite:///{BENCH_DIR / 'small.sqlite3'}")
        )
    postgres = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/innoplatform_bench")
    if os.environ.get("BENCH_SKIP_POSTGRES") != "1":
        small = postgres + "_small"
        _ensure_postgres_database(postgres)
        _ensure_postgres_database(small)
        chosen.append(("PostgreSQL", postgres, small))
    return chosen


def _ensure_postgres_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10, help="wrk's run per page and per reference")
    parser.add_argument("--output", default=str(ROOT / "docs" / "benchmarks.md"))
    options = parser.parse_args()
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    results: dict[str, Result] = {}
    for database, url, small in databases():
        results[database] = measure(database, url, small, options.seconds)
        # Written after each database, so the figures measured so far survive a later failure.
        text = report(results, options.seconds, "Redis" if redis_url() else "databasens cachetabell")
        Path(options.output).write_text(text, encoding="utf-8")
    print(text)


def report(results: dict[str, Result], seconds: int, cache_name: str) -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    rows = table([row for result in results.values() for row in result.rows])
    others = "\n".join(
        f"| {database} | {result.search_ms[0]:.1f}/{result.search_ms[1]:.1f} "
        f"| {result.matching['cold_ms']:.0f}/{result.matching['warm_ms']:.1f} ({result.matching['posts']} innlegg) "
        f"| {', '.join(f'{size:.0f}' for size in result.rss)} |"
        for database, result in results.items()
    )
    peers = "\n".join(
        f"| {database} | {LABELS[row.page]} | {PEERS[row.page][0]} | {PEERS[row.page][1]} | {row.uncached.cpu_ms:.1f} "
        f"| {row.cold.cpu_ms:.1f} | {'ja' if row.uncached.cpu_ms < PEERS[row.page][1] else 'nei'} |"
        for database, result in results.items()
        for row in result.rows
        if row.page in PEERS
    )
    return f"""# Ytelsesmålinger

Målt {date.today().isoformat()} på {os.cpu_count()} kjerner ({cpu}), {platform.system()} {platform.release()},
Python {platform.python_version()}, med `make bench` (`tests/benchmarks/http_bench.py --seconds {seconds}`:
wrk i {seconds} s per side og per referanse, 2 tråder og 4 forbindelser). Skaladataene er
`manage.py load_scale_data` med standardtallene (10 000 caser, 5 000 innlegg, 2 000 organisasjoner,
20 000 brukere, 50 000 påmeldinger, 3 000 tilskudd, 357 kommuner med framskrivinger); de små dataene
er `load_scale_data {" ".join(SMALL_DATA)}`.

Nettstedet kjøres av gunicorn med 2 arbeidere og produksjonsinnstillingene (DEBUG av, statiske
filer gjennom whitenoise, {cache_name} som delt hurtigbuffer), i tre runder (`docs/caching.md`):
*med sidebuffer* er anonyme besøkende med hurtigbufferen for hele sider; *uten sidebuffer* er
`PAGE_CACHE_SECONDS=0`, med avledede data og HTML-biter på, slik en innlogget besøkende alltid får
siden; *kald* er `DERIVED_CACHE_SECONDS=0` i tillegg, alt regnet ut for hver forespørsel.
Referansen er en minimal Django-visning som svarer med konstant HTML av samme størrelse gjennom samme
middleware i samme server, målt i de to første rundene. CPU ms per forespørsel er arbeidernes
CPU-tid (fra /proc) delt på antall forespørsler. Spørringer er SQL-spørringene siden gjør i en varm
arbeider, på de små dataene og på skaladataene, og i parentes det samme uten avledede data. Sidene
merket innlogget har aldri sidebuffer. Det siste tallet er forespørsler per sekund for siden (med
sidebuffer der den kan bufres) delt på referansens i samme runde.

{rows}

| Database | Søk p50/p95 ms (én besøkende, {SEARCH_REQUESTS} søk) | Treff for ett innlegg mot alle, kald/varm ms | RSS per arbeider etter kjøringen, MB |
|---|---:|---:|---:|
{others}

Mot Wagtails offisielle demo (bakerydemo, Wagtail 7.4, SQLite, egne demodata, 2 arbeidere, CPU ms per
forespørsel målt på en maskin av samme slag), med 10 000 caser her:

| Database | Side | Tilsvarende i bakerydemo | bakerydemo CPU ms | CPU ms uten sidebuffer | CPU ms kald | Billigere |
|---|---|---|---:|---:|---:|---|
{peers}

Import av en framskriving for hele landet med alle tre alternativene: se
`tests/benchmarks/test_import_benchmark.py` og tallene i `docs/demography.md`.
"""


if __name__ == "__main__":
    main()
