"""Extension points through which other apps add to a user's profile and data export.

Apps that own personal data (memberships, enrolments, submitted cases) register
Wagtail hooks, so accounts never imports them:

- ``register_profile_section``: ``fn(request) -> PageSection | None`` (innoplatform.core.page_sections)
- ``register_personal_data``: ``fn(user) -> tuple[str, object]``, a key and JSON-able data
"""

from django.http import HttpRequest

from wagtail import hooks

from innoplatform.core.page_sections import PageSection, collect_sections

PROFILE_SECTION_HOOK = "register_profile_section"
PERSONAL_DATA_HOOK = "register_personal_data"


def profile_sections(request: HttpRequest) -> list[PageSection]:
    return collect_sections(PROFILE_SECTION_HOOK, request)


def contributed_personal_data(user) -> dict[str, object]:
    return dict(fn(user) for fn in hooks.get_hooks(PERSONAL_DATA_HOOK))
