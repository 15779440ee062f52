"""The platform's user, identified by e-mail, and the site's security settings for accounts.

First and last name stay as separate fields because Wagtail's user admin edits them.
"""

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


class UserManager(BaseUserManager):
    """Creates users keyed by e-mail instead of a username."""

    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email: str, password: str | None = None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    username = None
    email = models.EmailField(_("e-postadresse"), unique=True)
    job_title = models.CharField(_("stilling"), max_length=150, blank=True)
    kommune = models.ForeignKey(
        "municipalities.Kommune",
        verbose_name=_("kommunen du jobber i"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="employees",
        help_text=_("Kommuneansatte kan da markere eksempler som tatt i bruk på vegne av kommunen."),
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        verbose_name = _("bruker")
        verbose_name_plural = _("brukere")
        ordering = ["email"]

    def __str__(self) -> str:
        return self.get_full_name() or self.email


def staff_mfa_required_by_default() -> bool:
    """A new site requires two-step login of its staff; `STAFF_MFA_REQUIRED_BY_DEFAULT = False` starts one without."""
    return getattr(settings, "STAFF_MFA_REQUIRED_BY_DEFAULT", True)


@register_setting(icon="lock")
class SecuritySettings(BaseGenericSetting):
    """What the site demands of the accounts that can do the most (innoplatform.accounts.mfa_required).

    A setting of its own rather than a field of the footer's settings, so that letting
    someone edit the footer never lets them switch this off: no group has its permission,
    only superusers change it.
    """

    require_mfa_for_staff = models.BooleanField(
        _("Krev innlogging i to trinn for redaktører og moderatorer"),
        default=staff_mfa_required_by_default,
        help_text=_(
            "Gjelder superbrukere og alle i gruppene «Editors» og «Moderators». De som ikke har slått på "
            "innlogging i to trinn, må gjøre det før de kommer inn i administrasjonen eller kan moderere."
        ),
    )

    panels = [FieldPanel("require_mfa_for_staff")]

    class Meta:
        verbose_name = _("sikkerhet")
        verbose_name_plural = _("sikkerhet")
