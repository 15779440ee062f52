"""Wagtail hooks for expressions of interest and the weekly digest (imported by partners.wagtail_hooks)."""

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from innoplatform.core.page_sections import PageSection
from innoplatform.organisations.public import member_organisations

from .digest import wants_digest
from .interest_forms import DigestPreferenceForm


@hooks.register("register_profile_section")
def partner_section(request: HttpRequest) -> PageSection | None:
    """For members of an organisation: their threads and the weekly e-mail of new matches, on or off."""
    if not member_organisations(request.user).exists():
        return None
    return PageSection(
        title=_("Samarbeid og treff"),
        template_name="partners/interest/profile_section.html",
        context={
            "form": DigestPreferenceForm(initial={"weekly_digest": wants_digest(request.user)}),
            "dashboard_url": reverse("partners:interest_dashboard"),
        },
        order=50,
    )
