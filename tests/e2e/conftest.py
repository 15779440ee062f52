"""Browser tests: Debian's Chromium through Playwright against pytest-django's live server.

The whole folder is skipped when /usr/bin/chromium is missing. Every test gets a
freshly built site (kommune registry and the editorial demo pages), because live
server tests run on a transactional database that is flushed after each test,
which also wipes the rows the data migrations created.
"""

import os
import tempfile
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
E2E_DIR = Path(__file__).resolve().parent
SHOTS_DIR = Path(tempfile.gettempdir()) / "e2e-shots"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def _is_e2e(item) -> bool:
    return Path(item.path).resolve().is_relative_to(E2E_DIR)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    # Run the browser tests last (after pytest-django's own ordering), so that the
    # DJANGO_ALLOW_ASYNC_UNSAFE variable they need is never seen by the other tests,
    # some of which start `manage.py check --deploy` in a subprocess.
    items[:] = [item for item in items if not _is_e2e(item)] + [item for item in items if _is_e2e(item)]
    if CHROMIUM.exists():
        return
    skip = pytest.mark.skip(reason=f"{CHROMIUM} is not installed")
    for item in items:
        if _is_e2e(item):
            item.add_marker(skip)


@pytest.fixture(scope="session", autouse=True)
def _allow_django_orm_beside_playwright():
    """The Playwright sync API keeps an event loop running in the test thread; without
    this Django refuses ORM calls from fixtures and tests ("You cannot call this from an
    async context"). Set before Playwright starts, removed after it has stopped."""
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": DESKTOP, "locale": "nb-NO", "accept_downloads": True}


DATA_MIGRATIONS = [
    ("innoplatform.municipalities.migrations.0004_default_services", "create_default_services"),
    ("innoplatform.municipalities.migrations.0007_national_rates_for_all_ages", "set_national_rates"),
]
"""Rows that data migrations make and the flush after each live-server test wipes: made again per test."""


@pytest.fixture
def site(live_server, transactional_db):
    """The live server's base URL, with the kommune registry, the services and the demo pages in place."""
    from importlib import import_module

    from django.apps import apps

    from innoplatform.core.demo import load_core_demo
    from innoplatform.municipalities.models import Fylke, Kommune
    from innoplatform.municipalities.registry import load_registry

    load_registry(Fylke, Kommune)
    for module, function in DATA_MIGRATIONS:
        getattr(import_module(module), function)(apps, None)
    load_core_demo()
    return live_server.url


@pytest.fixture
def page(page, site):
    """Playwright's page, with timeouts short enough that a broken page fails fast
    and long enough for a busy CI machine."""
    from playwright.sync_api import expect

    expect.set_options(timeout=10_000)
    page.set_default_timeout(10_000)
    page.set_default_navigation_timeout(20_000)
    return page


@pytest.fixture(scope="session")
def axe_runner():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


@pytest.fixture
def axe(axe_runner):
    """`axe(page)` runs axe-core on the page as it is now and fails on any violation."""

    def check(page, context=None):
        results = axe_runner.run(page, context=context)
        # Guard against a silently broken run: axe must have looked at the page.
        assert "violations" in results.response, results.response
        assert results.response.get("testEngine", {}).get("name") == "axe-core", results.response.keys()
        report = results.generate_report()
        if results.violations_count:
            print(f"axe on {page.url}:\n{report}")
        assert results.violations_count == 0, f"axe-core violations on {page.url}:\n{report}"
        return results

    return check


@pytest.fixture
def shoot(browser, site, axe):
    """`shoot(path, name)` saves full-page screenshots of `path` at 1280px and 390px wide.

    Also checks that nothing sticks out sideways, and runs axe on the phone layout
    (`check_axe=False` skips that where the test already ran axe on the same markup).
    Uses its own browser context so the test's own page (and its session) stays untouched;
    pass `storage_state` to take the screenshots as a logged-in user.
    """
    SHOTS_DIR.mkdir(parents=True, exist_ok=True)

    def take(path, name, storage_state=None, check_axe=True):
        for label, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
            context = browser.new_context(viewport=viewport, locale="nb-NO", storage_state=storage_state)
            try:
                shot_page = context.new_page()
                shot_page.goto(site + path)
                shot_page.screenshot(path=str(SHOTS_DIR / f"{name}-{label}.png"), full_page=True)
                # Nothing may stick out sideways on a phone.
                overflow = shot_page.evaluate(
                    "document.documentElement.scrollWidth - document.documentElement.clientWidth"
                )
                assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at {viewport['width']}px"
                if check_axe and viewport is PHONE:
                    axe(shot_page)
            finally:
                context.close()

    return take
