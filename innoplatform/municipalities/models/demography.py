"""Precomputed demographic summaries, so profile pages read a few rows, not thousands of figures.

One row per region (kommune, fylke or "0" for Norway) and projection dataset,
and one row without a projection for every region that has observed figures
only; rebuilt by `refresh_demographic_summaries()` in the same transaction as
every import, so readers see the figures and their summaries change together.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .population import PopulationDataset


class DemographicSummary(models.Model):
    # Rebuilt whole after each import, which renews the generation once (demography/summaries.py).
    renews_content_generation = False

    region_code = models.CharField(_("region"), max_length=4)
    dataset = models.ForeignKey(
        PopulationDataset,
        verbose_name=_("framskriving"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="summaries",
        help_text=_("Tom når regionen bare har registrerte befolkningstall."),
    )
    observed_dataset = models.ForeignKey(
        PopulationDataset,
        verbose_name=_("registrert befolkning"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    observed_first_year = models.PositiveSmallIntegerField(_("første registrerte år"), null=True, blank=True)
    observed_last_year = models.PositiveSmallIntegerField(_("siste registrerte år"), null=True, blank=True)
    base_year = models.PositiveSmallIntegerField(
        _("basisår"), help_text=_("Siste registrerte år, eller framskrivingens første år når registrerte tall mangler.")
    )
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
            models.UniqueConstraint(
                fields=["region_code"], condition=models.Q(dataset__isnull=True), name="unique_observed_only_summary"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.region_code} {self.dataset or '-'}"
