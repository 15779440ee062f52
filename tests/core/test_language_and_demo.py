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
