"""The grant API, mounted at /api/grants/."""

from django.urls import path

from . import api

app_name = "grants_api"

urlpatterns = [
    path("", api.GrantListView.as_view(), name="list"),
    path("<id:id>/", api.GrantDetailView.as_view(), name="detail"),
]
