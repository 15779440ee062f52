"""`manage.py import_cases FILE.jsonl [--publish]`: create or update cases by slug."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cases.importer import CaseImportError, import_cases
from cases.submission import case_library


class Command(BaseCommand):
    help = "Importerer eksempler fra en JSON Lines-fil. Hele filen kontrolleres før noe lagres."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="JSON Lines-fil, ett eksempel per linje")
        parser.add_argument("--publish", action="store_true", help="Publiser eksemplene (ellers lagres de som utkast)")

    def handle(self, *args, file: Path, publish: bool, **options):
        index = case_library()
        if index is None:
            raise CommandError("Det finnes ingen publisert eksempelbibliotek-side å importere til.")
        try:
            with file.open(encoding="utf-8") as lines:
                result = import_cases(lines, index, publish=publish)
        except OSError as error:
            raise CommandError(f"Kan ikke lese {file}: {error.strerror}") from error
        except CaseImportError as error:
            for line, message in error.errors:
                self.stderr.write(f"Linje {line}: {message}")
            raise CommandError(f"Ingenting er importert: {len(error.errors)} feil i {file}.") from error
        state = "publisert" if publish else "lagret som utkast"
        self.stdout.write(
            self.style.SUCCESS(f"{len(result.created)} nye og {len(result.updated)} oppdaterte eksempler, {state}.")
        )
