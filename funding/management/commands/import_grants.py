"""`manage.py import_grants FILE.csv`: create or update historical grants by year, office, kommune and title."""

from pathlib import Path

from django.core.management.base import BaseCommand

from funding.importer import import_grant_file
from innoplatform.core.imports import run_import


class Command(BaseCommand):
    help = (
        "Importerer historiske tildelinger av skjønnsmidler fra en CSV-fil i UTF-8 med overskriftsrad. Hele filen "
        "kontrolleres før noe lagres. Tildelingene blir offentlige og avsluttede; en tildeling med samme år, embete, "
        "kommune og prosjektnavn som en importert fra før, blir oppdatert."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="CSV-fil, én tildeling per rad (se docs/funding-import.md)")

    def handle(self, *args, file: Path, **options):
        result = run_import(self, file, lambda: import_grant_file(file))
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(result.created)} nye og {len(result.updated)} oppdaterte tildelinger. "
                f"Uendret: {len(result.unchanged)}."
            )
        )
