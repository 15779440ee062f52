"""`manage.py import_cases FILE.jsonl [--publish]`: create or update cases by slug."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from cases.importer import CaseImportError, import_case_file
from cases.library import case_library
from innoplatform.core.maintenance import is_maintenance_error


class Command(BaseCommand):
    help = "Importerer eksempler fra en JSON Lines-fil i UTF-8. Hele filen kontrolleres før noe lagres."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="JSON Lines-fil, ett eksempel per linje")
        parser.add_argument("--publish", action="store_true", help="Publiser eksemplene (ellers lagres de som utkast)")

    def handle(self, *args, file: Path, publish: bool, **options):
        index = case_library()
        if index is None:
            raise CommandError(
                "Det finnes ingen publisert eksempelbibliotek-side å importere til. Kjør «manage.py setup_site» først."
            )
        try:
            result = import_case_file(file, index, publish=publish)
        except OSError as error:
            raise CommandError(f"Kan ikke lese {file}: {error.strerror}") from error
        except CaseImportError as error:
            for message in error.messages():
                self.stderr.write(message)
            raise CommandError(f"Ingenting er importert: {len(error.errors)} feil i {file}.") from error
        except DatabaseError as error:
            if not is_maintenance_error(error):
                raise
            raise CommandError(
                "Ingenting er importert: databasen er skrivebeskyttet eller låst akkurat nå. Prøv igjen om litt."
            ) from error
        state = "publisert" if publish else "lagret som utkast"
        self.stdout.write(
            self.style.SUCCESS(f"{len(result.created)} nye og {len(result.updated)} oppdaterte eksempler, {state}.")
        )
