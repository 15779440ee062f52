"""Error views that render the site's own styled 404 and 500 pages."""

import logging

from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader

logger = logging.getLogger(__name__)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    """Render the styled 500 page; fall back to the bare one if the site itself is broken."""
    try:
        return render(request, "500.html", status=500)
    except Exception:
        logger.exception("Could not render the styled 500 page")
        return HttpResponseServerError(loader.get_template("500_plain.html").render())
