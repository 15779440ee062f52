"""manage.py fetch_ssb: download SSB population tables for all kommuner through PxWebApi, and optionally import them."""

import time
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from innoplatform.municipalities.models import Kommune
from innoplatform.municipalities.ssb.download import DownloadError, download
from innoplatform.municipalities.ssb.pxweb import MAX_CELLS, plan_requests
from innoplatform.municipalities.ssb.tables import TABLES, normalise_alternative, table_spec

# PxWebApi v2 allows about 30 requests a minute from one address.
PAUSE_SECONDS = 2.5
YEARS = range(1900, 2101)


class Command(BaseCommand):
    help = _("Henter befolkningstall for alle kommuner fra SSBs PxWebApi og lagrer svarene (og importerer dem).")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--table", choices=list(TABLES), default="07459", help=_("SSB-tabell (standard 07459)."))
        parser.add_argument(
            "--alternative", action="append", default=[], help=_("Framskrivingsalternativ å importere.")
        )
        parser.add_argument(
            "--years", nargs="+", type=int, default=[], help=_("År å hente (standard: siste år / alle).")
        )
        parser.add_argument("--output", default="ssb-data", help=_("Mappe svarene lagres i."))
        parser.add_argument("--api", choices=["v2", "v0"], default="v2", help=_("PxWebApi-versjon."))
        parser.add_argument("--max-cells", type=int, default=MAX_CELLS, help=_("Høyeste antall celler per spørring."))
        parser.add_argument("--import", action="store_true", dest="do_import", help=_("Importer svarene etterpå."))

    def _check(self, alternative: list[str], years: list[int], max_cells: int) -> list[str]:
        """Bad options stop the command before anything is downloaded; returns the alternatives normalised."""
        problems = [
            _("År %(year)s er utenfor %(first)s–%(last)s.") % {"year": year, "first": YEARS[0], "last": YEARS[-1]}
            for year in years
            if year not in YEARS
        ]
        if max_cells < 1:
            problems.append(_("--max-cells må være minst 1."))
        codes = []
        for code in alternative:
            try:
                codes.append(normalise_alternative(code))
            except ValueError as error:
                problems.append(str(error))
        if problems:
            raise CommandError("\n".join(problems))
        return codes

    def handle(self, *args, table: str, alternative: list[str], years: list[int], output: str, **options) -> None:
        spec = table_spec(table)
        alternative = self._check(alternative, years, options["max_cells"])
        kommuner = list(Kommune.objects.order_by("number").values_list("number", flat=True))
        requests = plan_requests(spec, kommuner, years=years, api=options["api"], max_cells=options["max_cells"])
        folder = Path(output)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise CommandError(
                _("Kan ikke lage mappen %(folder)s: %(reason)s") % {"folder": folder, "reason": error.strerror}
            ) from None
        saved = []
        for number, request in enumerate(requests, start=1):
            if number > 1:
                time.sleep(PAUSE_SECONDS)
            target = folder / f"{spec.id}_{options['api']}_{number:02d}.json"
            self.stdout.write(
                _("Henter del %(n)s av %(total)s (%(regions)s kommuner) …")
                % {"n": number, "total": len(requests), "regions": len(request.regions)}
            )
            try:
                saved.append(download(request.url, target, body=request.body))
            except (DownloadError, OSError) as error:
                raise CommandError(str(error)) from None
        self.stdout.write(_("Lagret %(n)s svar i %(folder)s.") % {"n": len(saved), "folder": folder})
        if options["do_import"]:
            arguments = [str(path) for path in saved] + ["--table", spec.id]
            for code in alternative:
                arguments += ["--alternative", code]
            call_command("import_ssb", *arguments, stdout=self.stdout, stderr=self.stderr)
