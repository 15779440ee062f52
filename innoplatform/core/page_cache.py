"""Whole-page cache for anonymous visitors, kept on the shared cache (docs/caching.md).

A GET from a visitor with no session and no pending message is answered from the cache when the
same address in the same language was rendered for another such visitor since the content last
changed. Only what every anonymous visitor would be shown is stored: a response that sets a cookie
(a CSRF token, a session, a language choice), carries a CSP nonce, or asks not to be stored is
passed on and never kept.

Invalidation is by generation: every entry's key holds the current content generation, and any
committed write to the database through the ORM (a page published, changed, moved or deleted, a
post, a kommune's figures) starts a new one, so nothing written before it is served again. The
generation is read before the page is rendered, so a page rendered while a write commits is
stored under the old generation and never served. `PAGE_CACHE_SECONDS` bounds the life of every
entry, for what changes with time alone and for writes that bypass the ORM's signals.
"""

import hashlib
import logging
import secrets

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse

from .middleware import visitor_language

GENERATION_KEY = "page-cache:generation"
HIT_HEADER = "X-Page-Cache"
# Never shown on a public page, and written on every visit or task: a write here changes no page.
UNSHOWN_APPS = frozenset({"sessions", "django_tasks_database", "admin", "contenttypes"})
SKIPPED_PREFIXES = ("/admin/", "/django-admin/", "/api/", "/konto/", "/static/", "/media/", "/i18n/")
STORABLE_VARY = frozenset({"cookie", "accept-language", "accept-encoding"})

logger = logging.getLogger(__name__)


def invalidate() -> None:
    """Start a new content generation: no page rendered before now is served from the cache again.

    Runs after the write has committed: an unreachable cache must not turn a saved change into an
    error page, and serves nothing stale, since the middleware then serves nothing from it either.
    """
    try:
        cache.set(GENERATION_KEY, secrets.token_hex(8), None)
    except Exception:
        logger.warning("The page cache could not be invalidated", exc_info=True)


def current_generation() -> str:
    return cache.get_or_set(GENERATION_KEY, lambda: secrets.token_hex(8), None)


def _content_changed(sender, **kwargs) -> None:
    # Migrations' historical models (module "__fake__") write before the cache table exists.
    if sender.__module__ != "__fake__" and sender._meta.app_label not in UNSHOWN_APPS:
        transaction.on_commit(invalidate)


def connect_signals() -> None:
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_content_changed, dispatch_uid=f"page-cache-{signal}")


class AnonymousPageCacheMiddleware:
    """Serves and stores whole pages for anonymous visitors; sits before the session middleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        seconds = settings.PAGE_CACHE_SECONDS
        try:
            key = self._key(request) if seconds > 0 else None
            stored = cache.get(key) if key else None
        except Exception:
            logger.warning("The page cache could not be read", exc_info=True)
            return self.get_response(request)
        if key is None:
            return self.get_response(request)
        if stored is not None:
            return _rebuild(stored)
        response = self.get_response(request)
        if _storable(response):
            try:
                cache.set(key, _freeze(response), seconds)
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
        return f"page-cache:{current_generation()}:{language}:{address}"


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


def _freeze(response: HttpResponse) -> tuple[int, list[tuple[str, str]], bytes]:
    headers = [(name, value) for name, value in response.items() if name != HIT_HEADER]
    return response.status_code, headers, response.content


def _rebuild(stored: tuple[int, list[tuple[str, str]], bytes]) -> HttpResponse:
    status, headers, content = stored
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    response[HIT_HEADER] = "hit"
    return response
