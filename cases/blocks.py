"""StreamField blocks of a case body: the shared blocks plus key figures, documents and lessons."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from innoplatform.core.blocks import BaseStreamBlock


class KeyFigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(label=_("Tall"), max_length=40, help_text=_("For eksempel «1 200» eller «35 %»."))
    label = blocks.CharBlock(label=_("Hva tallet viser"), max_length=200)


class KeyFiguresBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Overskrift"), required=False, max_length=200)
    figures = blocks.ListBlock(KeyFigureBlock(), label=_("Nøkkeltall"), min_num=1, max_num=6)

    class Meta:
        icon = "order"
        label = _("Nøkkeltall")
        template = "cases/blocks/key_figures_block.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Dokument"))
    description = blocks.CharBlock(label=_("Beskrivelse"), required=False, max_length=300)

    class Meta:
        icon = "doc-full"
        label = _("Dokument")
        template = "cases/blocks/document_block.html"


class LessonsBlock(blocks.StructBlock):
    lessons = blocks.ListBlock(blocks.TextBlock(label=_("Læringspunkt")), label=_("Læringspunkter"), min_num=1)

    class Meta:
        icon = "help"
        label = _("Dette lærte vi")
        template = "cases/blocks/lessons_block.html"


class CaseStreamBlock(BaseStreamBlock):
    key_figures = KeyFiguresBlock()
    document = DocumentBlock()
    lessons = LessonsBlock()
