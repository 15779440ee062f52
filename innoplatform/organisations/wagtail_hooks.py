"""Organisations on the user's profile and in their personal data export."""

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from innoplatform.core.page_sections import PageSection

from .models import Membership
from .scale import load_scale_organisations


@hooks.register("register_profile_section")
def own_organisations_section(request: HttpRequest) -> PageSection:
    """The user's memberships and requests with where each stands; without any, where to find one's organisation."""
    memberships = list(
        Membership.objects.filter(user=request.user)
        .exclude(status=Membership.Status.REJECTED)
        .select_related("organisation")
        .order_by("organisation__name")
    )
    return PageSection(
        title=_("Organisasjonene dine"),
        template_name="organisations/includes/profile_section.html",
        context={"memberships": memberships},
        order=40,
    )


@hooks.register("register_personal_data")
def personal_membership_data(user) -> tuple[str, object]:
    memberships = Membership.objects.filter(user=user).select_related("organisation").order_by("pk")
    return (
        "organisasjoner",
        [
            {
                "organisasjon": membership.organisation.name,
                "organisasjonsnummer": membership.organisation.orgnr,
                "rolle": membership.role,
                "status": membership.status,
                "bedt_om": membership.requested_at.isoformat(),
                "avgjort": membership.decided_at.isoformat() if membership.decided_at else None,
            }
            for membership in memberships
        ],
    )


hooks.register("register_scale_loader", load_scale_organisations, order=30)
