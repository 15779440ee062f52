"""Template filter that renders user-supplied HTML through the sanitizer."""

from django import template
from django.utils.safestring import mark_safe

from innoplatform.core.sanitizer import sanitize_html

register = template.Library()


@register.filter(name="sanitize")
def sanitize_filter(value: str) -> str:
    return mark_safe(sanitize_html(str(value or "")))  # noqa: S308 - cleaned by nh3 allow-list
