"""Middleware of the platform: refusing NUL characters in addresses, slashes under /api/, the UI language."""

from django.conf import settings
from django.middleware import common
from django.urls import resolve
from django.utils import translation
from django.utils.cache import patch_vary_headers

from .api import is_api_request
from .views import bad_request


class RejectNulMiddleware:
    """A NUL character in the address or the query string is never meant: answer 400 before anything reads it.

    PostgreSQL refuses NUL in text, so such a value would otherwise reach a query and fail with a 500.
    Form fields refuse NUL themselves (Django's ProhibitNullCharactersValidator), with a field error.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any("\x00" in key or "\x00" in value for key, value in _pairs(request.GET)):
            return bad_request(request)
        return self.get_response(request)


def _pairs(params):
    for key, values in params.lists():
        for value in values:
            yield key, value


class CommonMiddleware(common.CommonMiddleware):
    """Django's, except that an API address is never redirected into the page tree by appending a slash.

    Wagtail's page route matches any path that ends in a slash, so `/api/kommuner/x/profile` would get a
    301 to a page that does not exist instead of the API's JSON 404.
    """

    def should_redirect_with_slash(self, request) -> bool:
        if not super().should_redirect_with_slash(request):
            return False
        if not is_api_request(request):
            return True
        urlconf = getattr(request, "urlconf", None)
        return resolve(f"{request.path_info}/", urlconf).url_name != "wagtail_serve"


def visitor_language(request) -> str:
    """The language the visitor picked (the language cookie), or bokmål."""
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    return chosen if chosen in {code for code, _name in settings.LANGUAGES} else settings.LANGUAGE_CODE


class SiteLanguageMiddleware:
    """Chooses the UI language: bokmål unless the visitor has picked another language.

    Django's LocaleMiddleware would follow the browser's Accept-Language, which would
    show an English-language browser a partly English public-sector site by surprise.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = visitor_language(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ["Cookie"])
        translation.deactivate()
        return response
