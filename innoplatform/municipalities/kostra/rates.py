"""From KOSTRA values to each kommune's own kindergarten rate: the service behind `manage.py import_kostra`.

The profile uses one rate for 1–5 år. Where SSB gives it (KOSandel150000) it is
taken as it is; where only the share of 1–2-year-olds is given (KOSandel120000,
the file for all kommuner 2015–2023), the 1–5 rate is the mix of the kommune's
own 1–2 share (two of the five cohorts) and the near-universal share of 3–5-year-olds
(three cohorts, THREE_TO_FIVE_SHARE). The latest year with a value counts. Shares
above 100 % (children from neighbouring kommuner) are capped at 100 %. Rates an
editor entered by hand are kept unless the operator asks to replace them.
"""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from ..models import Kommune, Service, ServiceRate
from ..ssb.importer import ImportFailed
from .parsers import CONTENTS, TABLE, KostraBuffer, KostraValue, contents_of
from .reading import read_sources
from .regions import KostraRegions, renumbered

SERVICE = "barnehage"
AGE_GROUP = "1-5"
THREE_TO_FIVE_SHARE = 0.97
"""Share of 3–5-year-olds in kindergarten; SSB reports about 97 % for the country, with little spread between kommuner."""


@dataclass
class KostraReport:
    written: int = 0
    kept_manual: list[str] = field(default_factory=list)
    without_value: list[str] = field(default_factory=list)
    not_in_source: list[str] = field(default_factory=list)
    capped: int = 0
    missing: int = 0
    skipped: Counter = field(default_factory=Counter)
    dry_run: bool = False


def duplicates(values: list[KostraValue]) -> list[tuple[KostraValue, KostraValue]]:
    """Pairs of values for the same kommune, year and content that disagree (for example 3807 and 4003 both given)."""
    first: dict[tuple[str, int, str], KostraValue] = {}
    clashes = []
    for value in values:
        key = (value.kommune, value.year, value.contents)
        if key in first and first[key].share != value.share:
            clashes.append((first[key], value))
        first.setdefault(key, value)
    return clashes


def latest(values: list[KostraValue]) -> dict[str, KostraValue]:
    """Per kommune, the value of the latest year, 1–5 before 1–2 in the same year."""
    best: dict[str, KostraValue] = {}
    for value in values:
        known = best.get(value.kommune)
        rank = (value.year, value.contents == "KOSandel150000")
        if known is None or rank > (known.year, known.contents == "KOSandel150000"):
            best[value.kommune] = value
    return best


def coverage(value: KostraValue) -> tuple[Decimal, bool]:
    """The 1–5 rate from a value, and whether it had to be capped at 100 %."""
    share = min(value.share, 1.0)
    if CONTENTS[value.contents].ages == (1, 2):
        share = (2 * share + 3 * THREE_TO_FIVE_SHARE) / 5
    return Decimal(str(share)).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP), value.share > 1.0


def _percent(share: float) -> str:
    return number_format(round(share * 100, 1), decimal_pos=1)


def rate_source(value: KostraValue, kommune: Kommune) -> str:
    """The source an editor sees beside the rate in the admin and on the profile."""
    contents = CONTENTS[value.contents]
    text = _("SSB KOSTRA tabell %(table)s (%(code)s), %(name)s %(year)s: %(share)s %% av %(label)s.") % {
        "table": TABLE,
        "code": contents.code,
        "name": kommune.name,
        "year": value.year,
        "share": _percent(value.share),
        "label": contents.label,
    }
    if contents.ages == (1, 2):
        text += " " + _(
            "For 1–5 år er 3–5-åringene regnet med landets andel, %(share)s %% (2 av 5 årskull med kommunens tall)."
        ) % {"share": _percent(THREE_TO_FIVE_SHARE)}
    return text


def import_kostra(
    sources: Sequence[str], *, contents: str | None = None, replace_manual: bool = False, dry_run: bool = False
) -> KostraReport:
    """Read and check every source, then write one own barnehage rate (1–5 år) per kommune, or nothing."""
    if contents is not None and (contents := contents_of(contents)) is None:
        raise ImportFailed([_("Ukjent innhold; kjente: %(known)s.") % {"known": ", ".join(CONTENTS)}], 1)
    kommuner = Kommune.objects.in_bulk(field_name="number")
    buffer = KostraBuffer(KostraRegions(set(kommuner), renumbered()), contents)
    read_sources(sources, buffer)
    problems = buffer.problems
    if not problems.error_count and not buffer.values:
        problems.error(_("kilden"), _("Fant ingen dekningsgrader for kommunene å importere."))
    for earlier, later in duplicates(buffer.values):
        problems.error(
            later.place,
            _("%(kommune)s %(year)s finnes også i %(earlier)s, med en annen verdi.")
            % {"kommune": kommuner[later.kommune].name, "year": later.year, "earlier": earlier.place},
        )
    service = Service.objects.filter(code=SERVICE).first()
    national = ServiceRate.objects.filter(service=service, kommune=None, age_group=AGE_GROUP).first()
    if service is None or national is None:
        problems.error(SERVICE, _("Tjenesten barnehage med nasjonal sats for 1–5 år finnes ikke."))
    if problems.error_count:
        raise ImportFailed(problems.errors, problems.error_count)
    report = KostraReport(missing=problems.missing, skipped=buffer.skipped, dry_run=dry_run)
    chosen = latest(buffer.values)
    report.without_value = sorted(kommuner[number].name for number in buffer.seen - set(chosen))
    report.not_in_source = sorted(kommune.name for number, kommune in kommuner.items() if number not in buffer.seen)
    existing = {
        rate.kommune_id: rate
        for rate in ServiceRate.objects.filter(service=service, age_group=AGE_GROUP, kommune__isnull=False)
    }
    with transaction.atomic():
        for number, value in sorted(chosen.items()):
            kommune = kommuner[number]
            rate, capped = coverage(value)
            report.capped += capped
            own = existing.get(kommune.pk)
            if own is not None and not own.imported_from and not replace_manual:
                report.kept_manual.append(kommune.name)
                continue
            report.written += 1
            if dry_run:
                continue
            ServiceRate.objects.update_or_create(
                service=service,
                kommune=kommune,
                age_group=AGE_GROUP,
                defaults={
                    "coverage_rate": rate,
                    "fte_per_user": national.fte_per_user,
                    "source": rate_source(value, kommune)[:300],
                    "imported_from": TABLE,
                },
            )
    return report
