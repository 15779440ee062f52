"""`manage.py import_organisations FILE`: create or update organisations by number from Enhetsregisteret's data."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from innoplatform.core.maintenance import is_maintenance_error
from innoplatform.organisations.importer import OrganisationImportError, import_organisation_file


class Command(BaseCommand):
    help = (
        "Importerer organisasjoner fra Enhetsregisteret: JSON fra API-et «enheter» eller CSV fra nedlastingen "
        "(semikolon eller komma). Hele filen kontrolleres før noe lagres. Nye organisasjoner blir verifisert."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="JSON- eller CSV-fil fra Enhetsregisteret, i UTF-8")

    def handle(self, *args, file: Path, **options):
        try:
            result = import_organisation_file(file)
        except OSError as error:
            raise CommandError(f"Kan ikke lese {file}: {error.strerror}") from error
        except OrganisationImportError as error:
            for message in error.messages():
                self.stderr.write(message)
            raise CommandError(f"Ingenting er importert: {len(error.errors)} feil i {file}.") from error
        except DatabaseError as error:
            if not is_maintenance_error(error):
                raise
            raise CommandError(
                "Ingenting er importert: databasen er skrivebeskyttet eller låst akkurat nå. Prøv igjen om litt."
            ) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(result.created)} nye og {len(result.updated)} oppdaterte organisasjoner; "
                f"{len(result.unchanged)} uendret."
            )
        )
