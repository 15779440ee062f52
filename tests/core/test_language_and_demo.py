"""Language choice and the demo data command."""

import pytest

from django.core.management import call_command

from innoplatform.core.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db


def test_site_is_in_bokmal_even_for_english_browsers(client, home_page):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="nb"' in response.content.decode()
    assert response["Content-Language"] == "nb"


def test_visitor_can_choose_english(client, home_page):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/kommuner/"})
    assert response.status_code == 302
    assert response["Location"] == "/kommuner/"
    content = client.get("/kommuner/").content.decode()
    assert '<html lang="en"' in content
    assert "Find a municipality" in content


def test_unknown_language_cookie_falls_back_to_bokmal(client, home_page, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "xx"
    assert '<html lang="nb"' in client.get("/").content.decode()


def test_load_demo_data_is_idempotent(capsys):
    call_command("load_demo_data")
    counts = (HomePage.objects.count(), StandardPage.objects.count())
    call_command("load_demo_data")
    assert (HomePage.objects.count(), StandardPage.objects.count()) == counts == (1, 3)
    assert "Demoinnholdet er lastet" in capsys.readouterr().out


def test_language_choice_is_in_the_header_with_each_language_named_in_itself(client, home_page):
    html = client.get("/kommuner/").content.decode()
    header = html[html.index("<header") : html.index("</header>")]
    for code, name in (("nb", "Bokmål"), ("nn", "Nynorsk"), ("en", "English")):
        assert f'value="{code}" lang="{code}"' in header and f">{name}</button>" in header
    assert (
        'value="nb" lang="nb" class="ds-button site-language__choice" data-variant="tertiary" data-size="sm" aria-current="true"'
        in header
    )
    assert 'name="next" type="hidden" value="/kommuner/"' in header


def test_content_keeps_its_own_language_under_another_ui_language(client, home_page, settings):
    from innoplatform.core.demo import load_core_demo

    load_core_demo()
    assert 'class="site-hero" lang="nb"' not in client.get("/").content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get("/").content.decode()
    assert '<html lang="en"' in html
    assert '<section class="site-hero" lang="nb">' in html
    assert '<div class="site-prose" lang="nb">' in html


def test_favicon_is_served(client, home_page):
    html = client.get("/").content.decode()
    assert '<link rel="icon" href="/static/img/favicon.svg" type="image/svg+xml">' in html
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"] == "/static/img/favicon.ico"
