"""Wagtail hooks for expressions of interest and the weekly digest (imported by partners.wagtail_hooks)."""

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from innoplatform.core.page_sections import PageSection
from innoplatform.organisations.public import member_organisations

from .digest import wants_digest
from .interest import personal_interest_data
from .interest_forms import DigestPreferenceForm
from .models import DigestPreference


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


@hooks.register("register_personal_data")
def personal_partner_data(user) -> tuple[str, object]:
    preference = DigestPreference.objects.filter(user=user).first()
    return (
        "interesse_og_treff",
        {
            **personal_interest_data(user),
            "ukentlig_e-post_om_treff": preference.weekly_digest if preference else True,
            "ukentlig_e-post_sist_sendt": preference.digest_sent_at.isoformat()
            if preference and preference.digest_sent_at
            else None,
        },
    )
