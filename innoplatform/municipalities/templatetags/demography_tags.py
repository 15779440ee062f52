"""Number formatting for the demographic profile: Norwegian grouping and decimal comma, signed changes."""

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def number(value: float | int | None, decimals: int = 0) -> str:
    """12 345 or 12,5 (rounded: number_format alone cuts the decimals off); a dash for missing values."""
    if value is None or value == "":
        return "–"
    return number_format(round(value, int(decimals)), decimal_pos=int(decimals), force_grouping=True)


@register.filter
def change(value: float | None) -> str:
    """A percentage change with its sign: +12,5 % or −3,0 %."""
    if value is None:
        return _("ikke beregnet")
    shown = round(value, 1)
    sign = "+" if shown > 0 else "−" if shown < 0 else "±"
    return f"{sign}{number_format(abs(shown), decimal_pos=1, force_grouping=True)} %"


@register.filter
def item(mapping: dict, key):
    """Look up a key in a dict (keys that templates cannot spell, like "2040")."""
    if not mapping:
        return None
    return mapping.get(key, mapping.get(str(key)))
