"""Precomputed demographic summaries, so profile pages read a few rows, not thousands of figures.

One row per region (kommune, fylke or "0" for Norway) and projection dataset,
rebuilt by `refresh_demographic_summaries()` whenever figures are imported.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .population import PopulationDataset


class DemographicSummary(models.Model):
    region_code = models.CharField(_("region"), max_length=4)
    dataset = models.ForeignKey(
        PopulationDataset,
        verbose_name=_("framskriving"),
        on_delete=models.CASCADE,
        related_name="summaries",
    )
    observed_dataset = models.ForeignKey(
        PopulationDataset,
        verbose_name=_("registrert befolkning"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    base_year = models.PositiveSmallIntegerField(_("siste registrerte år"))
    population = models.PositiveIntegerField(_("folketall"))
    indicators = models.JSONField(_("indikatorer"), default=dict, help_text=_('Per år: {"2040": {...}}.'))
    challenges = models.JSONField(_("utfordringer"), default=list)
    similar = models.JSONField(_("lignende kommuner"), default=list)
    computed_at = models.DateTimeField(_("beregnet"), auto_now=True)

    class Meta:
        verbose_name = _("demografisk sammendrag")
        verbose_name_plural = _("demografiske sammendrag")
        constraints = [
            models.UniqueConstraint(fields=["region_code", "dataset"], name="unique_demographic_summary"),
        ]

    def __str__(self) -> str:
        return f"{self.region_code} {self.dataset}"
