"""Extension point through which other apps add sections to an organisation's page.

The cases app, for example, lists the published cases the organisation took part
in. Register a Wagtail hook ``register_organisation_section``:
``fn(request, organisation) -> PageSection | None`` (innoplatform.core.page_sections).
"""

from django.http import HttpRequest

from innoplatform.core.page_sections import PageSection, collect_sections

ORGANISATION_SECTION_HOOK = "register_organisation_section"


def organisation_sections(request: HttpRequest, organisation) -> list[PageSection]:
    return collect_sections(ORGANISATION_SECTION_HOOK, request, organisation)
