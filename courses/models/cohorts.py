"""Courses run as a cohort (kull): a start, a date each module opens, a facilitator and groups."""

import secrets

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
"""Letters and digits that cannot be mistaken for one another when read aloud or typed (no I, O, 0, 1)."""


def new_invitation_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))


class Cohort(ClusterableModel):
    course = models.ForeignKey(
        "courses.CoursePage", verbose_name=_("kurs"), on_delete=models.CASCADE, related_name="cohorts"
    )
    name = models.CharField(_("navn"), max_length=200, help_text=_("For eksempel «Vestfold og Telemark, høsten 2026»."))
    starts_on = models.DateField(_("starter"))
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("kursholder"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="facilitated_cohorts",
    )
    invitation_code = models.CharField(
        _("invitasjonskode"),
        max_length=12,
        unique=True,
        default=new_invitation_code,
        help_text=_("Deltakerne blir med i kullet med denne koden."),
    )

    panels = [
        FieldPanel("course"),
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("facilitator")]),
        FieldPanel("invitation_code"),
        InlinePanel("module_openings", heading=_("Når modulene åpner"), label=_("Modul")),
        InlinePanel("groups", heading=_("Grupper"), label=_("Gruppe")),
    ]

    class Meta:
        verbose_name = _("kull")
        verbose_name_plural = pgettext_lazy("flertall", "kull")
        ordering = ["-starts_on", "name"]

    def __str__(self) -> str:
        return self.name


class CohortModuleOpening(models.Model):
    cohort = ParentalKey(Cohort, on_delete=models.CASCADE, related_name="module_openings")
    module = models.ForeignKey(
        "courses.ModulePage", verbose_name=_("modul"), on_delete=models.CASCADE, related_name="+"
    )
    opens_on = models.DateField(_("åpner"))

    panels = [FieldRowPanel([FieldPanel("module"), FieldPanel("opens_on")])]

    class Meta:
        verbose_name = _("modulåpning")
        verbose_name_plural = _("modulåpninger")
        constraints = [models.UniqueConstraint(fields=["cohort", "module"], name="unique_cohort_module_opening")]

    def __str__(self) -> str:
        return f"{self.module_id}: {self.opens_on}"


class CohortGroup(models.Model):
    """Typically one kommune or one interkommunalt samarbeid."""

    cohort = ParentalKey(Cohort, on_delete=models.CASCADE, related_name="groups")
    name = models.CharField(_("navn"), max_length=200)
    kommune = models.ForeignKey(
        "municipalities.Kommune", verbose_name=_("kommune"), null=True, blank=True, on_delete=models.SET_NULL
    )

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("kommune")])]

    class Meta:
        verbose_name = _("gruppe")
        verbose_name_plural = _("grupper")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
