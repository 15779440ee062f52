"""The courses in the Wagtail admin: cohorts edited as a model, and the course reports, both under «Kurs».

The reports are shown only for courses the editor may edit; their figures come
from `courses.reports`, and these views only render them.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import ObjectList
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from innoplatform.core.csv_export import csv_response

from .forms import CohortAdminForm
from .models import Cohort, CoursePage
from .reports import TABLES, course_report, course_summaries, csv_table, reportable_courses

REPORTS = "kursrapporter"
TABLE_TITLES = {
    "pameldinger": gettext_lazy("påmeldinger per måned"),
    "fullforing": gettext_lazy("fullføring per modul og leksjon"),
    "quizsporsmal": gettext_lazy("quizspørsmål rangert etter hvor ofte de besvares feil"),
    "kommuner": gettext_lazy("deltakere per kommune"),
}


class CohortViewSet(ModelViewSet):
    model = Cohort
    icon = "group"
    menu_label = gettext_lazy("Kull")
    list_display = ["name", "course", "starts_on", "facilitator", "invitation_code"]
    search_fields = ["name", "invitation_code"]
    search_backend_name = None
    edit_handler = ObjectList(Cohort.panels, base_form_class=CohortAdminForm)

    def get_queryset(self, request):
        return Cohort.objects.select_related("course", "facilitator")


class ReportMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return reportable_courses(request.user).exists()


class CourseReportIndexView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "courses/admin/report_index.html"
    page_title = gettext_lazy("Kursrapporter")
    header_icon = "table"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        courses = course_summaries(self.request.user)
        if not courses:
            raise PermissionDenied
        return {**super().get_context_data(**kwargs), "courses": courses}


def _reportable(request: HttpRequest, course_id: int) -> CoursePage:
    course = reportable_courses(request.user).filter(pk=course_id).first()
    if course is None:
        raise Http404
    return course


class CourseReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "courses/admin/course_report.html"
    header_icon = "table"

    def get_page_title(self):
        return _("Kursrapport: %(course)s") % {"course": self.course.title}

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(f"{REPORTS}:index"), "label": _("Kursrapporter")},
            {"url": "", "label": self.course.title},
        ]

    def get(self, request, *args, **kwargs):
        self.course = _reportable(request, kwargs["course_id"])
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "report": course_report(self.course)}


def report_csv(request: HttpRequest, course_id: int, table: str) -> HttpResponse:
    """One table of the report as CSV, with the course and the table named in its source line."""
    if table not in TABLES:
        raise Http404
    course = _reportable(request, course_id)
    header, rows = csv_table(course_report(course), table)
    source = _("Innovasjonsplattformen, kursrapport for «%(course)s»: %(table)s") % {
        "course": course.title,
        "table": TABLE_TITLES[table],
    }
    return csv_response(f"kursrapport-{course.slug}-{table}.csv", header, rows, source=source)


class CourseReportViewSet(ViewSet):
    name = REPORTS
    icon = "table"
    menu_label = gettext_lazy("Kursrapporter")

    @cached_property
    def menu_item_class(self):
        return ReportMenuItem

    def get_urlpatterns(self):
        return [
            path("", CourseReportIndexView.as_view(), name="index"),
            path("<id:course_id>/", CourseReportView.as_view(), name="course"),
            path("<id:course_id>/<slug:table>.csv", report_csv, name="csv"),
        ]


class CourseAdminGroup(ViewSetGroup):
    menu_label = gettext_lazy("Kurs")
    menu_icon = "list-ul"
    menu_order = 250
    items = (CohortViewSet, CourseReportViewSet)
