"""Funding's place on pages it does not own: the kommune profile's and the case page's grant sections.

The menu section, the profile section, personal data and the admin's offices are in
`platform_hooks`, the demo loader in `demo_hooks`; importing them here registers them.
"""

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from innoplatform.core.page_sections import PageSection

from . import demo_hooks, platform_hooks  # noqa: F401  (each registers its own hooks)
from .insight import grant_for_case, kommune_grant_summary

KOMMUNE_GRANTS_SHOWN = 10


@hooks.register("register_kommune_section")
def kommune_grants_section(request: HttpRequest, kommune) -> PageSection:
    """The kommune's granted projects, as lead or co-applicant, and the amounts by year; says so when there are none."""
    return PageSection(
        title=_("Innovasjonsmidler"),
        template_name="funding/includes/kommune_section.html",
        context=lambda: {"kommune": kommune, **kommune_grant_summary(kommune, KOMMUNE_GRANTS_SHOWN)},
        order=40,
        shared_by=("funding",),
        shared_key=kommune.number,
    )


@hooks.register("register_case_section")
def case_grant_section(request: HttpRequest, page) -> PageSection | None:
    """«Finansiert med innovasjonsmidler» on a case that a public grant became."""
    grant = grant_for_case(page)
    if grant is None:
        return None
    return PageSection(
        title=_("Finansiert med innovasjonsmidler"),
        template_name="funding/includes/case_section.html",
        context={"grant": grant},
        order=10,
    )
