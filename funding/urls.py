"""Funding pages under /tilskudd/: the public insight, calls, and the applicants' and offices' work."""

from django.urls import include, path

app_name = "funding"

urlpatterns = [
    path("", include("funding.insight_urls")),
]
