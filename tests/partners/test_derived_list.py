"""The post list's facet counts and order kept as derived data: a new or closed post is shown at once."""

import pytest

from django.core.cache import cache
from django.urls import reverse

from partners.factories import publish_post
from tests.partners.conftest import organisation_with_member

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _derived_on(settings):
    settings.DERIVED_CACHE_SECONDS = 300
    cache.clear()


def kind_label(html: str, kind: str) -> str:
    start = html.index(f'for="f-type-{kind}"')
    return html[start : html.index("</label>", start)]


def test_new_and_closed_posts_change_the_list_and_its_counts(client, django_capture_on_commit_callbacks):
    organisation, _member = organisation_with_member("Skien kommune", "kommune", "4003")
    with django_capture_on_commit_callbacks(execute=True):
        first = publish_post(organisation, "need", "Frivillige leksehjelpere søkes", "Vi søker frivillige.")
    html = client.get(reverse("partners:list")).content.decode()
    assert "Frivillige leksehjelpere søkes" in html and "(1)" in kind_label(html, "need")
    with django_capture_on_commit_callbacks(execute=True):
        publish_post(organisation, "need", "Sensorer i sykehjemmet", "Vi vil prøve ut sensorer.")
    html = client.get(reverse("partners:list")).content.decode()
    assert "Sensorer i sykehjemmet" in html and "(2)" in kind_label(html, "need")
    with django_capture_on_commit_callbacks(execute=True):
        first.status = "closed"
        first.save()
    html = client.get(reverse("partners:list")).content.decode()
    assert "Frivillige leksehjelpere søkes" not in html and "(1)" in kind_label(html, "need")
