"""Store a validated FigureBuffer: one transaction, replacing each dataset's figures for the regions and years read.

Re-importing a file deletes the figures of the regions and years it covers and
inserts them again, so the result is the same rows whether it is the first or
the tenth import, and importing 2023 does not remove 2024. Real figures replace
a demo dataset of the same table whole: no generated figure may stay behind in
a dataset that is then marked as real.

Rows go in as plain tuples, never model instances (`bulk_create` spent two thirds
of its time building them): on PostgreSQL through COPY, which took a six-million-value
projection from 13 minutes of `executemany` round trips to under a minute; on SQLite
through `executemany` of INSERTs of a hundred rows each, with a larger page cache and
the unique index built once after a large insert. The table's one index besides the primary key lists its columns in the
order the rows arrive (see PopulationFigure), so PostgreSQL appends to it.
"""

import itertools
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from psycopg.copy import QueuedLibpqWriter

from django.db import connection, transaction
from django.utils import timezone

from innoplatform.municipalities.models import PopulationDataset, PopulationFigure

from .figures import FigureBuffer

BATCH_SIZE = 10_000
PROGRESS_EVERY = 100_000
SQLITE_CACHE_KIB = 32 * 1024
"""SQLite page cache while writing (the default is 2 MB), bounded so the import stays under 500 MB RSS."""
REBUILD_INDEX_FROM = 200_000
"""On SQLite, an insert of this many rows (and at least half the table) drops the unique index and builds it after."""
ROWS_PER_STATEMENT = 100
"""Rows per INSERT on SQLite: 700 parameters, within the 999 of SQLite's oldest limit."""
COLUMNS = ("dataset", "region_code", "year", "sex", "age_from", "age_to", "value")
COPY_NULL = "\\N"


def write_buffer(
    buffer: FigureBuffer, *, source: str, progress: Callable[[int, int], None] | None = None
) -> list[PopulationDataset]:
    """Write every dataset in the buffer; return the datasets. Calls progress(written, total) now and then."""
    total = buffer.value_count
    written = 0
    next_report = PROGRESS_EVERY
    datasets = []
    with transaction.atomic(), _write_cache(), _unique_index_built_after(total):
        for key, columns in buffer.datasets.items():
            replaces_demo = PopulationDataset.objects.filter(
                table=key.table, alternative=key.alternative, is_demo=True
            ).exists()
            dataset, _created = PopulationDataset.objects.update_or_create(
                table=key.table,
                alternative=key.alternative,
                defaults={
                    "kind": columns.spec.kind,
                    "base_year": columns.spec.base_year,
                    "source": source[:500],
                    "is_demo": False,
                    "imported_at": timezone.now(),
                },
            )
            datasets.append(dataset)
            replaced = PopulationFigure.objects.filter(dataset=dataset)
            if not replaces_demo:
                regions = sorted(buffer.region_codes[index] for index in columns.region_indexes())
                replaced = replaced.filter(region_code__in=regions, year__in=sorted(set(columns.years)))
            replaced.delete()
            rows = columns.rows(dataset.pk, buffer.region_codes)
            with connection.cursor() as cursor, _inserter(cursor) as insert:
                while batch := list(itertools.islice(rows, BATCH_SIZE)):
                    insert(batch)
                    written += len(batch)
                    if progress and written >= next_report:
                        progress(written, total)
                        next_report += PROGRESS_EVERY
    return datasets


@contextmanager
def _inserter(cursor) -> Iterator[Callable[[list[tuple]], None]]:
    """A function that inserts a batch of PopulationFigure rows: COPY on PostgreSQL, executemany elsewhere."""
    if connection.vendor == "postgresql":
        # Django wraps execute() only: a duplicate row must still arrive as django.db.IntegrityError.
        # The queued writer sends on a thread of its own, so the server stores one batch while the next is formatted.
        statement = f"COPY {_table_and_columns()} FROM STDIN"
        writer = QueuedLibpqWriter(cursor.cursor)
        with connection.wrap_database_errors, cursor.copy(statement, writer=writer) as copy:

            def copy_rows(batch: list[tuple]) -> None:
                # COPY's text format, built here: a third of the time psycopg's write_row() took per row.
                # Codes and numbers only, so nothing needs escaping.
                copy.write(
                    "".join(
                        f"{dataset}\t{region}\t{year}\t{sex}\t{age}\t{COPY_NULL if to is None else to}\t{value}\n"
                        for dataset, region, year, sex, age, to, value in batch
                    )
                )

            yield copy_rows
        return
    yield _multirow_inserter(cursor)


def _multirow_inserter(cursor) -> Callable[[list[tuple]], None]:
    """Inserts ROWS_PER_STATEMENT rows per INSERT statement: half the time of one statement per row on SQLite."""
    row = f"({', '.join(['%s'] * len(COLUMNS))})"

    def statement(rows: int) -> str:
        return f"INSERT INTO {_table_and_columns()} VALUES {', '.join([row] * rows)}"  # noqa: S608

    full = statement(ROWS_PER_STATEMENT)

    def insert(batch: list[tuple]) -> None:
        whole = len(batch) - len(batch) % ROWS_PER_STATEMENT
        if whole:
            cursor.executemany(
                full,
                [
                    list(itertools.chain.from_iterable(batch[start : start + ROWS_PER_STATEMENT]))
                    for start in range(0, whole, ROWS_PER_STATEMENT)
                ],
            )
        if rest := batch[whole:]:
            cursor.execute(statement(len(rest)), list(itertools.chain.from_iterable(rest)))

    return insert


def _table_and_columns() -> str:
    """PopulationFigure's table and COLUMNS, quoted for the current database."""
    meta = PopulationFigure._meta
    quote = connection.ops.quote_name
    return f"{quote(meta.db_table)} ({', '.join(quote(meta.get_field(name).column) for name in COLUMNS)})"


@contextmanager
def _unique_index_built_after(rows: int) -> Iterator[None]:
    """On SQLite, for a large insert: drop PopulationFigure's unique index, and build it again at the end.

    Keeping the index up to date row by row cost as much as the insert itself;
    sorting once at the end takes a third of that. It is safe inside the
    transaction: SQLite's DDL is transactional, readers keep their snapshot
    (index included) until the commit, and a rollback restores the index. A
    duplicate row still fails the import, when the index is built again.
    """
    if connection.vendor != "sqlite" or rows < REBUILD_INDEX_FROM:
        yield
        return
    table = PopulationFigure._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
        (existing,) = cursor.fetchone()
        cursor.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = %s AND sql IS NOT NULL",
            [table],
        )
        indexes = cursor.fetchall() if rows * 2 >= existing else []
        for name, _sql in indexes:
            cursor.execute(f"DROP INDEX {connection.ops.quote_name(name)}")
    yield
    with connection.cursor() as cursor:
        for _name, sql in indexes:
            cursor.execute(sql)


@contextmanager
def _write_cache() -> Iterator[None]:
    """On SQLite, a page cache of SQLITE_CACHE_KIB for this connection while it writes; the old size after."""
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        (previous,) = cursor.fetchone()
        cursor.execute(f"PRAGMA cache_size = -{int(SQLITE_CACHE_KIB)}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = {int(previous)}")
