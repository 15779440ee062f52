"""Error views: the site's own styled 404 and 500 pages, and JSON errors under /api/."""

import logging

from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.utils.translation import gettext as _

from .api import is_api_request, json_error

logger = logging.getLogger(__name__)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if is_api_request(request):
        return json_error(_("Finnes ikke."), 404)
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    """Render the styled 500 page; fall back to the bare one if the site itself is broken."""
    if is_api_request(request):
        return json_error(_("Det oppstod en feil hos oss. Prøv igjen senere."), 500)
    try:
        return render(request, "500.html", status=500)
    except Exception:
        logger.exception("Could not render the styled 500 page")
        return HttpResponseServerError(loader.get_template("500_plain.html").render())
