"""`manage.py import_cases FILE.jsonl [--publish]`: create or update cases by slug."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cases.importer import import_case_file
from cases.library import case_library
from innoplatform.core.imports import run_import


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
        result = run_import(self, file, lambda: import_case_file(file, index, publish=publish))
        state = "publisert" if publish else "lagret som utkast"
        self.stdout.write(
            self.style.SUCCESS(f"{len(result.created)} nye og {len(result.updated)} oppdaterte eksempler, {state}.")
        )
