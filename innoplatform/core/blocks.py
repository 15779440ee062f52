"""StreamField blocks shared by every page type that has a body."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link", "hr"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Tekst"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Nivå"),
        choices=[("h2", _("Overskrift 2")), ("h3", _("Overskrift 3")), ("h4", _("Overskrift 4"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Overskrift")
        template = "blocks/heading_block.html"


class FigureBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Bilde"))
    caption = blocks.CharBlock(label=_("Bildetekst"), required=False, max_length=300)
    credit = blocks.CharBlock(label=_("Kreditering"), required=False, max_length=200)

    class Meta:
        icon = "image"
        label = _("Bilde")
        template = "blocks/figure_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Sitat"))
    attribution = blocks.CharBlock(label=_("Hvem sa det"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Sitat")
        template = "blocks/quote_block.html"


class InfoBoxBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Tittel"), max_length=200)
    text = blocks.RichTextBlock(label=_("Tekst"), features=["bold", "italic", "link", "ul", "ol"])
    variant = blocks.ChoiceBlock(
        label=_("Type"),
        choices=[("info", _("Informasjon")), ("success", _("Godt å vite")), ("warning", _("Viktig"))],
        default="info",
    )

    class Meta:
        icon = "info-circle"
        label = _("Faktaboks")
        template = "blocks/info_box_block.html"


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(label=_("Avsnitt"), features=RICH_TEXT_FEATURES, icon="pilcrow")
    figure = FigureBlock()
    quote = QuoteBlock()
    info_box = InfoBoxBlock()
    embed = EmbedBlock(label=_("Video eller innbygging"), help_text=_("Lenke til YouTube eller Vimeo"), icon="media")

    class Meta:
        template = "blocks/stream_block.html"
