"""An assessor's scores of an application, and the office's decision on it."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class Assessment(models.Model):
    application = models.ForeignKey("funding.Application", on_delete=models.CASCADE, related_name="assessments")
    assessor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    no_conflict = models.BooleanField(_("jeg er ikke inhabil"))
    comment = models.TextField(_("samlet vurdering"), max_length=5000, blank=True)
    updated_at = models.DateTimeField(_("sist endret"), auto_now=True)

    class Meta:
        verbose_name = _("vurdering")
        verbose_name_plural = _("vurderinger")
        constraints = [
            models.UniqueConstraint(fields=["application", "assessor"], name="one_assessment_per_assessor"),
            models.CheckConstraint(condition=models.Q(no_conflict=True), name="assessment_declares_no_conflict"),
        ]

    def __str__(self) -> str:
        return f"{self.application} – {self.assessor}"


class Score(models.Model):
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey("funding.AssessmentCriterion", on_delete=models.CASCADE, related_name="+")
    score = models.PositiveSmallIntegerField(_("poeng"), validators=[MinValueValidator(1), MaxValueValidator(5)])
    comment = models.TextField(_("kommentar"), max_length=2000, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["assessment", "criterion"], name="one_score_per_criterion"),
            models.CheckConstraint(condition=models.Q(score__gte=1, score__lte=5), name="score_between_1_and_5"),
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.score}"


class Allocation(models.Model):
    """The decision: granted (all or part of what was sought) or rejected (amount 0)."""

    application = models.OneToOneField("funding.Application", on_delete=models.CASCADE, related_name="allocation")
    amount_nok = models.PositiveBigIntegerField(_("tildelt beløp i kroner"))
    reason = models.TextField(_("begrunnelse"), max_length=5000)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("vedtatt"))

    class Meta:
        verbose_name = _("tildeling")
        verbose_name_plural = _("tildelinger")

    def __str__(self) -> str:
        return f"{self.application}: {self.amount_nok}"
