"""The partner pages under /partnere/: posts (partners/post_urls.py) and expressions of interest (partners/interest_urls.py)."""

from django.urls import include, path

app_name = "partners"

urlpatterns = [
    path("interesse/", include("partners.interest_urls")),
    path("", include("partners.post_urls")),
]
