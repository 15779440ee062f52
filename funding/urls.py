"""Funding pages under /tilskudd/: the public insight, calls, and the applicants' and offices' work."""

from django.urls import include, path

from .views import applications, assessment, calls, reports

app_name = "funding"

urlpatterns = [
    path("", include("funding.insight_urls")),
    path("utlysninger/", calls.call_list, name="calls"),
    path("utlysninger/ny/", calls.call_edit, name="call_create"),
    path("utlysninger/<slug:slug>/", calls.call_detail, name="call"),
    path("utlysninger/<slug:slug>/rediger/", calls.call_edit, name="call_edit"),
    path("utlysninger/<slug:slug>/sok/", applications.start_application, name="start_application"),
    path("utlysninger/<slug:slug>/vurdering/", calls.call_ranking, name="call_ranking"),
    path("soknader/", applications.my_applications, name="my_applications"),
    path("soknader/<int:pk>/", applications.application_detail, name="application"),
    path("soknader/<int:pk>/rediger/", applications.application_edit, name="application_edit"),
    path("soknader/<int:pk>/trekk/", applications.application_withdraw, name="application_withdraw"),
    path("soknader/<int:pk>/vurder/", assessment.assess, name="assess"),
    path("soknader/<int:pk>/vedtak/", assessment.decide, name="decide"),
    path("soknader/<int:pk>/rapport/<slug:kind>/", reports.report_edit, name="report"),
    path("soknader/<int:pk>/rapport/<slug:kind>/behandle/", reports.report_review, name="report_review"),
    path("soknader/<int:pk>/publiser/", reports.publish, name="publish"),
]
