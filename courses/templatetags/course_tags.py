"""Template filters for the course pages."""

from django import template

register = template.Library()


@register.filter
def get_item(mapping, key):
    """`mapping[key]`, or None: the lesson page looks up a block's quiz state and saved answer by the block's id."""
    if not mapping:
        return None
    return mapping.get(key)
