"""Two posts with the same title sent at the same moment: the second gets the next address, not an error."""

import pytest

from partners import posts
from partners.factories import publish_post
from tests.partners.conftest import organisation_with_member

pytestmark = pytest.mark.django_db


def test_a_slug_taken_between_reading_and_saving_is_replaced(monkeypatch):
    organisation, _member = organisation_with_member("Skien kommune", "kommune", "4003")
    first = publish_post(organisation, "need", "Sensorer i sykehjemmet", "Vi vil prøve ut sensorer.")
    real = posts.unique_post_slug
    answers = iter([first.slug])  # the other member's post was not there when this one read the slugs

    def stale_then_real(title, exclude=None):
        return next(answers, None) or real(title, exclude)

    monkeypatch.setattr(posts, "unique_post_slug", stale_then_real)
    second = publish_post(organisation, "need", "Sensorer i sykehjemmet", "Vi vil også prøve ut sensorer.")
    assert first.slug == "sensorer-i-sykehjemmet"
    assert second.slug == "sensorer-i-sykehjemmet-2"
