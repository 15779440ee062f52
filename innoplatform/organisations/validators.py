"""Norwegian organisation numbers: nine digits, the last a mod-11 check digit (Brønnøysundregistrene)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

WEIGHTS = (3, 2, 7, 6, 5, 4, 3, 2)


def check_digit(first_eight: str) -> int | None:
    """The mod-11 check digit for eight digits, or None when there is none (those numbers are never issued)."""
    remainder = sum(int(digit) * weight for digit, weight in zip(first_eight, WEIGHTS, strict=True)) % 11
    check = 0 if remainder == 0 else 11 - remainder
    return None if check == 10 else check


def orgnr_is_valid(value: str) -> bool:
    """Whether `value` is nine digits whose last digit is the mod-11 check digit of the first eight."""
    if len(value) != 9 or not value.isascii() or not value.isdigit():
        return False
    return check_digit(value[:8]) == int(value[8])


def validate_orgnr(value: str) -> None:
    if not orgnr_is_valid(value):
        raise ValidationError(
            _("Organisasjonsnummeret må ha ni sifre og stemme med kontrollsifferet. Sjekk det i Enhetsregisteret."),
            code="invalid_orgnr",
        )


def normalised_orgnr(text: str) -> str:
    """An organisation number as people write it ("974 760 673", "NO 974760673 MVA") in its nine digits."""
    return "".join(character for character in text if character.isascii() and character.isdigit())
