"""Funding's place on the platform: the menu section, the profile's applications, personal data, and the admin's offices.

Registered from funding/wagtail_hooks.py, which Wagtail reads at start-up.
"""

from django.db.models import Q
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from innoplatform.core.page_sections import PageSection
from innoplatform.core.sections import PlatformSection

from .models import Application, OfficeDesk
from .permissions import Roles


@hooks.register("register_platform_section")
def funding_section() -> PlatformSection:
    return PlatformSection(
        label=_("Innovasjonsmidler"),
        description=_(
            "Søk statsforvalterens skjønnsmidler til fornyings- og innovasjonsprosjekter, og se hva som er tildelt."
        ),
        url_name="funding:grants",
        order=50,
    )


@hooks.register("register_profile_section")
def applications_section(request: HttpRequest) -> PageSection | None:
    """The user's kommuner's applications and the office's work, counted, with the way to «Mine søknader»."""
    roles = Roles.of(request.user)
    if not (roles.kommune_ids or roles.offices):
        return None
    own = (
        Application.objects.filter(
            Q(lead_kommune__in=roles.kommune_ids) | Q(co_kommuner__in=roles.kommune_ids), imported=False
        )
        .distinct()
        .count()
        if roles.kommune_ids
        else 0
    )
    to_assess = (
        Application.objects.filter(
            office__in=roles.offices, status__in=(Application.Status.SUBMITTED, Application.Status.UNDER_ASSESSMENT)
        ).count()
        if roles.offices
        else 0
    )
    return PageSection(
        title=_("Innovasjonsmidler"),
        template_name="funding/includes/profile_section.html",
        context={
            "own": own,
            "to_assess": to_assess,
            "is_assessor": bool(roles.offices),
            "is_applicant": bool(roles.kommune_ids),
        },
        order=60,
    )


@hooks.register("register_personal_data")
def personal_funding_data(user) -> tuple[str, object]:
    """Applications the user started, with what they wrote as contact; assessments the user made."""
    started = Application.objects.filter(created_by=user).order_by("pk")
    return (
        "innovasjonsmidler",
        {
            "søknader_du_startet": [
                {
                    "tittel": application.title,
                    "status": application.get_status_display(),
                    "kontaktperson": application.contact_name,
                    "e_post": application.contact_email,
                    "telefon": application.contact_phone,
                    "opprettet": application.created_at.isoformat(),
                }
                for application in started
            ],
            "vurderinger": list(
                Application.objects.filter(assessments__assessor=user).order_by("pk").values_list("title", flat=True)
            ),
        },
    )


class OfficeDeskViewSet(ModelViewSet):
    """Administrators link each statsforvalter office to its verified organisation in the registry;
    the organisation's approved members are then the office's assessors."""

    model = OfficeDesk
    icon = "group"
    menu_label = _("Statsforvalterembeter")
    menu_order = 320
    add_to_admin_menu = True
    list_display = ["office", "organisation"]
    form_fields = ["office", "organisation"]
    search_fields = ["organisation__name"]
    search_backend_name = None


@hooks.register("register_admin_viewset")
def register_office_desks() -> OfficeDeskViewSet:
    return OfficeDeskViewSet("statsforvalterembeter")
