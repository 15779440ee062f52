"""The platform's user: identified by e-mail, with a name and a job title.

First and last name stay as separate fields because Wagtail's user admin edits them.
"""

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _


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
