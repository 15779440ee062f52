"""The courses' place in the platform: menu, case pages, kommune pages, profile, personal data, set-up and demo."""

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from innoplatform.core.page_sections import PageSection
from innoplatform.core.sections import PlatformSection

from .admin_views import CourseAdminGroup
from .cohorts import cohorts_facilitated_by
from .context import PARTICIPANT_SOURCES, my_courses, participants_from
from .demo import load_demo_courses
from .library import course_index, ensure_course_index, module_for_phase
from .personal_data import personal_course_data
from .scale import load_scale_courses


@hooks.register("register_platform_section")
def courses_section() -> PlatformSection | None:
    index = course_index()
    if index is None:
        return None
    return PlatformSection(
        label=_("Kurs"),
        description=_("Lær innovasjonsprosessen fase for fase, og arbeid med et eget prosjekt underveis."),
        path=index.url,
        order=30,
    )


@hooks.register("register_phase_course_link")
def course_link_for_phase(phase: str) -> tuple[str, str] | None:
    module = module_for_phase(phase)
    if module is None:
        return None
    return str(module.title), module.get_parent().url + f"#modul-{module.pk}"


@hooks.register("register_kommune_section")
def kommune_course_section(request: HttpRequest, kommune) -> PageSection | None:
    counts = participants_from(kommune)
    if not counts["participants"]:
        return None
    return PageSection(
        title=_("Kurs"),
        template_name="courses/includes/kommune_section.html",
        context={"kommune": kommune, **counts},
        order=40,
        shared_by=PARTICIPANT_SOURCES,
        shared_key=kommune.number,
    )


@hooks.register("register_profile_section")
def my_courses_section(request: HttpRequest) -> PageSection | None:
    courses = my_courses(request.user)
    if not courses:
        return None
    return PageSection(
        title=_("Mine kurs"),
        template_name="courses/includes/profile_section.html",
        context={"courses": courses, "url": reverse("courses:mine")},
        order=40,
    )


@hooks.register("register_profile_section")
def facilitated_cohorts_section(request: HttpRequest) -> PageSection | None:
    cohorts = cohorts_facilitated_by(request.user)
    if not cohorts:
        return None
    return PageSection(
        title=_("Kull du holder"),
        template_name="courses/cohort_profile_section.html",
        context={"cohorts": cohorts},
        order=41,
    )


@hooks.register("register_admin_viewset")
def register_course_admin() -> CourseAdminGroup:
    return CourseAdminGroup()


hooks.register("register_personal_data", personal_course_data)
hooks.register("register_site_setup", ensure_course_index)
hooks.register("register_demo_loader", load_demo_courses)
hooks.register("register_scale_loader", load_scale_courses, order=50)
