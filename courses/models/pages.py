"""The course pages: an index of courses, each course with one module per phase, each module with lessons."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from innoplatform.core.blocks import BaseStreamBlock
from innoplatform.core.models import BasePage
from innoplatform.core.vocabularies import Phase

from ..blocks import LessonStreamBlock

RESERVED_SLUGS = frozenset({"mine", "bevis", "kull", "leksjon"})
"""First parts of /kurs/… that the participant's pages use (courses/urls.py); no course may take one as its slug."""


class CourseIndexPage(BasePage):
    """/kurs/: every published course."""

    parent_page_types = ["core.HomePage"]
    subpage_types = ["courses.CoursePage"]
    max_count = 1
    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    class Meta:
        verbose_name = _("kursoversikt")
        verbose_name_plural = _("kursoversikter")

    def get_context(self, request, *args, **kwargs):
        from ..context import course_index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(course_index_context(request, self))
        return context


class CoursePage(BasePage):
    """A course: who it is for, what one learns, how long it takes, and its modules in order."""

    audience = models.TextField(_("målgruppe"), max_length=600, help_text=_("Hvem kurset er for."))
    learning_outcomes = StreamField(
        [("outcome", blocks.CharBlock(label=_("Læringsmål"), max_length=300))],
        verbose_name=_("læringsmål"),
        help_text=_("Hva deltakeren kan etter kurset, ett mål per linje."),
    )
    estimated_hours = models.PositiveSmallIntegerField(_("omtrent antall timer"), default=6)
    sequential = models.BooleanField(
        _("modulene tas i rekkefølge"),
        default=True,
        help_text=_("En modul åpner når de obligatoriske leksjonene i modulen før er fullført."),
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("om kurset"))

    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.ModulePage"]
    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("audience"),
        FieldPanel("learning_outcomes"),
        FieldRowPanel([FieldPanel("estimated_hours"), FieldPanel("sequential")]),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("kurs")
        verbose_name_plural = pgettext_lazy("flertall", "kurs")

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SLUGS or self.slug.isdigit():
            raise ValidationError({"slug": _("Denne adressen er i bruk av kurssidene. Velg en annen.")})

    def get_context(self, request, *args, **kwargs):
        from ..context import course_context

        context = super().get_context(request, *args, **kwargs)
        context.update(course_context(request, self))
        return context


class ModulePage(BasePage):
    """One phase of KS' roadmap, taught in a few lessons."""

    phase = models.CharField(
        _("fase i innovasjonsprosessen"),
        max_length=30,
        choices=Phase.choices,
        db_index=True,
        help_text=_("Fasen i KS' veikart for tjenesteinnovasjon modulen lærer bort. Eksempler i fasen lenker hit."),
    )

    parent_page_types = ["courses.CoursePage"]
    subpage_types = ["courses.LessonPage"]
    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("phase")]

    class Meta:
        verbose_name = _("modul")
        verbose_name_plural = _("moduler")

    def serve(self, request, *args, **kwargs):
        """A module has no page of its own: it is a part of the course page, and its first lesson begins it."""
        from django.shortcuts import redirect

        return redirect(f"{self.get_parent().url}#modul-{self.pk}")


class LessonPage(BasePage):
    """A lesson: text, media, reflection questions, quizzes, tools and cases in practice."""

    body = StreamField(LessonStreamBlock(), verbose_name=_("innhold"))
    estimated_minutes = models.PositiveSmallIntegerField(_("omtrent antall minutter"), default=20)
    required = models.BooleanField(
        _("obligatorisk"), default=True, help_text=_("Kurset er fullført når alle obligatoriske leksjoner er fullført.")
    )

    parent_page_types = ["courses.ModulePage"]
    subpage_types: list[str] = []
    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("estimated_minutes"), FieldPanel("required")])], heading=_("Om leksjonen")
        ),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("leksjon")
        verbose_name_plural = _("leksjoner")

    def get_context(self, request, *args, **kwargs):
        from ..context import lesson_context

        context = super().get_context(request, *args, **kwargs)
        context.update(lesson_context(request, self))
        return context

    def quiz_blocks(self) -> list:
        return [block for block in self.body if block.block_type == "quiz"]

    def reflection_blocks(self) -> list:
        return [block for block in self.body if block.block_type == "reflection"]
