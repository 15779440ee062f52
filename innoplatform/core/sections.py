"""Registry of the platform's parts (kommuner, cases, courses, partners).

Core imports no app: each app registers its part through the Wagtail hook
`register_platform_section`, and the header navigation and the home page list
whatever parts are installed.
"""

from dataclasses import dataclass

from django.urls import reverse

from wagtail import hooks

HOOK_NAME = "register_platform_section"


@dataclass(frozen=True)
class PlatformSection:
    """One part of the platform as shown in the main menu and on the home page."""

    label: str
    description: str
    url_name: str = ""
    order: int = 100
    path: str = ""
    """A page's own address (a Wagtail page), used instead of reversing `url_name`."""

    @property
    def url(self) -> str:
        return self.path or reverse(self.url_name)


def platform_sections() -> list[PlatformSection]:
    """All registered parts that are available now (a hook may return None), in menu order."""
    sections = [section for hook in hooks.get_hooks(HOOK_NAME) if (section := hook())]
    return sorted(sections, key=lambda section: (section.order, str(section.label)))
