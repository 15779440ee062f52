"""Extension point through which other apps add sections to a kommune's page.

The cases app, for example, lists the cases from a kommune and those addressing
its challenges. Register a Wagtail hook ``register_kommune_section``:
``fn(request, kommune) -> KommuneSection | None``.
"""

from dataclasses import dataclass, field

from django.http import HttpRequest

from wagtail import hooks

KOMMUNE_SECTION_HOOK = "register_kommune_section"


@dataclass(frozen=True)
class KommuneSection:
    title: str
    template_name: str
    context: dict = field(default_factory=dict)
    order: int = 100


def kommune_sections(request: HttpRequest, kommune) -> list[KommuneSection]:
    sections = [section for fn in hooks.get_hooks(KOMMUNE_SECTION_HOOK) if (section := fn(request, kommune))]
    return sorted(sections, key=lambda section: section.order)
