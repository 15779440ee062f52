"""Store a validated FigureBuffer: one transaction, replacing each dataset's figures for the regions and years read.

Re-importing a file deletes the figures of the regions and years it covers and inserts
them again, so the result is the same rows whether it is the first or the
tenth import, and importing 2023 does not remove 2024. Rows are built lazily in batches for bulk_create, so memory
stays flat however large the import is.
"""

import itertools
from collections.abc import Callable

from django.db import transaction
from django.utils import timezone

from innoplatform.municipalities.models import PopulationDataset, PopulationFigure

from .figures import FigureBuffer

BATCH_SIZE = 5000
PROGRESS_EVERY = 100_000


def write_buffer(
    buffer: FigureBuffer, *, source: str, progress: Callable[[int, int], None] | None = None
) -> list[PopulationDataset]:
    """Write every dataset in the buffer; return the datasets. Calls progress(written, total) now and then."""
    total = buffer.value_count
    written = 0
    next_report = PROGRESS_EVERY
    datasets = []
    with transaction.atomic():
        for key, columns in buffer.datasets.items():
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
            regions = sorted(buffer.region_codes[index] for index in columns.region_indexes())
            PopulationFigure.objects.filter(
                dataset=dataset, region_code__in=regions, year__in=sorted(set(columns.years))
            ).delete()
            rows = columns.rows(buffer.region_codes)
            while batch := list(itertools.islice(rows, BATCH_SIZE)):
                PopulationFigure.objects.bulk_create(
                    [
                        PopulationFigure(
                            dataset_id=dataset.pk,
                            region_code=region,
                            year=year,
                            sex=sex,
                            age_from=age_from,
                            age_to=age_to,
                            value=value,
                        )
                        for region, year, sex, age_from, age_to, value in batch
                    ],
                    batch_size=BATCH_SIZE,
                )
                written += len(batch)
                if progress and written >= next_report:
                    progress(written, total)
                    next_report += PROGRESS_EVERY
    return datasets
