"""Error views (the site's own styled 400, 404 and 500 pages, JSON errors under /api/) and the favicon's old address."""

import logging

from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.shortcuts import redirect, render
from django.template import loader
from django.templatetags.static import static
from django.utils.translation import gettext as _

from .api import is_api_request, json_error

logger = logging.getLogger(__name__)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if is_api_request(request):
        return json_error(_("Forespørselen kan ikke leses."), 400)
    return render(request, "400.html", status=400)


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


def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers and crawlers ask for /favicon.ico whatever the page says; send them to the static file."""
    return redirect(static("img/favicon.ico"), permanent=True)
