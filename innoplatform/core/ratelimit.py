"""Rate limits for the platform's own views, on the same counters as django-allauth.

Rates are named actions in `ACCOUNT_RATE_LIMITS` (e.g. ``"export_data": "5/m/user"``),
so login, sign-up and the platform's views share one configuration and one cache.
"""

from allauth.core.ratelimit import consume_or_429
from django.http import HttpRequest, HttpResponse


def limit(request: HttpRequest, action: str) -> HttpResponse | None:
    """Count one use of `action`; return a styled 429 response once its rate is spent."""
    return consume_or_429(request, action=action, user=request.user if request.user.is_authenticated else None)
