"""The case library's API, mounted at /api/cases/."""

from django.urls import path

from . import api

app_name = "cases_api"

urlpatterns = [
    path("", api.CaseListView.as_view(), name="list"),
    path("eksport.csv", api.CaseExportView.as_view(), name="csv"),
    path("<slug:slug>/", api.CaseDetailView.as_view(), name="detail"),
]
