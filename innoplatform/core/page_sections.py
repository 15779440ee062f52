"""Sections that other apps add to a page they do not own, through a Wagtail hook.

The profile page (`register_profile_section`) and the kommune page
(`register_kommune_section`) both collect them this way, so neither imports the
apps that fill them.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from wagtail import hooks

from . import derived


@dataclass(frozen=True)
class PageSection:
    """A titled block rendered with `template_name`; its data arrives as `section_context`.

    A section that shows every visitor the same names the apps it is read from in `shared_by` and what
    tells it apart from the same section on other pages in `shared_key` (a kommune's number): the page
    then keeps its HTML as derived data. Its `context` may be a function, called only when the section
    is rendered rather than taken from the cache.
    """

    title: str
    template_name: str
    context: dict | Callable[[], dict] = field(default_factory=dict)
    order: int = 100
    shared_by: tuple[str, ...] = ()
    shared_key: str = ""

    @property
    def fragment(self) -> tuple[int, str]:
        """(seconds, version) for the `{% cache %}` around a shared section; (0, "") for a personal one."""
        return derived.fragment_seconds(self.shared_by) if self.shared_by else (0, "")


def collect_sections(hook_name: str, *args) -> list[PageSection]:
    """Call every hook registered under `hook_name` with `args`; keep what they return, in order."""
    sections = [section for fn in hooks.get_hooks(hook_name) if (section := fn(*args))]
    return sorted(sections, key=lambda section: section.order)
