"""Text helpers shared by the apps."""

from django.utils.text import slugify

_NORWEGIAN_LETTERS = str.maketrans({"æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o", "å": "a", "Å": "a"})


def norwegian_slugify(value: str) -> str:
    """An ASCII slug that keeps Norwegian letters readable ("Bærum" → "baerum", not "brum")."""
    return slugify(value.translate(_NORWEGIAN_LETTERS))
