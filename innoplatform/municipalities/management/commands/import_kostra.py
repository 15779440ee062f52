"""manage.py import_kostra: each kommune's own kindergarten rate from SSB's KOSTRA table 13502 (file or address)."""

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from innoplatform.municipalities.kostra.parsers import CONTENTS
from innoplatform.municipalities.kostra.rates import KostraReport, import_kostra
from innoplatform.municipalities.ssb.importer import ImportFailed

MAX_LISTED = 10


class Command(BaseCommand):
    help = _(
        "Importerer kommunenes dekningsgrad i barnehage fra SSBs KOSTRA-tabell 13502 "
        "(CSV fra statistikkbanken, lang CSV eller JSON-stat2) som kommunenes egne satser."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("sources", nargs="+", metavar="SOURCE", help=_("Filsti eller http(s)-adresse."))
        parser.add_argument(
            "--contents",
            help=_("Hva tallene måler, når filen ikke sier det selv: %(codes)s.") % {"codes": ", ".join(CONTENTS)},
        )
        parser.add_argument(
            "--replace-manual", action="store_true", help=_("Erstatt også satser redaktører har lagt inn for hånd.")
        )
        parser.add_argument("--dry-run", action="store_true", help=_("Les og kontroller, men lagre ingenting."))

    def handle(self, *args, sources: list[str], contents: str | None, replace_manual: bool, dry_run: bool, **options):
        self.stdout.write(_("Leser %(sources)s …") % {"sources": ", ".join(sources)})
        try:
            report = import_kostra(sources, contents=contents, replace_manual=replace_manual, dry_run=dry_run)
        except ImportFailed as failure:
            raise CommandError(failure.report()) from None
        self._summary(report)

    def _summary(self, report: KostraReport) -> None:
        for reason, count in sorted(report.skipped.items()):
            self.stdout.write(_("Hoppet over %(n)s verdier for %(reason)s.") % {"n": count, "reason": reason})
        if report.missing:
            self.stdout.write(_("%(n)s verdier manglet i kilden (., ..) og er ikke brukt.") % {"n": report.missing})
        if report.capped:
            self.stdout.write(
                _(
                    "%(n)s kommuner hadde over 100 %% (barn fra andre kommuner går i barnehage der); andelen er regnet som 100 %%."
                )
                % {"n": report.capped}
            )
        if report.without_value:
            self.stdout.write(
                _("Ingen verdi i kilden for %(names)s; de bruker fortsatt sin nåværende sats.")
                % {"names": ", ".join(report.without_value)}
            )
        if report.not_in_source:
            names = report.not_in_source
            listed = ", ".join(names) if len(names) <= MAX_LISTED else _("%(n)s kommuner") % {"n": len(names)}
            self.stdout.write(_("Ikke med i kilden: %(names)s.") % {"names": listed})
        if report.kept_manual:
            self.stdout.write(
                self.style.WARNING(
                    _("Beholdt satser lagt inn for hånd for %(names)s (bruk --replace-manual for å erstatte dem).")
                    % {"names": ", ".join(report.kept_manual)}
                )
            )
        if report.dry_run:
            self.stdout.write(_("Tørrkjøring: %(n)s satser kontrollert, ingenting lagret.") % {"n": report.written})
        else:
            self.stdout.write(
                self.style.SUCCESS(_("Lagret egne barnehagesatser for %(n)s kommuner.") % {"n": report.written})
            )
