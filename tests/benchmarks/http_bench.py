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
import os
import platform
import re
import secrets
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
print("search", reverse("search:page") + "?q=velferdsteknologi")
"""

SIGNED_IN = {"my-courses", "lesson"}
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
    cached: Load | None
    uncached: Load
    reference: Load


def environment(database_url: str, port: int, cache_seconds: int, secret_key: str) -> dict:
    values = {key: value for key, value in os.environ.items() if key not in {"DATABASE_URL", "REDIS_URL"}}
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
    )
    return values


def manage(env: dict, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")
    return result.stdout


def prepare(database_url: str, env: dict) -> None:
    manage(env, "migrate", "--noinput")
    manage(env, "collectstatic", "--noinput")
    counted = manage(
        env, "shell", "--no-imports", "-c", "from cases.models import CasePage; print(CasePage.objects.count())"
    )
    if int(counted.strip().splitlines()[-1]) == 0:
        print(f"Laster skaladata i {database_url} …", flush=True)
        manage(env, "load_scale_data", "--no-index")


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
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if requests.get(f"http://127.0.0.1:{port}/", timeout=5).status_code == 200:
                return server
        except requests.ConnectionError:
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


def measure(database: str, database_url: str, seconds: int) -> tuple[list[Row], list[float]]:
    port = 8700 + secrets.randbelow(200)
    base = f"http://127.0.0.1:{port}"
    rows: dict[str, dict] = {}
    rss: list[float] = []
    secret_key = secrets.token_urlsafe(50)  # one key, so the signed-in session holds in both rounds
    prepare(database_url, environment(database_url, port, 0, secret_key))
    session, urls = pages(environment(database_url, port, 0, secret_key))
    cookie = f"sessionid={session}"
    for cache_seconds in (300, 0):
        server = serve(environment(database_url, port, cache_seconds, secret_key), port)
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
                row = rows.setdefault(name, {"size": len(page.content)})
                if cache_seconds and signed_in:
                    continue
                load = wrk(server, base + path, seconds, page_cookie)
                row["cached" if cache_seconds else "uncached"] = load
                if not cache_seconds:
                    row["reference"] = wrk(server, f"{base}/_referanse/{row['size']}/", seconds, None)
            if not cache_seconds:
                rss = worker_rss_mb(server)
        finally:
            server.terminate()
            server.wait(timeout=30)
    return [
        Row(database, name, row["size"], row.get("cached"), row["uncached"], row["reference"])
        for name, row in rows.items()
    ], rss


def table(rows: list[Row]) -> str:
    lines = [
        "| Database | Side | Bytes | CPU ms/forespørsel uten buffer | Forespørsler/s uten buffer | p50/p99 ms uten buffer "
        "| Forespørsler/s med buffer | p50/p99 ms med buffer | Referanse forespørsler/s | Referanse CPU ms "
        "| Forhold til referansen |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        best = row.cached or row.uncached
        cached = (
            f"{row.cached.per_second:.0f} | {row.cached.p50_ms:.1f}/{row.cached.p99_ms:.1f}" if row.cached else "– | –"
        )
        lines.append(
            f"| {row.database} | {LABELS[row.page]} | {row.size} | {row.uncached.cpu_ms:.1f} "
            f"| {row.uncached.per_second:.0f} | {row.uncached.p50_ms:.1f}/{row.uncached.p99_ms:.1f} | {cached} "
            f"| {row.reference.per_second:.0f} | {row.reference.cpu_ms:.1f} "
            f"| {best.per_second / row.reference.per_second:.2f} |"
        )
    return "\n".join(lines)


def databases() -> list[tuple[str, str]]:
    chosen = [("SQLite", f"sqlite:///{BENCH_DIR / 'scale.sqlite3'}")]
    postgres = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/innoplatform_bench")
    if os.environ.get("BENCH_SKIP_POSTGRES") != "1":
        _ensure_postgres_database(postgres)
        chosen.append(("PostgreSQL", postgres))
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
    all_rows: list[Row] = []
    memory = []
    for database, url in databases():
        rows, rss = measure(database, url, options.seconds)
        all_rows.extend(rows)
        memory.append(f"{database}: " + ", ".join(f"{size:.0f} MB" for size in rss))
    result = table(all_rows)
    print(result)
    print("RSS per arbeider etter kjøringen: " + "; ".join(memory))
    Path(options.output).write_text(report(result, memory, options.seconds), encoding="utf-8")


def report(result: str, memory: list[str], seconds: int) -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    return f"""# Ytelsesmålinger

Målt {date.today().isoformat()} på {os.cpu_count()} kjerner ({cpu}), {platform.system()} {platform.release()},
Python {platform.python_version()}, med `make bench` (`tests/benchmarks/http_bench.py`, wrk i {seconds} s per
side, 2 tråder og 4 forbindelser). Skaladataene er `manage.py load_scale_data` med standardtallene
(10 000 caser, 5 000 innlegg, 2 000 organisasjoner, 20 000 brukere, 50 000 påmeldinger,
3 000 tilskudd, 357 kommuner med framskrivinger).

Nettstedet kjøres av gunicorn med 2 arbeidere og produksjonsinnstillingene (DEBUG av, statiske
filer gjennom whitenoise, databasens cachetabell som delt hurtigbuffer). *Med buffer* er anonyme
besøkende med hurtigbufferen for hele sider på (`docs/caching.md`); *uten buffer* er
`PAGE_CACHE_SECONDS=0`. Referansen er en minimal Django-visning som svarer med konstant HTML av samme
størrelse gjennom samme middleware i samme server. CPU ms per forespørsel er arbeidernes CPU-tid
(fra /proc) delt på antall forespørsler. Sidene merket innlogget er alltid uten buffer.
Det siste tallet er forespørsler per sekund for siden (med buffer der den kan bufres) delt på
referansens.

{result}

RSS per arbeider etter kjøringen: {"; ".join(memory)}.
"""


if __name__ == "__main__":
    main()
