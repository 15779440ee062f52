"""Partner hooks: the platform section, the kommune and organisation sections, and the moderation queue."""

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from innoplatform.core.page_sections import PageSection
from innoplatform.core.sections import PlatformSection
from innoplatform.municipalities import public as municipalities

from . import demo_hooks, interest_hooks  # noqa: F401  (each registers its own hooks)
from .admin_views import PartnerAdminGroup
from .context import for_cards, posts_for_challenges
from .models import CollaborationPost
from .personal_data import personal_partner_data


@hooks.register("register_platform_section")
def partners_section() -> PlatformSection:
    return PlatformSection(
        label=_("Samarbeid"),
        description=_(
            "Finn partnere: kommuner, frivillige, forskere og næringsliv som trenger eller tilbyr samarbeid."
        ),
        url_name="partners:list",
        order=40,
    )


@hooks.register("register_kommune_section")
def kommune_posts_section(request: HttpRequest, kommune) -> PageSection:
    """Open posts that address the kommune's demographic challenges, or say plainly why none are shown."""

    def context() -> dict:
        state = municipalities.data_states_for([kommune])[kommune.pk]
        challenges = municipalities.kommune_challenges(kommune) if state.has_challenges else []
        return {
            "kommune": kommune,
            "has_challenges": state.has_challenges,
            "challenges": challenges,
            "posts": posts_for_challenges(challenges),
        }

    return PageSection(
        title=_("Samarbeid om kommunens utfordringer"),
        template_name="partners/includes/kommune_section.html",
        context=context,
        order=35,
        # Which posts are open changes with the day as well as with the posts.
        shared_by=("partners", "organisations", "municipalities"),
        shared_key=f"{kommune.number}:{timezone.localdate().isoformat()}",
    )


@hooks.register("register_organisation_section")
def organisation_posts_section(request: HttpRequest, organisation) -> PageSection:
    posts = list(
        for_cards(CollaborationPost.objects.published().filter(organisation=organisation)).order_by(
            "-published_at", "-pk"
        )
    )
    return PageSection(
        title=_("Åpne innlegg"),
        template_name="partners/includes/organisation_section.html",
        context={"organisation": organisation, "posts": posts},
        order=20,
    )


@hooks.register("register_admin_viewset")
def register_partner_admin() -> PartnerAdminGroup:
    return PartnerAdminGroup()


hooks.register("register_personal_data", personal_partner_data)
