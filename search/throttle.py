"""Rate limits of the search page and the search API, counted per address on the shared counters."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from innoplatform.core.ratelimit import limit


def over_limit(request: HttpRequest, action: str) -> HttpResponse | None:
    """The 429 response once the address has spent `action`'s rate, else None.

    Without a client address to count by (a proxy that passes none), the search stays
    open rather than refusing everyone: searching changes nothing.
    """
    try:
        return limit(request, action)
    except PermissionDenied:
        return None
