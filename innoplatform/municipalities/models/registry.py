"""Fylker and kommuner, keyed by their official numbers."""

from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Fylke(models.Model):
    number = models.CharField(_("fylkesnummer"), max_length=2, unique=True, validators=[RegexValidator(r"^\d{2}$")])
    name = models.CharField(_("navn"), max_length=100)
    slug = models.SlugField(_("kortnavn i adresser"), max_length=100, unique=True)

    class Meta:
        verbose_name = _("fylke")
        verbose_name_plural = _("fylker")
        ordering = ["number"]

    def __str__(self) -> str:
        return self.name


class Kommune(models.Model):
    number = models.CharField(_("kommunenummer"), max_length=4, unique=True, validators=[RegexValidator(r"^\d{4}$")])
    name = models.CharField(_("navn"), max_length=100)
    slug = models.SlugField(_("kortnavn i adresser"), max_length=100)
    fylke = models.ForeignKey(Fylke, verbose_name=_("fylke"), on_delete=models.PROTECT, related_name="kommuner")

    class Meta:
        verbose_name = _("kommune")
        verbose_name_plural = _("kommuner")
        ordering = ["number"]

    def __str__(self) -> str:
        return f"{self.name} ({self.number})"

    def get_absolute_url(self) -> str:
        return reverse("municipalities:detail", kwargs={"number": self.number, "slug": self.slug})
