"""Sections that other apps add to a page they do not own, through a Wagtail hook.

The profile page (`register_profile_section`) and the kommune page
(`register_kommune_section`) both collect them this way, so neither imports the
apps that fill them.
"""

from dataclasses import dataclass, field

from wagtail import hooks


@dataclass(frozen=True)
class PageSection:
    """A titled block rendered with `template_name`; its data arrives as `section_context`."""

    title: str
    template_name: str
    context: dict = field(default_factory=dict)
    order: int = 100


def collect_sections(hook_name: str, *args) -> list[PageSection]:
    """Call every hook registered under `hook_name` with `args`; keep what they return, in order."""
    sections = [section for fn in hooks.get_hooks(hook_name) if (section := fn(*args))]
    return sorted(sections, key=lambda section: section.order)
