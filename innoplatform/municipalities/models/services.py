"""Municipal services whose need follows the population: coverage rates and staffing.

need(year) = Σ over the service's age groups of population × coverage rate;
staffing (FTE) = users × full-time equivalents per user. National defaults have
kommune NULL; a kommune's own rate for the same service and age group overrides it.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from .population import AgeGroup
from .registry import Kommune


class Service(models.Model):
    code = models.SlugField(_("kode"), max_length=50, unique=True)
    name = models.CharField(_("navn"), max_length=100)
    user_label = models.CharField(
        _("brukere kalles"), max_length=100, help_text=_("For eksempel «barn i barnehage» eller «beboere».")
    )
    order = models.PositiveSmallIntegerField(_("rekkefølge"), default=100)

    class Meta:
        verbose_name = _("tjeneste")
        verbose_name_plural = _("tjenester")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class ServiceRate(models.Model):
    service = models.ForeignKey(Service, verbose_name=_("tjeneste"), on_delete=models.CASCADE, related_name="rates")
    kommune = models.ForeignKey(
        Kommune,
        verbose_name=_("kommune"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="service_rates",
        help_text=_("Tom betyr nasjonalt standardtall."),
    )
    age_group = models.CharField(_("aldersgruppe"), max_length=5, choices=AgeGroup.choices)
    coverage_rate = models.DecimalField(
        _("dekningsgrad"),
        max_digits=6,
        decimal_places=4,
        validators=[
            MinValueValidator(0, message=_("Dekningsgraden kan ikke være negativ.")),
            MaxValueValidator(1, message=_("Dekningsgraden er en andel og kan ikke være over 1 (100 %%).")),
        ],
        help_text=_("Andel av aldersgruppen som bruker tjenesten, mellom 0 og 1, for eksempel 0,30."),
    )
    fte_per_user = models.DecimalField(
        _("årsverk per bruker"),
        max_digits=6,
        decimal_places=4,
        validators=[MinValueValidator(0, message=_("Årsverk per bruker kan ikke være negativt."))],
        help_text=_("Årsverk som trengs per bruker, for eksempel 0,25."),
    )
    source = models.CharField(_("kilde"), max_length=300, help_text=_("Hvor tallet kommer fra, med år."))
    imported_from = models.CharField(
        _("importert fra"),
        max_length=20,
        blank=True,
        editable=False,
        help_text=_("SSB-tabellen satsen er hentet fra med import_kostra; tom for satser lagt inn for hånd."),
    )

    class Meta:
        verbose_name = _("dekningsgrad")
        verbose_name_plural = _("dekningsgrader")
        constraints = [
            models.UniqueConstraint(fields=["service", "kommune", "age_group"], name="unique_service_rate"),
            models.UniqueConstraint(
                fields=["service", "age_group"],
                condition=models.Q(kommune__isnull=True),
                name="unique_national_service_rate",
            ),
            models.CheckConstraint(
                condition=models.Q(coverage_rate__gte=0) & models.Q(coverage_rate__lte=1),
                name="coverage_rate_0_1",
                violation_error_message=_("Dekningsgraden må være mellom 0 og 1."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.service} {self.get_age_group_display()}"
