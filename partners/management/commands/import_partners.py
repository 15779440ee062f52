"""`manage.py import_partners FILE.jsonl`: create or update organisations by number and posts by slug."""

from pathlib import Path

from django.core.management.base import BaseCommand

from innoplatform.core.imports import run_import
from partners.importer import import_partner_file


class Command(BaseCommand):
    help = (
        "Importerer organisasjoner og samarbeidsinnlegg fra en JSON Lines-fil i UTF-8. Hele filen kontrolleres "
        "før noe lagres. Nye organisasjoner blir verifisert, og alle innlegg blir publisert."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="JSON Lines-fil, én organisasjon eller ett innlegg per linje")

    def handle(self, *args, file: Path, **options):
        result = run_import(self, file, lambda: import_partner_file(file))
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(result.organisations_created)} nye og {len(result.organisations_updated)} oppdaterte "
                f"organisasjoner; {len(result.posts_created)} nye og {len(result.posts_updated)} oppdaterte "
                "innlegg, publisert. "
                f"Uendret: {len(result.organisations_unchanged)} organisasjoner og {len(result.posts_unchanged)} innlegg."
            )
        )
