"""Fill the database with a whole country's worth of content for benchmarks (see innoplatform/core/scale.py).

Seeded: the same options give the same data. Meant for an empty database of its own, not a real site.
"""

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from innoplatform.core.scale import ScalePlan, load_scale_data
from innoplatform.organisations.models import Organisation


class Command(BaseCommand):
    help = "Laster skaladata for målinger: mange eksempler, innlegg, organisasjoner, brukere, påmeldinger og tilskudd."

    def add_arguments(self, parser):
        for name, default in (
            ("cases", 10_000),
            ("posts", 5_000),
            ("organisations", 2_000),
            ("users", 20_000),
            ("enrollments", 50_000),
            ("grants", 3_000),
        ):
            parser.add_argument(f"--{name}", type=int, default=default)
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument("--no-index", action="store_true", help="Ikke bygg søkeindeksen til slutt.")

    def handle(self, *args, **options):
        if Organisation.objects.exists():
            raise CommandError("Databasen har allerede innhold. Skaladata lastes bare i en tom database.")
        counts = {key: options[key] for key in ("cases", "posts", "organisations", "users", "enrollments", "grants")}
        if any(value < 0 for value in counts.values()):
            raise CommandError("Antallene kan ikke være negative.")
        if counts["organisations"] < 2 and (counts["posts"] or counts["grants"]):
            raise CommandError("Innlegg og tilskudd trenger minst to organisasjoner.")
        started = time.perf_counter()
        load_scale_data(ScalePlan(seed=options["seed"], **counts), lambda line: self.stdout.write(line))
        if not options["no_index"]:
            call_command("search_index", "rebuild", "--no-progress", stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS(f"Skaladata lastet på {time.perf_counter() - started:.0f} s."))
