"""The case library's place in the platform: menu section, kommune and organisation pages, personal data, demo."""

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from innoplatform.core.page_sections import PageSection
from innoplatform.core.sections import PlatformSection

from .demo import load_demo_cases
from .facets import CASE_SOURCES
from .library import case_library, ensure_case_index
from .models import CasePage, CaseReuse
from .related import cases_for_kommune
from .scale import load_scale_cases
from .submission import suggestion_statuses


@hooks.register("register_platform_section")
def case_library_section() -> PlatformSection | None:
    if case_library() is None:
        return None
    return PlatformSection(
        label=_("Eksempler"),
        description=_("Se hva andre kommuner har prøvd, hvem de samarbeidet med, og hvordan det gikk."),
        url_name="cases:library",
        order=20,
    )


@hooks.register("register_kommune_section")
def kommune_cases_section(request: HttpRequest, kommune) -> PageSection:
    return PageSection(
        title=_("Eksempler"),
        template_name="cases/includes/kommune_section.html",
        context=lambda: {"kommune": kommune, **cases_for_kommune(kommune)},
        order=20,
        shared_by=CASE_SOURCES,
        shared_key=kommune.number,
    )


@hooks.register("register_organisation_section")
def organisation_cases_section(request: HttpRequest, organisation) -> PageSection | None:
    """The published cases the organisation took part in as a partner (one query)."""
    cases = list(
        CasePage.objects.published()
        .filter(partners__organisation=organisation)
        .defer_streamfields()
        .distinct()
        .order_by("-first_published_at", "pk")
    )
    if not cases:
        return None
    return PageSection(
        title=_("Eksempler organisasjonen har vært med på"),
        template_name="cases/includes/organisation_section.html",
        context={"cases": cases},
        order=20,
    )


@hooks.register("register_profile_section")
def submitted_cases_section(request: HttpRequest) -> PageSection | None:
    """The user's suggestions with where each stands, and the reuse marks the user has set."""
    suggestions = suggestion_statuses(request.user)
    reuses = list(
        CaseReuse.objects.filter(marked_by=request.user).select_related("page", "kommune").order_by("-created_at")
    )
    if not suggestions and not reuses:
        return None
    return PageSection(
        title=_("Eksempler"),
        template_name="cases/includes/profile_section.html",
        context={"suggestions": suggestions, "reuses": reuses},
        order=50,
    )


@hooks.register("register_personal_data")
def personal_case_data(user) -> tuple[str, object]:
    submitted = CasePage.objects.filter(submitted_by=user).order_by("pk")
    reuses = CaseReuse.objects.filter(marked_by=user).select_related("page", "kommune").order_by("pk")
    return (
        "eksempler",
        {
            "foreslått": [
                {"tittel": page.title, "publisert": page.live, "sist_endret": _iso(page.latest_revision_created_at)}
                for page in submitted
            ],
            "markert_tatt_i_bruk": [
                {"eksempel": reuse.page.title, "kommune": reuse.kommune.name, "markert": reuse.created_at.isoformat()}
                for reuse in reuses
            ],
        },
    )


def _iso(moment) -> str | None:
    return moment.isoformat() if moment else None


hooks.register("register_demo_loader", load_demo_cases)
hooks.register("register_scale_loader", load_scale_cases, order=40)
hooks.register("register_site_setup", ensure_case_index)
