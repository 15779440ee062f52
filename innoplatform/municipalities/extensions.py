"""Extension point through which other apps add sections to a kommune's page.

The cases app, for example, lists the cases from a kommune and those addressing
its challenges. Register a Wagtail hook ``register_kommune_section``:
``fn(request, kommune) -> PageSection | None`` (innoplatform.core.page_sections).
"""

from django.http import HttpRequest

from innoplatform.core.page_sections import PageSection, collect_sections

KOMMUNE_SECTION_HOOK = "register_kommune_section"


def kommune_sections(request: HttpRequest, kommune) -> list[PageSection]:
    return collect_sections(KOMMUNE_SECTION_HOOK, request, kommune)
