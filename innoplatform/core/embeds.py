"""Video embeds that respect the visitor: YouTube without cookies, Vimeo with do-not-track.

Editors paste a YouTube or Vimeo link; the oEmbed answer's player is rewritten
to YouTube's privacy-enhanced domain, which is also the only YouTube host the
Content Security Policy lets the site frame (`frame-src`).
"""

from wagtail.embeds.finders.oembed import OEmbedFinder
from wagtail.embeds.oembed_providers import vimeo, youtube

YOUTUBE_PLAYERS = ("https://www.youtube.com/embed/", "https://youtube.com/embed/")
PRIVACY_ENHANCED_PLAYER = "https://www.youtube-nocookie.com/embed/"


def privacy_enhanced(html: str) -> str:
    """The embed's HTML with YouTube's player on the no-cookie domain."""
    for player in YOUTUBE_PLAYERS:
        html = html.replace(player, PRIVACY_ENHANCED_PLAYER)
    return html


class PrivacyEnhancedOEmbedFinder(OEmbedFinder):
    """Wagtail's oEmbed finder for YouTube and Vimeo only, with players that do not track."""

    def __init__(self, providers=None, options=None):
        super().__init__(providers=providers or [youtube, vimeo], options={"dnt": "true", **(options or {})})

    def find_embed(self, url, max_width=None, max_height=None):
        result = super().find_embed(url, max_width=max_width, max_height=max_height)
        result["html"] = privacy_enhanced(result.get("html") or "")
        return result


embed_finder_class = PrivacyEnhancedOEmbedFinder
