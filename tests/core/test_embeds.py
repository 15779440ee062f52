"""Video embeds: YouTube's player on its no-cookie domain, only YouTube and Vimeo accepted."""

import pytest

from wagtail.embeds import embeds
from wagtail.embeds.exceptions import EmbedUnsupportedProviderException

from innoplatform.core.embeds import privacy_enhanced

YOUTUBE_OEMBED = {
    "type": "video",
    "title": "Velferdsteknologi i Skien",
    "provider_name": "YouTube",
    "thumbnail_url": "https://i.ytimg.com/vi/abc123/hqdefault.jpg",
    "width": 560,
    "height": 315,
    "html": '<iframe width="560" height="315" src="https://www.youtube.com/embed/abc123?feature=oembed" '
    'title="Velferdsteknologi i Skien" allowfullscreen></iframe>',
}


class FakeResponse:
    def __init__(self, data: dict):
        self.data = data

    def raise_for_status(self) -> None:
        return None

    def json(self) -> dict:
        return self.data


@pytest.fixture
def youtube_answers(monkeypatch):
    """YouTube's oEmbed endpoint, answered here (the machine has no internet); records the requests."""
    calls = []

    def fake_get(endpoint, params=None, **kwargs):
        calls.append((endpoint, params))
        return FakeResponse(YOUTUBE_OEMBED)

    monkeypatch.setattr("wagtail.embeds.finders.oembed.requests.get", fake_get)
    return calls


def test_youtube_embeds_use_the_no_cookie_player(db, youtube_answers):
    embed = embeds.get_embed("https://www.youtube.com/watch?v=abc123")
    assert 'src="https://www.youtube-nocookie.com/embed/abc123?feature=oembed"' in embed.html
    assert "www.youtube.com/embed" not in embed.html
    endpoint, params = youtube_answers[0]
    assert endpoint.startswith("https://www.youtube.com/oembed") and params["dnt"] == "true"


def test_other_providers_are_not_embedded(db, youtube_answers):
    with pytest.raises(EmbedUnsupportedProviderException):
        embeds.get_embed("https://www.dailymotion.com/video/x7tgad0")
    assert youtube_answers == []


def test_rewriting_leaves_other_players_alone():
    vimeo = '<iframe src="https://player.vimeo.com/video/76979871?dnt=1"></iframe>'
    assert privacy_enhanced(vimeo) == vimeo
