"""JSON API of the kommune profiles, mounted at /api/kommuner/."""

from django.urls import re_path

from . import api_views

app_name = "municipalities_api"

urlpatterns = [
    re_path(r"^(?P<number>\d{4})/profile$", api_views.KommuneProfileView.as_view(), name="profile"),
]
