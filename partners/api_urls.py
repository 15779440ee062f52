"""The partner API, mounted at /api/posts/ (and /api/organisations/ in innoplatform/urls.py)."""

from django.urls import path

from . import api

app_name = "partners_api"

urlpatterns = [
    path("", api.PostListView.as_view(), name="list"),
    path("<slug:slug>/", api.PostDetailView.as_view(), name="detail"),
    path("<slug:slug>/matches/", api.PostMatchesView.as_view(), name="matches"),
]
