"""The platform's URLs, and a reference page: constant HTML of a given size through the same middleware."""

from django.http import HttpResponse
from django.urls import include, path


def reference_page(request, size: int) -> HttpResponse:
    body = "<!doctype html><html lang=nb><title>Referanse</title><p>" + "x" * max(size - 60, 0) + "</p></html>"
    response = HttpResponse(body)
    response["Cache-Control"] = "no-cache"  # the reference is the view itself, never the page cache
    return response


urlpatterns = [
    path("_referanse/<int:size>/", reference_page),
    path("", include("innoplatform.urls")),
]
