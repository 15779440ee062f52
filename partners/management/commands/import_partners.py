"""`manage.py import_partners FILE.jsonl`: create or update organisations by number and posts by slug."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from innoplatform.core.maintenance import is_maintenance_error
from partners.importer import PartnerImportError, import_partner_file


class Command(BaseCommand):
    help = (
        "Importerer organisasjoner og samarbeidsinnlegg fra en JSON Lines-fil i UTF-8. Hele filen kontrolleres "
        "før noe lagres. Nye organisasjoner blir verifisert, og alle innlegg blir publisert."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="JSON Lines-fil, én organisasjon eller ett innlegg per linje")

    def handle(self, *args, file: Path, **options):
        try:
            result = import_partner_file(file)
        except OSError as error:
            raise CommandError(f"Kan ikke lese {file}: {error.strerror}") from error
        except PartnerImportError as error:
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
                f"{len(result.organisations_created)} nye og {len(result.organisations_updated)} oppdaterte "
                f"organisasjoner; {len(result.posts_created)} nye og {len(result.posts_updated)} oppdaterte "
                "innlegg, publisert. "
                f"Uendret: {len(result.organisations_unchanged)} organisasjoner og {len(result.posts_unchanged)} innlegg."
            )
        )
