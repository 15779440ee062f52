"""Interim and final reports from a granted project."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Report(models.Model):
    class Kind(models.TextChoices):
        INTERIM = "interim", _("Delrapport")
        FINAL = "final", _("Sluttrapport")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Utkast")
        SUBMITTED = "submitted", _("Levert")
        APPROVED = "approved", _("Godkjent")
        RETURNED = "returned", _("Sendt tilbake")

    application = models.ForeignKey("funding.Application", on_delete=models.CASCADE, related_name="reports")
    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    activities = models.TextField(_("hva som ble gjort"), max_length=10_000, blank=True)
    results = models.TextField(_("resultater"), max_length=10_000, blank=True)
    key_figures = models.TextField(
        _("nøkkeltall"),
        max_length=2000,
        blank=True,
        help_text=_("Ett tall per linje, for eksempel «40 % færre nattbesøk»."),
    )
    lessons = models.TextField(_("erfaringer og læring"), max_length=10_000, blank=True)
    spent_nok = models.PositiveBigIntegerField(_("brukt av tilskuddet i kroner"), null=True, blank=True)
    spending_comment = models.TextField(_("forbruk sammenlignet med budsjett"), max_length=5000, blank=True)
    in_operation = models.BooleanField(_("løsningen er satt i drift"), default=False)
    office_comment = models.TextField(_("tilbakemelding fra statsforvalteren"), max_length=5000, blank=True)
    submitted_at = models.DateTimeField(_("levert"), null=True, blank=True)
    approved_at = models.DateTimeField(_("godkjent"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("rapport")
        verbose_name_plural = _("rapporter")
        ordering = ["kind", "pk"]
        constraints = [models.UniqueConstraint(fields=["application", "kind"], name="one_report_of_each_kind")]

    def __str__(self) -> str:
        return self.get_kind_display()


class ReportReminder(models.Model):
    """That the reminder before a report's deadline has gone out, so it goes out once."""

    application = models.ForeignKey("funding.Application", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=Report.Kind.choices)
    sent_on = models.DateField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["application", "kind"], name="one_reminder_per_report")]

    def __str__(self) -> str:
        return f"{self.application} – {self.kind} ({self.sent_on})"
