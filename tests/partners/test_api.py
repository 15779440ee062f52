"""The partner API: published posts, matches with reasons, organisations; strict parameters."""

import pytest

from partners.factories import publish_post
from partners.models import CollaborationPost

pytestmark = pytest.mark.django_db


@pytest.fixture
def posts(skien, usn):
    need = publish_post(
        skien,
        "need",
        "Forskningspartner til digitalt nattilsyn",
        "<p>Vi trenger følgeforskning på digitalt nattilsyn i hjemmetjenesten.</p>",
        service_areas=["helse-og-omsorg"],
        challenges=["aldring"],
        seeking=["fou"],
        kommuner=["4003"],
    )
    offer = publish_post(
        usn,
        "offer",
        "Følgeforskning på velferdsteknologi",
        "<p>Vi forsker på digitalt tilsyn og følger piloter.</p>",
        service_areas=["helse-og-omsorg"],
        challenges=["aldring"],
        seeking=["kommune"],
    )
    return need, offer


def test_the_list_shows_published_posts_and_filters_by_code(client, posts):
    data = client.get("/api/posts/").json()
    assert data["count"] == 2
    assert {item["slug"] for item in data["results"]} == {post.slug for post in posts}
    needs = client.get("/api/posts/", {"type": "need"}).json()
    assert [item["slug"] for item in needs["results"]] == [posts[0].slug]
    item = needs["results"][0]
    assert item["organisation"]["name"] == "Skien kommune" and item["seeking_sectors"] == ["fou"]
    assert item["municipalities"] == ["4003"] and item["service_areas"] == ["helse-og-omsorg"]


def test_unknown_codes_are_a_400_naming_the_valid_ones(client, posts):
    response = client.get("/api/posts/", {"utfordring": "tull"})
    assert response.status_code == 400
    assert "aldring" in response.json()["errors"]["utfordring"][0]


def test_matches_come_with_score_and_reasons(client, posts):
    need, offer = posts
    data = client.get(f"/api/posts/{need.slug}/matches/", {"limit": 5}).json()
    assert data["results"][0]["slug"] == offer.slug
    assert 0 < data["results"][0]["score"] <= 100
    assert "begge gjelder helse og omsorg" in data["results"][0]["reasons"]
    for limit in ("0", "21", "fem"):
        assert client.get(f"/api/posts/{need.slug}/matches/", {"limit": limit}).status_code == 400


def test_unpublished_and_expired_posts_are_404(client, posts):
    need, _offer = posts
    CollaborationPost.objects.filter(pk=need.pk).update(status="hidden")
    assert client.get(f"/api/posts/{need.slug}/").status_code == 404
    assert client.get(f"/api/posts/{need.slug}/matches/").status_code == 404


def test_an_organisation_with_its_posts_and_no_members(client, posts, skien):
    data = client.get(f"/api/organisations/{skien.orgnr}/").json()
    assert data["name"] == "Skien kommune" and data["kommune"] == "4003"
    assert [post["slug"] for post in data["posts"]] == [posts[0].slug]
    assert "members" not in data and "@" not in str(data)
    assert client.get("/api/organisations/123456789/").status_code == 404
    assert client.get("/api/organisations/abc/").status_code == 404
