"""The one place where user-supplied HTML is cleaned, with nh3 and an allow-list.

Every app that accepts HTML from users (case submissions, partner posts, imports)
calls `sanitize_html`; nothing else in the project may mark user HTML as safe.
"""

import html as html_entities
import re

import nh3

from django.template.defaultfilters import linebreaks

ALLOWED_TAGS: frozenset[str] = frozenset(
    {
        "p",
        "br",
        "strong",
        "em",
        "b",
        "i",
        "u",
        "s",
        "sub",
        "sup",
        "ul",
        "ol",
        "li",
        "a",
        "h2",
        "h3",
        "h4",
        "blockquote",
        "code",
        "pre",
        "abbr",
        "hr",
    }
)
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {"a": {"href", "title", "hreflang"}, "abbr": {"title"}}
ALLOWED_URL_SCHEMES: frozenset[str] = frozenset({"http", "https", "mailto", "tel"})
LINK_REL = "noopener noreferrer nofollow"


LINE_BREAK = re.compile(r"<br>")


def sanitize_html(html: str) -> str:
    """Return `html` with every tag, attribute and URL scheme outside the allow-list removed.

    Line breaks come out as `<br/>`, the form Wagtail's rich text stores: its editor cannot open a `<br>`.
    """
    cleaned = nh3.clean(
        html or "",
        tags=set(ALLOWED_TAGS),
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=set(ALLOWED_URL_SCHEMES),
        link_rel=LINK_REL,
        strip_comments=True,
    )
    return LINE_BREAK.sub("<br/>", cleaned)


def strip_html(html: str) -> str:
    """Return the text of `html` with all markup removed (entities stay escaped)."""
    return nh3.clean(html or "", tags=set(), attributes={}, strip_comments=True)


def text_to_html(text: str) -> str:
    """Plain text becomes escaped paragraphs; text with markup keeps only what the allow-list allows."""
    html = text if "<" in text else linebreaks(text, autoescape=True)
    return sanitize_html(html)


BLOCK_END = re.compile(r"</(?:p|li|h[2-4]|blockquote|pre)>|<br\s*/?>", re.IGNORECASE)


def html_to_text(html: str) -> str:
    """The words of `html` as plain text (entities decoded), with a space where a block or line ended."""
    return " ".join(html_entities.unescape(strip_html(BLOCK_END.sub(" ", html or ""))).split())
