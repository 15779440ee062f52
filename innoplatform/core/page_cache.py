"""Whole-page cache for anonymous visitors, kept on the shared cache (docs/caching.md).

A GET from a visitor with no session and no pending message is answered from the cache when the
same address in the same language was rendered for another such visitor since the content last
changed. Only what every anonymous visitor would be shown is stored: a response that sets a cookie
(a CSRF token, a session, a language choice), carries a CSP nonce, or asks not to be stored is
passed on and never kept.

Invalidation is by generation: every entry holds the content generation it was rendered in, and
any committed write to the database through the ORM (a page published, changed, moved or deleted,
a post, a kommune's figures) starts a new one, so nothing rendered before it is served again. The
entry and the current generation are read together in one round trip to the cache. The generation
is read before the page is rendered, so a page rendered while a write commits is stored under the
old generation and never served. `PAGE_CACHE_SECONDS` bounds the life of every entry, for what
changes with time alone and for writes that bypass the ORM's signals.
"""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponse

from . import generations
from .middleware import visitor_language

HIT_HEADER = "X-Page-Cache"
SKIPPED_PREFIXES = ("/admin/", "/django-admin/", "/api/", "/konto/", "/static/", "/media/", "/i18n/")
STORABLE_VARY = frozenset({"cookie", "accept-language", "accept-encoding"})
SITE_GENERATION = generations.key(generations.SITE)

logger = logging.getLogger(__name__)


class AnonymousPageCacheMiddleware:
    """Serves and stores whole pages for anonymous visitors; sits before the session middleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        seconds = settings.PAGE_CACHE_SECONDS
        key = self._key(request) if seconds > 0 else None
        if key is None:
            return self.get_response(request)
        try:
            found = cache.get_many([SITE_GENERATION, key])
            generation = generations.fill_missing(found, (generations.SITE,))[generations.SITE]
        except Exception:
            logger.warning("The page cache could not be read", exc_info=True)
            return self.get_response(request)
        stored = found.get(key)
        if stored is not None and stored[0] == generation:
            return _rebuild(stored)
        response = self.get_response(request)
        if _storable(response):
            try:
                cache.set(key, _freeze(generation, response), seconds)
            except Exception:
                logger.warning("The page cache could not be written", exc_info=True)
            else:
                response[HIT_HEADER] = "miss"
        return response

    def _key(self, request: HttpRequest) -> str | None:
        """The cache key of this request, or None when the request may see something of its own."""
        if request.method != "GET" or request.path.startswith(SKIPPED_PREFIXES):
            return None
        if settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES:
            return None
        if "HTTP_AUTHORIZATION" in request.META:
            return None
        try:
            host = request.get_host()
        except DisallowedHost:
            return None
        language = visitor_language(request)
        address = hashlib.sha256(f"{request.scheme}://{host}{request.get_full_path()}".encode()).hexdigest()
        return f"page-cache:{language}:{address}"


def _storable(response: HttpResponse) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    if "'nonce-" in response.get("Content-Security-Policy", ""):
        return False
    vary = {part.strip().lower() for part in response.get("Vary", "").split(",") if part.strip()}
    return vary <= STORABLE_VARY


Entry = tuple[str, int, list[tuple[str, str]], bytes]


def _freeze(generation: str, response: HttpResponse) -> Entry:
    headers = [(name, value) for name, value in response.items() if name != HIT_HEADER]
    return generation, response.status_code, headers, response.content


def _rebuild(stored: Entry) -> HttpResponse:
    _generation, status, headers, content = stored
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    response[HIT_HEADER] = "hit"
    return response
