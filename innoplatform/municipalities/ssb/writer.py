"""Store a validated FigureBuffer: one transaction, replacing each dataset's figures for the regions and years read.

Re-importing a file deletes the figures of the regions and years it covers and
inserts them again, so the result is the same rows whether it is the first or
the tenth import, and importing 2023 does not remove 2024. Real figures replace
a demo dataset of the same table whole: no generated figure may stay behind in
a dataset that is then marked as real.

Rows are inserted with `executemany` on plain tuples rather than `bulk_create`:
for two million figures `bulk_create` spent two thirds of its time building
model instances and per-field SQL, which took the import from seconds to minutes.
The SQL is a plain parameterised INSERT, the same on SQLite and PostgreSQL.
"""

import itertools
from collections.abc import Callable

from django.db import connection, transaction
from django.utils import timezone

from innoplatform.municipalities.models import PopulationDataset, PopulationFigure

from .figures import FigureBuffer

BATCH_SIZE = 10_000
PROGRESS_EVERY = 100_000


def write_buffer(
    buffer: FigureBuffer, *, source: str, progress: Callable[[int, int], None] | None = None
) -> list[PopulationDataset]:
    """Write every dataset in the buffer; return the datasets. Calls progress(written, total) now and then."""
    total = buffer.value_count
    written = 0
    next_report = PROGRESS_EVERY
    datasets = []
    insert = _insert_sql()
    with transaction.atomic():
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
            with connection.cursor() as cursor:
                while batch := list(itertools.islice(rows, BATCH_SIZE)):
                    cursor.executemany(insert, batch)
                    written += len(batch)
                    if progress and written >= next_report:
                        progress(written, total)
                        next_report += PROGRESS_EVERY
    return datasets


def _insert_sql() -> str:
    """INSERT for PopulationFigure's columns, quoted for the current database."""
    meta = PopulationFigure._meta
    names = ["dataset", "region_code", "year", "sex", "age_from", "age_to", "value"]
    columns = ", ".join(connection.ops.quote_name(meta.get_field(name).column) for name in names)
    placeholders = ", ".join(["%s"] * len(names))
    return f"INSERT INTO {connection.ops.quote_name(meta.db_table)} ({columns}) VALUES ({placeholders})"  # noqa: S608
