"""Organisations (kommuner and their agencies, state bodies, NGOs, research and industry) and their members.

A membership is asked for and then approved by one of the organisation's admins
or a moderator, or approved at once when the user's verified e-mail address is in
one of the organisation's registered domains. Only approved members act for an
organisation; a kommune is acted for through an organisation of sector kommune
seated in it.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from innoplatform.core.vocabularies import Sector

from .validators import validate_orgnr


class Organisation(models.Model):
    name = models.CharField(_("navn"), max_length=200)
    slug = models.SlugField(_("kortnavn i adresser"), max_length=220, unique=True)
    orgnr = models.CharField(
        _("organisasjonsnummer"),
        max_length=9,
        unique=True,
        validators=[validate_orgnr],
        help_text=_("Ni sifre, som i Enhetsregisteret."),
    )
    sector = models.CharField(_("sektor"), max_length=20, choices=Sector.choices)
    kommune = models.ForeignKey(
        "municipalities.Kommune",
        verbose_name=_("kommune (sete)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organisations",
        help_text=_("Kommunen organisasjonen holder til i. For en kommune eller en av dens etater: kommunen selv."),
    )
    website = models.URLField(_("nettsted"), blank=True)
    description = models.TextField(_("kort beskrivelse"), max_length=1000, blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    verified = models.BooleanField(
        _("verifisert"),
        default=False,
        help_text=_(
            "En moderator har sjekket at organisasjonen er den den sier. Innlegg fra uverifiserte organisasjoner må godkjennes."
        ),
    )
    verified_at = models.DateTimeField(_("verifisert"), null=True, blank=True)
    created_at = models.DateTimeField(_("registrert"), auto_now_add=True)
    updated_at = models.DateTimeField(_("sist endret"), auto_now=True)

    class Meta:
        verbose_name = _("organisasjon")
        verbose_name_plural = _("organisasjoner")
        ordering = ["name"]
        permissions = [("moderate_organisations", _("Kan moderere organisasjoner, medlemskap og innlegg"))]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("organisations:detail", kwargs={"slug": self.slug})


class OrganisationDomain(models.Model):
    """An e-mail domain of the organisation: users with a verified address in it join without approval."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="domains")
    domain = models.CharField(
        _("e-postdomene"), max_length=253, unique=True, help_text=_("For eksempel «skien.kommune.no».")
    )

    class Meta:
        verbose_name = _("e-postdomene")
        verbose_name_plural = pgettext_lazy("flertall", "e-postdomener")
        ordering = ["domain"]

    def __str__(self) -> str:
        return self.domain


class Membership(models.Model):
    class Role(models.TextChoices):
        ADMIN = "admin", _("Administrator")
        MEMBER = "member", _("Medlem")

    class Status(models.TextChoices):
        PENDING = "pending", _("Venter på godkjenning")
        APPROVED = "approved", _("Godkjent")
        REJECTED = "rejected", _("Avslått")

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("rolle"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    requested_at = models.DateTimeField(_("bedt om"), auto_now_add=True)
    decided_at = models.DateTimeField(_("avgjort"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("avgjort av"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("medlemskap")
        verbose_name_plural = pgettext_lazy("flertall", "medlemskap")
        constraints = [models.UniqueConstraint(fields=["organisation", "user"], name="unique_membership")]
        indexes = [models.Index(fields=["user", "status"])]

    def __str__(self) -> str:
        return f"{self.user} – {self.organisation}"

    @property
    def is_approved(self) -> bool:
        return self.status == self.Status.APPROVED
