"""A write that a read-only or locked database refuses is answered 503 «vedlikehold», not 500.

During maintenance the database may be read-only (a PostgreSQL standby or
`default_transaction_read_only`, a read-only SQLite file), locked for a moment,
or shutting down. Pages that only read keep working; a request whose write is
refused gets a styled 503 page (JSON for the API) with Retry-After, and the log
gets a warning, not an error report.

Only an exception from the view reaches `process_exception`; the 503 then passes
back through the other middleware, and the session middleware leaves a session
the view changed unsaved, as on any 5xx. A write refused below the view, in
another middleware, is not seen here: the session saved after a view that
succeeded becomes Django's 400 "session interrupted".
"""

import logging

from django import db
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template import loader
from django.utils.cache import add_never_cache_headers
from django.utils.log import log_response
from django.utils.translation import gettext

from .api import is_api_request, json_error

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 120
SQLITE_MESSAGES = ("attempt to write a readonly database", "database is locked")
POSTGRESQL_SQLSTATES = frozenset(
    {
        "25006",  # read_only_sql_transaction: a standby, or default_transaction_read_only
        "55P03",  # lock_not_available: lock_timeout ran out
        "57P01",  # admin_shutdown: the server is being stopped
        "57P03",  # cannot_connect_now: the server is starting or stopping
    }
)


def is_maintenance_error(error: BaseException) -> bool:
    """Whether a database error means "read-only, locked or going down for now" rather than a fault.

    PostgreSQL says so by SQLSTATE on the driver's exception, which Django's own
    exception carries as its cause; SQLite only by message.
    """
    if not isinstance(error, db.Error):
        return False
    cause: BaseException | None = error
    while cause is not None:
        if getattr(cause, "sqlstate", None) in POSTGRESQL_SQLSTATES:
            return True
        if any(message in str(cause) for message in SQLITE_MESSAGES):
            return True
        cause = cause.__cause__
    return False


def wants_json(request: HttpRequest) -> bool:
    return is_api_request(request) or (
        request.get_preferred_type(["text/html", "application/json"]) == "application/json"
    )


def has_typed_input(request: HttpRequest) -> bool:
    """Whether the refused request carried something the person typed (beyond the CSRF token) that is now lost."""
    if request.method != "POST":
        return False
    return any(
        value.strip() for key, values in request.POST.lists() if key != "csrfmiddlewaretoken" for value in values
    )


def maintenance_response(request: HttpRequest, error: BaseException) -> HttpResponse:
    """The 503 answer: JSON for the API, else the styled page, or the plain one if the site cannot be read either.

    It is logged here as a warning, which also keeps Django from logging the 503 as an error.
    """
    if wants_json(request):
        response = json_error(
            gettext("Nettstedet er under vedlikehold. Endringen er ikke lagret. Prøv igjen om noen minutter."), 503
        )
    else:
        context = {"typed_input_lost": has_typed_input(request)}
        try:
            response = render(request, "503.html", context, status=503)
        except db.Error:
            logger.warning("The styled 503 page needs the database; answering with the plain one", exc_info=True)
            response = HttpResponse(loader.render_to_string("503_plain.html", context), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    log_response(
        "Database refused a write, answered 503: %s %s: %s",
        request.method,
        request.path,
        error,
        response=response,
        request=request,
        logger=logger,
        level="warning",
    )
    return response


class MaintenanceMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not is_maintenance_error(exception):
            return None
        return maintenance_response(request, exception)
