"""What hostile text must never do in a browser, and the text to try: shared by the hostile-HTML tests.

`SHORT` fits single-line fields (up to 200 characters), `corpus(limit)` fills longer ones with
own payloads and a spread of the brs-kb corpus. `Watch` listens on a Playwright page for dialogs,
the console marker, CSP violations and requests to the sentinel host; `Watch.visit` opens a page
and also fails on any event-handler attribute or javascript: URL left in the DOM.
"""

import brs_kb
from playwright.sync_api import expect

SENTINEL = "sentinel.invalid"
MARKER = "XSS-MARKER"
SHORT = (  # single-line fields (≤ 200 characters): title, role, budget item, contact name, criterion
    f'<img src=//{SENTINEL}/i onerror=alert(1)>"><svg onload=console.log("{MARKER}")><script>alert(2)</script>'
)
OWN = [
    "</textarea><script>alert('textarea')</script>",
    f"</title><script>console.log('{MARKER}')</script>",
    f'"><img src="https://{SENTINEL}/img.png" onerror="alert(3)">',
    "<a href=\"javascript:alert('lenke')\">les mer</a>",
    f"<iframe srcdoc=\"<script>parent.console.log('{MARKER}')</script>\"></iframe>",
    f"<style>@import url(https://{SENTINEL}/s.css);</style>",
    f'<object data="https://{SENTINEL}/o"></object><embed src="https://{SENTINEL}/e">',
    "<details open ontoggle=alert(4)>",
    "{{ 7*7 }} {% csrf_token %} ${alert(5)}",
]


def corpus(limit: int) -> str:
    """Own payloads and a spread of the brs-kb corpus for HTML, attribute and script contexts, one a line."""
    entries = brs_kb.get_all_payloads()
    chosen = [
        entry["payload"]
        for _key, entry in sorted(entries.items())
        if {"html_content", "html_attribute", "javascript"} & set(entry["contexts"])
        and "\x00" not in entry["payload"]  # the forms refuse NUL characters
    ][::97]
    text = ""
    for line in [*OWN, *chosen]:
        if len(text) + len(line) + 1 > limit:
            break
        text += line + "\n"
    return text.strip()


FORBIDDEN_DOM = """() => {
    const found = [];
    for (const el of document.querySelectorAll('*')) {
        for (const attr of el.attributes) {
            if (attr.name.startsWith('on')) found.push(el.tagName + '[' + attr.name + ']');
            if (/^\\s*javascript:/i.test(attr.value) && ['href', 'src', 'action', 'formaction', 'data'].includes(attr.name))
                found.push(el.tagName + '[' + attr.name + '=javascript:]');
        }
    }
    for (const el of document.querySelectorAll('script:not([src])')) {
        if (/alert|XSS-MARKER/.test(el.textContent)) found.push('inline script: ' + el.textContent.slice(0, 60));
    }
    for (const el of document.querySelectorAll('iframe[srcdoc], object, embed, svg[onload], details[ontoggle]'))
        found.push(el.tagName);
    return found;
}"""


class Watch:
    """What a page must never do: open a dialog, log the marker, break the CSP, call the sentinel host."""

    def __init__(self, page):
        self.dialogs, self.console, self.requests = [], [], []
        page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))
        page.on("console", self._console)
        page.on("request", lambda request: self.requests.append(request.url) if SENTINEL in request.url else None)

    def _console(self, message):
        if MARKER in message.text or "Content Security Policy" in message.text:
            self.console.append(message.text)

    def check_the_checks(self, page) -> None:
        """Markup that does run trips every check here: the test can fail."""
        page.set_content(
            f'<img src="https://{SENTINEL}/c.png" onerror="console.log(\'{MARKER}\'); alert(0)">'
            '<a href="javascript:void(0)">x</a>'
        )
        page.wait_for_timeout(500)
        assert len(page.evaluate(FORBIDDEN_DOM)) == 2
        assert self.dialogs and self.console and self.requests
        for seen in (self.dialogs, self.console, self.requests):
            seen.clear()

    def visit(self, page, url: str, shows: str | None = None) -> None:
        page.goto(url)
        self.check(page, shows)

    def check(self, page, shows: str | None = None) -> None:
        """The page as it is now (after a visit, or after a form was sent) did nothing it must not."""
        page.wait_for_load_state("load")
        url = page.url
        if shows:  # the hostile text is on the page, as text
            expect(page.get_by_text(shows, exact=False).first).to_be_attached()
        page.mouse.move(200, 300)  # hover handlers, if any had slipped through
        bad = page.evaluate(FORBIDDEN_DOM)
        assert bad == [], f"{url}: {bad}"
        assert self.dialogs == [], f"{url}: {self.dialogs}"
        assert self.console == [], f"{url}: {self.console}"
        assert self.requests == [], f"{url}: {self.requests}"
