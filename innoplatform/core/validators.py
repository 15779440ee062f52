"""Validators shared by the platform's forms."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def single_line(value: str) -> None:
    """Titles and names go into e-mail subjects and headings: one line, no control characters."""
    if any(ord(character) < 32 for character in value):
        raise ValidationError(_("Skriv dette på én linje."), code="single_line")
