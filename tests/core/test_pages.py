"""Home page, standard pages, navigation and the styled error pages."""

import pytest

from django.test import override_settings

from wagtail.test.utils import WagtailPageTestCase

from innoplatform.core.demo import load_core_demo
from innoplatform.core.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db


def test_home_page_explains_platform_and_links_to_kommuner(client, home_page):
    response = client.get("/")
    assert response.status_code == 200
    assert isinstance(response.context["page"], HomePage)
    content = response.content.decode()
    assert 'href="/kommuner/"' in content
    assert "Dette finner du her" in content


def test_demo_data_fills_home_and_menu_pages_idempotently(client):
    load_core_demo()
    load_core_demo()
    assert HomePage.objects.count() == 1
    assert StandardPage.objects.filter(slug="om-plattformen").count() == 1
    content = client.get("/").content.decode()
    assert "Hvorfor en felles plattform?" in content
    assert 'href="/om-plattformen/"' in content  # menu page in the header
    assert "Personvernerklæring" in content  # footer link from site settings


def test_standard_page_renders_stream_body(client):
    load_core_demo()
    response = client.get("/personvern/")
    assert response.status_code == 200
    assert "Dine rettigheter" in response.content.decode()


def _home_queries(client) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get("/")  # warm the per-process caches (site, locale)
    with CaptureQueriesContext(connection) as queries:
        assert "Hvorfor en felles plattform?" in client.get("/").content.decode()
    return len(queries)


def test_home_page_queries_do_not_grow_with_the_menu_pages(client, django_assert_max_num_queries):
    """The header lists the editors' menu pages: 1 of them, then 21, cost the same queries."""
    load_core_demo()
    home = HomePage.objects.get()
    few = _home_queries(client)
    for n in range(20):
        home.add_child(instance=StandardPage(title=f"Menyside {n}", slug=f"menyside-{n}", show_in_menus=True))
    many = _home_queries(client)
    assert 'href="/menyside-19/"' in client.get("/").content.decode()
    assert few == many, (few, many)
    with django_assert_max_num_queries(20):
        client.get("/")


def test_404_is_styled(client, home_page):
    response = client.get("/finnes-ikke/")
    assert response.status_code == 404
    content = response.content.decode()
    assert "Vi fant ikke siden" in content
    assert "site-header" in content


@override_settings(DEBUG=False)
def test_500_is_styled(rf, home_page):
    from innoplatform.core.views import server_error

    request = rf.get("/")
    response = server_error(request)
    assert response.status_code == 500
    assert "Noe gikk galt" in response.content.decode()


def test_500_falls_back_to_plain_page_when_site_template_fails(rf, monkeypatch):
    from innoplatform.core import views

    def broken_render(*args, **kwargs):
        raise RuntimeError("template failure")

    monkeypatch.setattr(views, "render", broken_render)
    response = views.server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Noe gikk galt hos oss" in response.content.decode()


class TestPageTree(WagtailPageTestCase):
    def test_home_page_only_under_root(self):
        self.assertAllowedParentPageTypes(HomePage, {__import__("wagtail.models").models.Page})

    def test_standard_page_parents(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})


def test_previews_may_be_framed_by_the_admin_and_nothing_else_may(client, home_page):
    preview = home_page.make_preview_request()
    assert "frame-ancestors 'self'" in preview["Content-Security-Policy"]
    assert preview["X-Frame-Options"] == "SAMEORIGIN"
    live = client.get("/")
    assert "frame-ancestors 'none'" in live["Content-Security-Policy"]
    assert live["X-Frame-Options"] == "DENY"
