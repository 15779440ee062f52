"""The ten statsforvalter offices that issue funding calls, and the fylker (by 2024 number) each covers."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Office(models.TextChoices):
    AGDER = "agder", _("Statsforvalteren i Agder")
    INNLANDET = "innlandet", _("Statsforvalteren i Innlandet")
    MORE_OG_ROMSDAL = "more-og-romsdal", _("Statsforvalteren i Møre og Romsdal")
    NORDLAND = "nordland", _("Statsforvalteren i Nordland")
    OSTFOLD_BUSKERUD_OSLO_AKERSHUS = (
        "ostfold-buskerud-oslo-akershus",
        _("Statsforvalteren i Østfold, Buskerud, Oslo og Akershus"),
    )
    ROGALAND = "rogaland", _("Statsforvalteren i Rogaland")
    TROMS_FINNMARK = "troms-finnmark", _("Statsforvalteren i Troms og Finnmark")
    TRONDELAG = "trondelag", _("Statsforvalteren i Trøndelag")
    VESTFOLD_TELEMARK = "vestfold-telemark", _("Statsforvalteren i Vestfold og Telemark")
    VESTLAND = "vestland", _("Statsforvalteren i Vestland")


OFFICE_FYLKER: dict[str, tuple[str, ...]] = {
    Office.AGDER: ("42",),
    Office.INNLANDET: ("34",),
    Office.MORE_OG_ROMSDAL: ("15",),
    Office.NORDLAND: ("18",),
    Office.OSTFOLD_BUSKERUD_OSLO_AKERSHUS: ("31", "32", "03", "33"),
    Office.ROGALAND: ("11",),
    Office.TROMS_FINNMARK: ("55", "56"),
    Office.TRONDELAG: ("50",),
    Office.VESTFOLD_TELEMARK: ("39", "40"),
    Office.VESTLAND: ("46",),
}


def office_for_fylke(fylke_number: str) -> str | None:
    """The office covering the fylke with this number, or None for a number no office covers."""
    return next((office for office, fylker in OFFICE_FYLKER.items() if fylke_number in fylker), None)
