"""Benchmark: import a StatBank-style CSV with every kommune × 30 years × 106 ages × 2 sexes (~2.27 M values).

Not part of the normal run; run it with
`.venv/bin/pytest tests/benchmarks/test_import_benchmark.py -s` and read the printed figures.
The test database is SQLite in memory, so the peak RSS includes the stored rows themselves.
"""

import resource
import time
import tracemalloc
from io import StringIO
from pathlib import Path

import pytest

from django.core.management import call_command

from innoplatform.municipalities.models import Kommune, PopulationFigure
from innoplatform.municipalities.ssb.importer import import_population

pytestmark = pytest.mark.django_db

YEARS = range(2021, 2051)
AGES = range(106)


def age_label(age: int) -> str:
    if age == 105:
        return "105 years or older"
    return "1 year" if age == 1 else f"{age} years"


def write_statbank_csv(path: Path, kommuner: list[tuple[str, str]]) -> int:
    """Write the file row by row (Latin-1, CRLF, title line) and return how many values it holds."""
    headings = [f'"Persons {year} {sex}"' for year in YEARS for sex in ("Males", "Females")]
    with path.open("w", encoding="latin-1", newline="") as out:
        out.write('"07459: Population, by region, age, contents, year and sex"\r\n\r\n')
        out.write(";".join(['"region"', '"age"', *headings]) + "\r\n")
        for position, (number, name) in enumerate(sorted(kommuner)):
            for age in AGES:
                values = ";".join(str((position * 7 + age * 3 + column) % 900) for column in range(len(headings)))
                out.write(f'"K-{number} {name}";"{age_label(age)}";{values}\r\n')
    return len(kommuner) * len(AGES) * len(headings)


def test_import_two_million_values(tmp_path):
    kommuner = [
        (number, name.encode("latin-1", "replace").decode("latin-1"))
        for number, name in Kommune.objects.values_list("number", "name")
    ]
    path = tmp_path / "07459_benchmark.csv"
    started = time.perf_counter()
    expected = write_statbank_csv(path, kommuner)
    generated = time.perf_counter() - started
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    out = StringIO()
    started = time.perf_counter()
    call_command("import_ssb", str(path), stdout=out)
    elapsed = time.perf_counter() - started
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    assert PopulationFigure.objects.count() == expected

    # Python's own peak while reading and checking the whole file (tracemalloc slows it, so it is a separate run).
    tracemalloc.start()
    report = import_population([str(path)], dry_run=True)
    _current, parse_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert report.values == expected
    print(
        f"\nFile: {path.stat().st_size / 1e6:.1f} MB, {expected:,} values, generated in {generated:.1f} s"
        f"\nImport: {elapsed:.1f} s, {expected / elapsed:,.0f} values/s"
        f"\nPeak RSS: {rss_after / 1024:.0f} MB (before import {rss_before / 1024:.0f} MB; includes the in-memory database)"
        f"\nPeak Python memory while parsing and checking (tracemalloc): {parse_peak / 1e6:.0f} MB"
    )
