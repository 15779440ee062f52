"""`manage.py import_organisations FILE`: create or update organisations by number from Enhetsregisteret's data."""

from pathlib import Path

from django.core.management.base import BaseCommand

from innoplatform.core.imports import run_import
from innoplatform.organisations.importer import import_organisation_file


class Command(BaseCommand):
    help = (
        "Importerer organisasjoner fra Enhetsregisteret: JSON fra API-et «enheter» eller CSV fra nedlastingen "
        "(semikolon eller komma). Hele filen kontrolleres før noe lagres. Nye organisasjoner blir verifisert."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="JSON- eller CSV-fil fra Enhetsregisteret, i UTF-8")

    def handle(self, *args, file: Path, **options):
        result = run_import(self, file, lambda: import_organisation_file(file))
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(result.created)} nye og {len(result.updated)} oppdaterte organisasjoner; "
                f"{len(result.unchanged)} uendret."
            )
        )
