"""A kommune's mark that it has taken a case into use ("vi har tatt dette i bruk")."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CaseReuse(models.Model):
    page = models.ForeignKey("cases.CasePage", on_delete=models.CASCADE, related_name="reuses")
    kommune = models.ForeignKey(
        "municipalities.Kommune", verbose_name=_("kommune"), on_delete=models.CASCADE, related_name="case_reuses"
    )
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("markert av"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="case_reuses",
    )
    created_at = models.DateTimeField(_("markert"), auto_now_add=True)

    class Meta:
        verbose_name = _("gjenbruk")
        verbose_name_plural = _("gjenbruk")
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["page", "kommune"], name="unique_case_reuse")]

    def __str__(self) -> str:
        return f"{self.kommune} → {self.page_id}"
