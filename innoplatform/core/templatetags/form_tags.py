"""Render Django form fields with Designsystemet markup and accessible descriptions."""

from django import template
from django.forms import BoundField

register = template.Library()


@register.filter
def ds_widget(field: BoundField) -> str:
    """The field's widget with the design-system class, linked to its help text and errors."""
    described_by = []
    if field.help_text:
        described_by.append(f"{field.auto_id}_helptext")
    if field.errors:
        described_by.append(f"{field.auto_id}_error")
    attrs = {"class": "ds-input"}
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    if field.errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)


@register.filter
def is_checkbox(field: BoundField) -> bool:
    return field.widget_type == "checkbox"


@register.filter
def is_hidden(field: BoundField) -> bool:
    return field.is_hidden
