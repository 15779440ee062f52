"""The blocks of a lesson: text and media, reflection questions, quizzes, tools and live lists of cases.

Quizzes and reflections are identified by the block's id (and each question and
option by its list item's id), which Wagtail keeps when editors change a lesson,
so answers stay tied to the question they answer.
"""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from innoplatform.core.blocks import BaseStreamBlock
from innoplatform.core.vocabularies import Challenge, Phase, ServiceArea


class ReflectionBlock(blocks.StructBlock):
    """A question the participant answers in writing; the answer is private and becomes their project notes."""

    question = blocks.CharBlock(label=_("Spørsmål"), max_length=300)
    help_text = blocks.TextBlock(label=_("Hjelpetekst"), required=False)
    use_in_case = blocks.ChoiceBlock(
        label=_("Brukes i eksempelet"),
        choices=[
            ("body", _("I beskrivelsen")),
            ("summary", _("Som sammendrag")),
            ("results", _("Som resultater")),
            ("none", _("Ikke i eksempelet")),
        ],
        default="body",
        help_text=_("Hvor svaret havner når deltakeren deler prosjektet sitt som eksempel."),
    )

    class Meta:
        icon = "edit"
        label = _("Refleksjonsspørsmål")
        template = "courses/blocks/reflection_block.html"


class QuizOptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Svaralternativ"), max_length=300)
    correct = blocks.BooleanBlock(label=_("Riktig"), required=False)
    feedback = blocks.TextBlock(
        label=_("Tilbakemelding"), required=False, help_text=_("Vises når alternativet er valgt.")
    )


class QuizQuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Spørsmål"), max_length=300)
    kind = blocks.ChoiceBlock(
        label=_("Type"),
        choices=[("single", _("Ett riktig svar")), ("multiple", _("Flere riktige svar"))],
        default="single",
    )
    options = blocks.ListBlock(QuizOptionBlock(), label=_("Svaralternativer"), min_num=2, max_num=8)


class QuizBlock(blocks.StructBlock):
    """Graded on the server: the page sent to the browser never says which options are right."""

    title = blocks.CharBlock(label=_("Tittel"), max_length=200, default=_("Test deg selv"))
    questions = blocks.ListBlock(QuizQuestionBlock(), label=_("Spørsmål"), min_num=1)
    pass_mark = blocks.IntegerBlock(label=_("Krav for bestått (prosent)"), min_value=0, max_value=100, default=80)
    max_attempts = blocks.IntegerBlock(
        label=_("Antall forsøk"), required=False, min_value=1, help_text=_("Tomt betyr så mange forsøk deltakeren vil.")
    )

    class Meta:
        icon = "tasks"
        label = _("Quiz")
        template = "courses/blocks/quiz_block.html"


class ToolBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Verktøy eller mal"))
    description = blocks.TextBlock(label=_("Hva verktøyet er til"), required=False)

    class Meta:
        icon = "download"
        label = _("Verktøy eller mal")
        template = "courses/blocks/tool_block.html"


class CasesInPracticeBlock(blocks.StructBlock):
    """A live list of published cases, so a lesson always shows the library as it is now."""

    title = blocks.CharBlock(label=_("Overskrift"), max_length=200, default=_("Se det i praksis"))
    phase = blocks.ChoiceBlock(label=_("Fase"), choices=Phase.choices, required=False)
    service_area = blocks.ChoiceBlock(label=_("Tjenesteområde"), choices=ServiceArea.choices, required=False)
    challenge = blocks.ChoiceBlock(label=_("Utfordring"), choices=Challenge.choices, required=False)
    limit = blocks.IntegerBlock(label=_("Antall eksempler"), min_value=1, max_value=12, default=3)

    class Meta:
        icon = "list-ul"
        label = _("Se det i praksis")
        template = "courses/blocks/cases_in_practice_block.html"

    def get_context(self, value, parent_context=None):
        from cases.public import cases_matching

        context = super().get_context(value, parent_context=parent_context)
        context["cases"] = cases_matching(
            phase=value["phase"] or "",
            service_area=value["service_area"] or "",
            challenge=value["challenge"] or "",
            limit=value["limit"],
        )
        return context


class LessonStreamBlock(BaseStreamBlock):
    reflection = ReflectionBlock()
    quiz = QuizBlock()
    tool = ToolBlock()
    cases = CasesInPracticeBlock()
