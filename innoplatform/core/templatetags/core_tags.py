"""Template tags for the site chrome: the main navigation, the language choice and the content's language."""

from django import template
from django.conf import settings
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from wagtail.models import Site

from innoplatform.core.derived import remember
from innoplatform.core.generations import SITE
from innoplatform.core.sanitizer import sanitize_html
from innoplatform.core.sections import platform_sections

register = template.Library()


@register.inclusion_tag("includes/main_navigation.html", takes_context=True)
def main_navigation(context: template.Context) -> dict:
    """The platform's parts followed by the editor's menu pages, marking the current one.

    The items are the same for every visitor until content changes: derived data per language and host.
    """
    request = context.get("request")
    path = request.path if request else ""
    host = request.get_host() if request else ""
    items = remember("main-navigation", (translation.get_language(), host), (SITE,), lambda: _menu_items(request))
    return {
        "items": [
            {**item, "current": bool(path) and path.startswith(item["url"]) and item["url"] != "/"} for item in items
        ]
    }


def _menu_items(request) -> list[dict[str, str]]:
    items = [{"label": str(section.label), "url": section.url} for section in platform_sections()]
    site = Site.find_for_request(request) if request else None
    if site is not None:
        items += [
            {"label": page.title, "url": page.get_url(request)}
            for page in site.root_page.get_children().live().public().in_menu().specific(defer=True)
        ]
    return items


LANGUAGE_NAMES = {"nb": "Bokmål", "nn": "Nynorsk", "en": "English"}
"""Each UI language named in itself, as a visitor looking for it would read it."""


@register.inclusion_tag("includes/language_choice.html", takes_context=True)
def language_choice(context: template.Context) -> dict:
    """One button per UI language in the header; the current one is marked."""
    request = context.get("request")
    current = translation.get_language()
    return {
        "languages": [
            {"code": code, "name": LANGUAGE_NAMES.get(code, code), "current": code == current}
            for code, _name in settings.LANGUAGES
        ],
        "next": request.get_full_path() if request else "/",
    }


@register.simple_tag
def content_lang() -> str:
    """` lang="nb"` on editors' content when the UI is in another language, so screen readers read it right.

    The platform's content is written in one language (WAGTAIL_CONTENT_LANGUAGES); the UI may be in three.
    """
    content_language = settings.WAGTAIL_CONTENT_LANGUAGES[0][0]
    if translation.get_language() == content_language:
        return ""
    return format_html(' lang="{}"', content_language)


@register.filter
def sanitized(html: str) -> str:
    """User HTML cleaned again at output with the one allow-list, so only markup it allows reaches the page."""
    return mark_safe(sanitize_html(html))  # noqa: S308 - the sanitizer's output is the allow-listed markup
