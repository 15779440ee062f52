"""Observed and projected population per region, sex, age and year, with provenance.

A region is a kommune (4-digit number), a fylke (2 digits) or the whole country
("0"), so fylke and country totals from SSB are kept as such. Ages are stored as
an inclusive range: a single year has age_from == age_to, a functional group such
as "1-5 år" has 1..5, and an open group such as "90 år eller eldre" has age_to NULL.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

COUNTRY_CODE = "0"


class Sex(models.TextChoices):
    TOTAL = "T", _("Begge kjønn")
    MALE = "M", _("Menn")
    FEMALE = "K", _("Kvinner")


class AgeGroup(models.TextChoices):
    """SSB's functional age groups (codelist agg_Funksjonell4), code = "from-to" or "90+"."""

    AGE_0 = "0", _("0 år")
    AGE_1_5 = "1-5", _("1–5 år")
    AGE_6_12 = "6-12", _("6–12 år")
    AGE_13_15 = "13-15", _("13–15 år")
    AGE_16_19 = "16-19", _("16–19 år")
    AGE_20_44 = "20-44", _("20–44 år")
    AGE_45_66 = "45-66", _("45–66 år")
    AGE_67_79 = "67-79", _("67–79 år")
    AGE_80_89 = "80-89", _("80–89 år")
    AGE_90_PLUS = "90+", _("90 år og eldre")

    @classmethod
    def bounds(cls, code: str) -> tuple[int, int | None]:
        """Inclusive (from, to) of a group code; to is None for the open top group."""
        if code.endswith("+"):
            return int(code[:-1]), None
        low, _, high = code.partition("-")
        return int(low), int(high or low)


class PopulationDataset(models.Model):
    """One imported SSB table (and projection alternative): where the figures came from."""

    class Kind(models.TextChoices):
        OBSERVED = "observed", _("Registrert befolkning")
        PROJECTED = "projected", _("Framskrevet befolkning")

    table = models.CharField(_("SSB-tabell"), max_length=10)
    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices)
    alternative = models.CharField(
        _("framskrivingsalternativ"), max_length=10, blank=True, help_text=_("For eksempel MMMM (hovedalternativet).")
    )
    base_year = models.PositiveSmallIntegerField(_("basisår"), null=True, blank=True)
    source = models.CharField(_("kilde"), max_length=500, help_text=_("Filnavn eller adresse dataene ble lest fra."))
    imported_at = models.DateTimeField(_("importert"), auto_now=True)
    is_demo = models.BooleanField(_("demodata"), default=False)

    class Meta:
        verbose_name = _("befolkningsdatasett")
        verbose_name_plural = _("befolkningsdatasett")
        constraints = [
            models.UniqueConstraint(fields=["table", "alternative"], name="unique_population_dataset"),
        ]

    def __str__(self) -> str:
        return f"{self.table} {self.alternative}".strip()


class PopulationFigure(models.Model):
    dataset = models.ForeignKey(PopulationDataset, on_delete=models.CASCADE, related_name="figures")
    region_code = models.CharField(_("region"), max_length=4, db_index=True)
    year = models.PositiveSmallIntegerField(_("år"))
    sex = models.CharField(_("kjønn"), max_length=1, choices=Sex.choices, default=Sex.TOTAL)
    age_from = models.PositiveSmallIntegerField(_("alder fra"))
    age_to = models.PositiveSmallIntegerField(_("alder til"), null=True, blank=True)
    value = models.PositiveIntegerField(_("personer"))

    class Meta:
        verbose_name = _("befolkningstall")
        verbose_name_plural = _("befolkningstall")
        constraints = [
            models.UniqueConstraint(
                fields=["dataset", "region_code", "year", "sex", "age_from"], name="unique_population_figure"
            ),
        ]
        indexes = [models.Index(fields=["region_code", "dataset", "year"])]

    def __str__(self) -> str:
        ages = f"{self.age_from}+" if self.age_to is None else f"{self.age_from}-{self.age_to}"
        return f"{self.region_code} {self.year} {self.sex} {ages}: {self.value}"
