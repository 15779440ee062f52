"""Import SSB population files: parse and check everything, then write it all or nothing.

This is the service behind `manage.py import_ssb` and `fetch_ssb --import`.
Nothing is written while any source has an error; the caller gets the list of
errors (first MAX_ERRORS, with their places) in an ImportFailed.
"""

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from innoplatform.municipalities.models import PopulationDataset
from innoplatform.municipalities.signals import population_imported

from .download import DownloadError
from .figures import DatasetKey, FigureBuffer
from .regions import RegionResolver
from .sources import is_url, local_copy, parse_source
from .tables import normalise_alternative, table_spec
from .writer import write_buffer


class ImportFailed(Exception):
    """The input has errors; nothing was written."""

    def __init__(self, errors: list[str], error_count: int) -> None:
        super().__init__("\n".join(errors))
        self.errors = errors
        self.error_count = error_count

    def report(self) -> str:
        """The errors as a command prints them: that nothing was changed, each error, and how many more."""
        lines = [_("Importen stoppet; databasen er ikke endret. Feil:")]
        lines += [f"  - {error}" for error in self.errors]
        if self.error_count > len(self.errors):
            lines.append(_("  … og %(n)s feil til.") % {"n": self.error_count - len(self.errors)})
        return "\n".join(lines)


@dataclass
class ImportReport:
    dataset_counts: dict[DatasetKey, int]
    values: int
    regions: int
    missing: int
    historical: Counter[str]
    special: Counter[str]
    notes: list[str]
    formats: list[str]
    dry_run: bool
    datasets: list[PopulationDataset] = field(default_factory=list)


def import_population(
    sources: Sequence[str],
    *,
    table: str | None = None,
    alternatives: Sequence[str] = (),
    dry_run: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> ImportReport:
    """Parse all sources, check them, and (unless dry_run) store them and send population_imported."""
    try:
        if table:
            table = table_spec(table).id
        wanted = frozenset(normalise_alternative(code) for code in alternatives)
    except ValueError as error:
        raise ImportFailed([str(error)], 1) from None
    buffer = FigureBuffer(wanted)
    resolver = RegionResolver.from_registry()
    formats = []
    for source in sources:
        try:
            with local_copy(source) as path:
                formats.append(parse_source(source, path, buffer, resolver, table=table))
        except (FileNotFoundError, DownloadError) as error:
            buffer.problems.error(source, str(error))
        except OSError as error:
            buffer.problems.error(source, _("Kan ikke lese filen: %(reason)s") % {"reason": error.strerror or error})
    _check_complete(buffer, wanted)
    problems = buffer.problems
    if problems.error_count:
        raise ImportFailed(problems.errors, problems.error_count)
    report = ImportReport(
        dataset_counts={key: len(columns) for key, columns in buffer.datasets.items()},
        values=buffer.value_count,
        regions=len(buffer.region_codes),
        missing=problems.missing,
        historical=problems.historical,
        special=problems.special,
        notes=problems.notes,
        formats=formats,
        dry_run=dry_run,
    )
    if dry_run:
        return report
    try:
        # Figures and the summaries derived from them change in one transaction, so a request
        # in another process sees either the old pair or the new one, never a mix.
        with transaction.atomic():
            report.datasets = write_buffer(buffer, source=", ".join(source_names(sources)), progress=progress)
            population_imported.send(sender=PopulationDataset, datasets=report.datasets)
    except IntegrityError:
        raise ImportFailed(
            [_("Kilden har samme region, år, kjønn og alder mer enn én gang; ingenting er lagret.")], 1
        ) from None
    return report


def source_names(sources: Sequence[str]) -> list[str]:
    """What a dataset records as its source: file names or URLs, never a folder on the server."""
    return [source if is_url(source) else Path(source).name for source in sources]


def _check_complete(buffer: FigureBuffer, wanted: frozenset[str]) -> None:
    problems = buffer.problems
    if problems.error_count:
        return
    missing = sorted(wanted - buffer.seen_alternatives)
    if missing:
        found = ", ".join(sorted(code for code in buffer.seen_alternatives if code)) or "-"
        problems.error(
            "--alternative",
            _("Alternativet %(missing)s finnes ikke i kilden (fant: %(found)s).")
            % {"missing": ", ".join(missing), "found": found},
        )
    elif not buffer.value_count:
        problems.error(_("kilden"), _("Fant ingen befolkningstall å importere."))
