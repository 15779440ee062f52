"""manage.py import_ssb: import SSB population figures from files or URLs (JSON-stat2, StatBank CSV, tidy CSV)."""

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from innoplatform.municipalities.ssb.importer import ImportFailed, ImportReport, import_population
from innoplatform.municipalities.ssb.tables import TABLES

MAX_LISTED_CODES = 40


class Command(BaseCommand):
    help = _("Importerer befolkningstall fra SSB (tabell 07459, 13600, 14288 eller 14746) fra fil eller adresse.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("sources", nargs="+", metavar="SOURCE", help=_("Filsti eller http(s)-adresse."))
        parser.add_argument("--table", choices=list(TABLES), help=_("SSB-tabell, når filen ikke sier det selv."))
        parser.add_argument(
            "--alternative",
            action="append",
            default=[],
            help=_("Importer bare dette framskrivingsalternativet (for eksempel MMMM); kan gis flere ganger."),
        )
        parser.add_argument("--dry-run", action="store_true", help=_("Les og kontroller, men lagre ingenting."))

    def handle(self, *args, sources: list[str], table: str | None, alternative: list[str], dry_run: bool, **options):
        self.stdout.write(_("Leser %(sources)s …") % {"sources": ", ".join(sources)})
        try:
            report = import_population(
                sources, table=table, alternatives=alternative, dry_run=dry_run, progress=self._progress
            )
        except ImportFailed as failure:
            raise CommandError(failure.report()) from None
        self._summary(report)

    def _progress(self, written: int, total: int) -> None:
        self.stdout.write(_("  %(written)s av %(total)s verdier lagret") % {"written": written, "total": total})

    def _summary(self, report: ImportReport) -> None:
        for key, count in report.dataset_counts.items():
            name = f"{key.table} {key.alternative}".strip()
            self.stdout.write(_("Tabell %(name)s: %(n)s verdier.") % {"name": name, "n": count})
        if report.missing:
            self.stdout.write(_("%(n)s verdier manglet i kilden (.., ., :) og er ikke lagret.") % {"n": report.missing})
        if report.historical:
            codes = sorted(report.historical)
            listed = ", ".join(codes[:MAX_LISTED_CODES]) + (" …" if len(codes) > MAX_LISTED_CODES else "")
            self.stdout.write(
                self.style.WARNING(
                    _(
                        "Advarsel: %(n)s historiske regioner (ikke i kommuneinndelingen fra 2024) er ikke lagret "
                        "(%(values)s verdier): %(codes)s"
                    )
                    % {"n": len(codes), "values": sum(report.historical.values()), "codes": listed}
                )
            )
        for label, count in sorted(report.special.items()):
            self.stdout.write(
                _("Hoppet over SSBs spesialrad %(region)s (%(n)s verdier).") % {"region": label, "n": count}
            )
        for note in report.notes:
            self.stdout.write(note)
        if report.dry_run:
            self.stdout.write(_("Tørrkjøring: %(n)s verdier kontrollert, ingenting lagret.") % {"n": report.values})
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    _("Importert %(n)s verdier for %(regions)s regioner.")
                    % {"n": report.values, "regions": report.regions}
                )
            )
