"""Extension point through which other apps add sections to a case's page.

Funding, for example, shows the grant a case came from. Register a Wagtail hook
``register_case_section``: ``fn(request, page) -> PageSection | None``
(innoplatform.core.page_sections). The cases app imports none of them.
"""

from django.http import HttpRequest

from innoplatform.core.page_sections import PageSection, collect_sections

CASE_SECTION_HOOK = "register_case_section"


def case_sections(request: HttpRequest, page) -> list[PageSection]:
    return collect_sections(CASE_SECTION_HOOK, request, page)
