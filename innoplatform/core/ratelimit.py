"""Rate limits for the platform's own views, on the same counters as django-allauth.

Rates are named actions in `ACCOUNT_RATE_LIMITS` (e.g. ``"export_data": "10/h/user"``),
so login, sign-up and the platform's views share one configuration and one cache.
allauth's public helper skips GET requests, so this calls the internal one that
can count them (allauth is pinned below 66 in pyproject.toml).
"""

from allauth.core.internal.ratelimit import consume_or_429

from django.http import HttpRequest, HttpResponse


def limit(request: HttpRequest, action: str) -> HttpResponse | None:
    """Count one use of `action`; return a styled 429 response once its rate is spent."""
    user = request.user if request.user.is_authenticated else None
    return consume_or_429(request, app="allauth.account", action=action, user=user, limit_get=True)
