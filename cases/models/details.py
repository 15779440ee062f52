"""The parts of a case that come in lists: codes, partners, result figures, funding, tags."""

from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from innoplatform.core.vocabularies import Challenge, Sector, ServiceArea


class CaseStatus(models.TextChoices):
    IDE = "ide", _("Idé")
    PILOTERING = "pilotering", _("Pilotering")
    I_DRIFT = "i-drift", _("I drift")
    SPREDT = "spredt", _("Spredt til flere")
    AVSLUTTET = "avsluttet", _("Avsluttet")


class Dimension(models.TextChoices):
    """The multi-valued vocabularies a case is tagged with, one row per code."""

    SECTOR = "sector", _("Sektor")
    SERVICE_AREA = "service_area", _("Tjenesteområde")
    CHALLENGE = "challenge", _("Utfordring")


VOCABULARIES: dict[str, type[models.TextChoices]] = {
    Dimension.SECTOR: Sector,
    Dimension.SERVICE_AREA: ServiceArea,
    Dimension.CHALLENGE: Challenge,
}


class CaseCode(models.Model):
    """One code of one vocabulary on a case; facets count these rows with one GROUP BY."""

    page = ParentalKey("cases.CasePage", on_delete=models.CASCADE, related_name="codes")
    dimension = models.CharField(_("dimensjon"), max_length=20, choices=Dimension.choices)
    code = models.CharField(_("kode"), max_length=40)

    class Meta:
        verbose_name = _("kode")
        verbose_name_plural = _("koder")
        constraints = [models.UniqueConstraint(fields=["page", "dimension", "code"], name="unique_case_code")]
        indexes = [models.Index(fields=["dimension", "code"])]

    def __str__(self) -> str:
        return f"{self.dimension}:{self.code}"


class CasePartner(Orderable):
    page = ParentalKey("cases.CasePage", on_delete=models.CASCADE, related_name="partners")
    name = models.CharField(_("navn"), max_length=200)
    sector = models.CharField(_("sektor"), max_length=20, choices=Sector.choices)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisasjon på plattformen"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="case_partnerships",
        help_text=_("Velg organisasjonen når den er registrert, så lenker eksempelet til organisasjonssiden."),
    )

    panels = [FieldPanel("name"), FieldPanel("sector"), FieldPanel("organisation")]

    class Meta(Orderable.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partnere")

    def __str__(self) -> str:
        return self.name


class CaseResultFigure(Orderable):
    """A measured result, e.g. 1 200 hours or 850 000 kroner saved a year."""

    page = ParentalKey("cases.CasePage", on_delete=models.CASCADE, related_name="result_figures")
    value = models.DecimalField(_("tall"), max_digits=14, decimal_places=1)
    unit = models.CharField(_("enhet"), max_length=40, help_text=_("For eksempel «timer», «kroner» eller «prosent»."))
    label = models.CharField(_("hva som er målt"), max_length=200, help_text=_("For eksempel «spart per år»."))

    panels = [FieldPanel("value"), FieldPanel("unit"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = _("resultat")
        verbose_name_plural = _("resultater")

    def __str__(self) -> str:
        return f"{self.value} {self.unit} {self.label}"


class CaseFunding(Orderable):
    page = ParentalKey("cases.CasePage", on_delete=models.CASCADE, related_name="funding")
    source = models.CharField(
        _("kilde"), max_length=200, help_text=_("For eksempel «Skjønnsmidler fra Statsforvalteren i Innlandet».")
    )
    programme = models.CharField(_("program eller ordning"), max_length=200, blank=True)
    amount_nok = models.PositiveBigIntegerField(_("beløp i kroner"), null=True, blank=True)

    panels = [FieldPanel("source"), FieldPanel("programme"), FieldPanel("amount_nok")]

    class Meta(Orderable.Meta):
        verbose_name = _("finansiering")
        verbose_name_plural = _("finansiering")

    def __str__(self) -> str:
        return self.source


class CaseTag(TaggedItemBase):
    content_object = ParentalKey("cases.CasePage", on_delete=models.CASCADE, related_name="tagged_items")
