"""`manage.py search_index rebuild|update|status [--backend database|elasticsearch] [--type case ...]`."""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from search import indexing
from search.registry import indexed_types

BACKENDS = ("database", "elasticsearch")
PROGRESS_WIDTH = 30


class Command(BaseCommand):
    help = (
        "Bygg søkeindeksen på nytt (rebuild), oppdater den (update) eller vis hvor mange dokumenter den har (status)."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "update", "status"])
        parser.add_argument(
            "--backend",
            choices=BACKENDS,
            help="Standard: databasen, og Elasticsearch i tillegg når ELASTICSEARCH_URL er satt.",
        )
        parser.add_argument(
            "--type",
            action="append",
            dest="types",
            choices=[t.doc_type for t in indexed_types()],
            help="Bare denne typen.",
        )
        parser.add_argument("--no-progress", action="store_true", help="Ingen fremdriftslinje.")

    def handle(self, action, backend=None, types=None, no_progress=False, **options):
        backends = [backend] if backend else ["database", *(["elasticsearch"] if settings.ELASTICSEARCH_URL else [])]
        if "elasticsearch" in backends and not settings.ELASTICSEARCH_URL:
            raise CommandError("ELASTICSEARCH_URL er ikke satt, så det finnes ingen Elasticsearch-klynge å bruke.")
        progress = None if no_progress else self._progress
        if action == "status":
            self._status(backends)
            return
        started = time.monotonic()
        if "database" in backends:
            if action == "rebuild":
                counts = indexing.rebuild(types, progress=progress)
            else:
                counts = indexing.update(types, progress=progress)
            for doc_type, count in counts.items():
                self.stdout.write(f"{doc_type}: {count}")
        if "elasticsearch" in backends:
            self._elasticsearch(action, types, progress)
        self.stdout.write(self.style.SUCCESS(f"Ferdig på {time.monotonic() - started:.1f} s."))

    def _elasticsearch(self, action, types, progress) -> None:
        from search.backends.elastic import ElasticsearchBackend, ElasticsearchUnavailable

        try:
            counts = ElasticsearchBackend.from_settings().rebuild(types, progress=progress)
        except ElasticsearchUnavailable as error:
            raise CommandError(f"Elasticsearch svarer ikke: {error}") from error
        for doc_type, count in counts.items():
            self.stdout.write(f"elasticsearch {doc_type}: {count}")

    def _status(self, backends) -> None:
        for doc_type, (held, expected) in indexing.status().items():
            mark = "" if held == expected else self.style.WARNING("  (ikke à jour: kjør «search_index update»)")
            self.stdout.write(f"{doc_type}: {held} av {expected}{mark}")
        if "elasticsearch" in backends:
            from search.backends.elastic import ElasticsearchBackend, ElasticsearchUnavailable

            try:
                for doc_type, held in ElasticsearchBackend.from_settings().status().items():
                    self.stdout.write(f"elasticsearch {doc_type}: {held}")
            except ElasticsearchUnavailable as error:
                raise CommandError(f"Elasticsearch svarer ikke: {error}") from error

    def _progress(self, done: int, total: int) -> None:
        """A bar redrawn in place, twenty steps from empty to full."""
        step = max(1, total // 20)
        if not total or (done % step and done != total):
            return
        filled = PROGRESS_WIDTH * done // total
        bar = f"[{'#' * filled}{'.' * (PROGRESS_WIDTH - filled)}] {done}/{total}"
        self.stdout.write(f"\r{bar}", ending="\n" if done == total else "")
        self.stdout.flush()
