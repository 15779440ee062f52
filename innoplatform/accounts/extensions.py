"""Extension points through which other apps add to a user's profile and data export.

Apps that own personal data (memberships, enrolments, submitted cases) register
Wagtail hooks, so accounts never imports them:

- ``register_profile_section``: ``fn(request) -> ProfileSection | None``
- ``register_personal_data``: ``fn(user) -> tuple[str, object]``, a key and JSON-able data
"""

from dataclasses import dataclass, field

from django.http import HttpRequest

from wagtail import hooks

PROFILE_SECTION_HOOK = "register_profile_section"
PERSONAL_DATA_HOOK = "register_personal_data"


@dataclass(frozen=True)
class ProfileSection:
    """A block on the profile page, e.g. the organisations a user belongs to."""

    title: str
    template_name: str
    context: dict = field(default_factory=dict)
    order: int = 100


def profile_sections(request: HttpRequest) -> list[ProfileSection]:
    sections = [section for fn in hooks.get_hooks(PROFILE_SECTION_HOOK) if (section := fn(request))]
    return sorted(sections, key=lambda section: section.order)


def contributed_personal_data(user) -> dict[str, object]:
    return dict(fn(user) for fn in hooks.get_hooks(PERSONAL_DATA_HOOK))
