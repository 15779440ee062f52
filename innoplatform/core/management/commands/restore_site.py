"""`manage.py restore_site ARCHIVE --yes`: put back the database and the uploaded files from a backup_site archive.

The whole archive is checked first; if anything is wrong nothing is written. The
command runs nothing else: it prints what is left to do (migrate, rebuild the
search index, start the servers again).
"""

import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from innoplatform.core.backup import BackupError, media_root, pending_migrations, restore_backup

CONFIRMATION = "ja"


class Command(BaseCommand):
    help = (
        "Gjenoppretter databasen og de opplastede filene fra et arkiv laget av backup_site. "
        "Alt som er lagret etter at arkivet ble laget, går tapt."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="Arkivfilen (innoplatform-…tar.gz).")
        parser.add_argument("--yes", action="store_true", help="Bekreft uten å bli spurt.")

    def handle(self, *args, archive, yes=False, **options):
        path = Path(archive)
        if not yes:
            self._confirm(path)
        try:
            manifest = restore_backup(path, media=media_root())
        except BackupError as error:
            raise CommandError(str(error)) from error
        files = _files(manifest.media_count) if manifest.has_media else "ingen filer (arkivet har bare databasen)"
        self.stdout.write(
            self.style.SUCCESS(f"Gjenopprettet fra {path.name}, tatt {manifest.created_at}: databasen og {files}.")
        )
        self.stdout.write("Ingenting annet er kjørt. Gjør dette nå:")
        pending = pending_migrations()
        if pending:
            self.stdout.write(f"  python manage.py migrate   # koden har {len(pending)} migreringer arkivet ikke har")
        self.stdout.write("  python manage.py search_index rebuild")
        if settings.ELASTICSEARCH_URL:
            self.stdout.write("  (rebuild fyller også Elasticsearch-klyngen, fordi ELASTICSEARCH_URL er satt)")
        self.stdout.write("  start app-serverne og «manage.py db_worker» igjen")

    def _confirm(self, path: Path) -> None:
        if not sys.stdin.isatty():
            raise CommandError(
                "Gjenoppretting erstatter hele databasen og alle opplastede filer. "
                "Kjør med --yes for å bekrefte; ingenting er endret."
            )
        answer = input(
            f"Databasen og de opplastede filene erstattes med innholdet i {path.name}. "
            f"Skriv «{CONFIRMATION}» for å fortsette: "
        )
        if answer.strip().lower() != CONFIRMATION:
            raise CommandError("Avbrutt; ingenting er endret.")


def _files(count: int) -> str:
    return "1 opplastet fil" if count == 1 else f"{count} opplastede filer"
