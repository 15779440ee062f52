"""`manage.py backup_site [--dir DIR] [--no-media]`: the database and the uploaded files in one archive.

The archive goes to `--dir`, else to BACKUP_DIR from the environment, else to
`backups/`; a relative folder is taken from the project's root. See
docs/deployment.md for scheduling and for testing a restore.
"""

import os
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from innoplatform.core.backup import BackupError, create_backup, media_root


def backup_dir(value: str | None) -> Path:
    folder = Path(value or os.environ.get("BACKUP_DIR") or "backups")
    return folder if folder.is_absolute() else Path(settings.BASE_DIR) / folder


class Command(BaseCommand):
    help = "Lager en sikkerhetskopi av databasen og de opplastede filene (MEDIA_ROOT) i én arkivfil."

    def add_arguments(self, parser):
        parser.add_argument("--dir", help="Mappen arkivet skrives til. Standard: BACKUP_DIR, ellers «backups/».")
        parser.add_argument(
            "--no-media",
            action="store_true",
            help="Bare databasen; for filer i et objektlager, som tas vare på med lagerets versjonering.",
        )

    def handle(self, *args, dir=None, no_media=False, **options):
        media = None if no_media else media_root()
        if not no_media and media is None:
            raise CommandError(
                "De opplastede filene lagres ikke i filsystemet (STORAGES «default» er ikke FileSystemStorage), "
                "så backup_site kan ikke ta dem med. Ta vare på dem med objektlagerets versjonering, "
                "og kjør «backup_site --no-media» for databasen."
            )
        try:
            archive = create_backup(backup_dir(dir), media=media)
        except BackupError as error:
            raise CommandError(str(error)) from error
        size = archive.stat().st_size / 1024 / 1024
        self.stdout.write(self.style.SUCCESS(f"Sikkerhetskopi skrevet: {archive} ({size:.1f} MB)."))
