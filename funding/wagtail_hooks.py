"""Funding's place on pages it does not own: the kommune profile's and the case page's grant sections.

The menu section, the profile section, personal data and the admin's offices are in
`platform_hooks`, the demo loader in `demo_hooks`; importing them here registers them.
"""

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from innoplatform.core.page_sections import PageSection

from . import demo_hooks, platform_hooks  # noqa: F401  (each registers its own hooks)
from .insight import grant_for_case, grants_for_kommune, sums_by_year

KOMMUNE_GRANTS_SHOWN = 10


@hooks.register("register_kommune_section")
def kommune_grants_section(request: HttpRequest, kommune) -> PageSection:
    """The kommune's granted projects, as lead or co-applicant, and the amounts by year; says so when there are none."""
    grants = grants_for_kommune(kommune)
    return PageSection(
        title=_("Innovasjonsmidler"),
        template_name="funding/includes/kommune_section.html",
        context={
            "kommune": kommune,
            "grants": grants[:KOMMUNE_GRANTS_SHOWN],
            "more": len(grants) > KOMMUNE_GRANTS_SHOWN,
            "count": len(grants),
            "by_year": sums_by_year(grants),
            "total_nok": sum(grant.allocation.amount_nok for grant in grants),
        },
        order=40,
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
