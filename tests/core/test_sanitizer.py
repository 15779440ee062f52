"""The nh3 sanitizer keeps the allow-listed markup and removes everything that can run."""

from html.parser import HTMLParser
from urllib.parse import urlsplit

import brs_kb
import pytest

from innoplatform.core.sanitizer import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, ALLOWED_URL_SCHEMES, sanitize_html, strip_html


class _MarkupAudit(HTMLParser):
    """Collects every tag, attribute and link target that survives sanitising."""

    def __init__(self):
        super().__init__()
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED_TAGS:
            self.problems.append(f"tag {tag}")
        for name, value in attrs:
            if name not in ALLOWED_ATTRIBUTES.get(tag, set()) and not (tag == "a" and name == "rel"):
                self.problems.append(f"attribute {name} on {tag}")
            if name == "href" and value:
                scheme = urlsplit(value.strip()).scheme.lower()
                if scheme and scheme not in ALLOWED_URL_SCHEMES:
                    self.problems.append(f"scheme {scheme}")


def problems_in(html: str) -> list[str]:
    audit = _MarkupAudit()
    audit.feed(html)
    audit.close()
    return audit.problems


def test_keeps_allowed_markup():
    html = '<p>Hei <strong>verden</strong> <a href="https://ks.no/">KS</a></p><ul><li>En</li></ul>'
    cleaned = sanitize_html(html)
    assert "<strong>verden</strong>" in cleaned
    assert '<a href="https://ks.no/" rel="noopener noreferrer nofollow">KS</a>' in cleaned
    assert "<li>En</li>" in cleaned


@pytest.mark.parametrize(
    "payload",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        '<a href="javascript:alert(1)">klikk</a>',
        '<p onclick="alert(1)">tekst</p>',
        "<svg><script>alert(1)</script></svg>",
        '<iframe src="https://evil.example"></iframe>',
        "<style>body{display:none}</style>",
    ],
)
def test_removes_known_attacks(payload):
    cleaned = sanitize_html(payload)
    assert problems_in(payload)  # the audit itself recognises the attack
    assert problems_in(cleaned) == []
    assert "<script" not in cleaned.lower()


def test_removes_every_payload_in_the_xss_corpus():
    payloads = [entry["payload"] for entry in brs_kb.get_all_payloads().values()]
    assert len(payloads) > 4000
    survivors = {payload: found for payload in payloads if (found := problems_in(sanitize_html(payload)))}
    assert survivors == {}


def test_strip_html_leaves_only_text():
    assert strip_html("<p>Hei <b>du</b><script>x()</script></p>") == "Hei du"


def test_html_to_text_keeps_words_apart_and_drops_script():
    from innoplatform.core.sanitizer import html_to_text

    html = "<p>Vi har <strong>besøksvenner</strong> &amp; sjåfører.</p><ul><li>én</li><li>to</li></ul><script>alert(1)</script>"
    assert html_to_text(html) == "Vi har besøksvenner & sjåfører. én to"


def test_line_breaks_are_written_as_wagtails_rich_text_stores_them():
    from wagtail.admin.rich_text import DraftailRichTextArea

    from innoplatform.core.sanitizer import text_to_html

    html = text_to_html("Utfordringen\nFlere eldre.")
    assert html == "<p>Utfordringen<br/>Flere eldre.</p>"
    assert "Flere eldre." in DraftailRichTextArea().format_value(html)  # the page editor can open it
