"""The shared vocabularies of DESIGN.md: stable codes, Norwegian labels.

Cases, courses, partner posts and kommune profiles all use these codes; imports
reject unknown codes with the list of valid ones (`describe_valid_codes`).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Sector(models.TextChoices):
    KOMMUNE = "kommune", _("Kommune")
    FYLKESKOMMUNE = "fylkeskommune", _("Fylkeskommune")
    STAT = "stat", _("Statlig virksomhet")
    FRIVILLIG = "frivillig", _("Frivillig sektor")
    FOU = "fou", _("Forskning og utdanning")
    NAERINGSLIV = "naeringsliv", _("Næringsliv")


class ServiceArea(models.TextChoices):
    BARNEHAGE = "barnehage", _("Barnehage")
    SKOLE = "skole", _("Skole")
    HELSE_OG_OMSORG = "helse-og-omsorg", _("Helse og omsorg")
    SOSIALE_TJENESTER = "sosiale-tjenester", _("Sosiale tjenester")
    BARNEVERN = "barnevern", _("Barnevern")
    KULTUR = "kultur", _("Kultur")
    TEKNISK_DRIFT = "teknisk-drift", _("Teknisk drift")
    PLAN_OG_MILJO = "plan-og-miljo", _("Plan og miljø")
    NAERING_OG_SAMFUNNSUTVIKLING = "naering-og-samfunnsutvikling", _("Næring og samfunnsutvikling")
    ADMINISTRASJON_OG_DIGITALISERING = "administrasjon-og-digitalisering", _("Administrasjon og digitalisering")


class Challenge(models.TextChoices):
    ALDRING = "aldring", _("Aldring")
    BEFOLKNINGSNEDGANG = "befolkningsnedgang", _("Befolkningsnedgang")
    ARBEIDSKRAFT = "arbeidskraft", _("Mangel på arbeidskraft")
    FAERRE_BARN = "faerre-barn", _("Færre barn og unge")
    BEFOLKNINGSVEKST = "befolkningsvekst", _("Sterk befolkningsvekst")
    FOLKEHELSE = "folkehelse", _("Folkehelse")
    INKLUDERING = "inkludering", _("Inkludering")
    KLIMA = "klima", _("Klima")


DEMOGRAPHIC_CHALLENGES: frozenset[str] = frozenset(
    {
        Challenge.ALDRING,
        Challenge.BEFOLKNINGSNEDGANG,
        Challenge.ARBEIDSKRAFT,
        Challenge.FAERRE_BARN,
        Challenge.BEFOLKNINGSVEKST,
    }
)


class Phase(models.TextChoices):
    """The six phases of KS' Veikart for tjenesteinnovasjon, in order."""

    FORANKRING = "forankring", _("Forankring")
    INNSIKT = "innsikt", _("Innsikt")
    TJENESTEUTVIKLING = "tjenesteutvikling", _("Tjenesteutvikling")
    PILOTERING = "pilotering", _("Pilotering")
    OVERGANG_TIL_DRIFT = "overgang-til-drift", _("Overgang til drift")
    NY_PRAKSIS = "ny-praksis", _("Ny praksis")


def describe_valid_codes(vocabulary: type[models.TextChoices]) -> str:
    return ", ".join(vocabulary.values)
