"""The courses' API, mounted at /api/kurs/."""

from django.urls import path

from . import api

app_name = "courses_api"

urlpatterns = [
    path("", api.CourseListView.as_view(), name="list"),
    path("<slug:slug>/", api.CourseDetailView.as_view(), name="detail"),
]
