"""The courses' part of the search: course pages and lesson pages as search documents.

A lesson carries the phase of its module, so the search can offer the phase
facet; its quiz questions are left out of the text, so that answers are not
found by searching.
"""

from collections.abc import Iterable

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from innoplatform.core.vocabularies import Phase
from search.analysis import guess_language
from search.documents import Document, IndexedType
from search.registry import register

from .models import CoursePage, LessonPage, ModulePage

LEFT_OUT_BLOCKS = {"quiz"}


def _stream_text(stream) -> str:
    return "\n".join(
        text
        for block in stream
        if block.block_type not in LEFT_OUT_BLOCKS
        for text in block.block.get_searchable_content(block.value)
        if text
    )


@register
class CourseDocuments(IndexedType):
    doc_type = "course"
    label = _("Kurs")
    label_one = _("Kurs")
    model = CoursePage
    order = 20

    def objects(self) -> QuerySet[CoursePage]:
        return CoursePage.objects.live().public()

    def document(self, course: CoursePage) -> Document:
        body = "\n".join([course.audience, _stream_text(course.learning_outcomes), _stream_text(course.body)])
        return Document(
            object_id=course.pk,
            title=course.title,
            url=course.url or "",
            summary=course.introduction,
            body=body,
            slug=course.slug,
            language=guess_language(f"{course.introduction} {body}"),
            date=course.last_published_at.date() if course.last_published_at else None,
        )


@register
class LessonDocuments(IndexedType):
    doc_type = "lesson"
    label = _("Leksjoner")
    label_one = _("Leksjon i et kurs")
    model = LessonPage
    order = 25
    facets = {"fase": _("Fase")}
    related = {ModulePage: lambda module: LessonPage.objects.child_of(module).values_list("pk", flat=True)}

    def objects(self) -> QuerySet[LessonPage]:
        return LessonPage.objects.live().public()

    def documents(self, lessons: Iterable[LessonPage]) -> Iterable[Document]:
        lessons = list(lessons)
        modules = {
            module.path: module
            for module in ModulePage.objects.filter(path__in={lesson.path[: -ModulePage.steplen] for lesson in lessons})
        }
        for lesson in lessons:
            module = modules.get(lesson.path[: -ModulePage.steplen])
            body = _stream_text(lesson.body)
            yield Document(
                object_id=lesson.pk,
                title=lesson.title,
                url=lesson.url or "",
                summary=lesson.introduction,
                body="\n".join([module.title if module else "", body]),
                slug=lesson.slug,
                language=guess_language(f"{lesson.introduction} {body}"),
                date=lesson.last_published_at.date() if lesson.last_published_at else None,
                facets={"fase": [module.phase] if module and module.phase else []},
            )

    def document(self, lesson: LessonPage) -> Document:
        return next(iter(self.documents([lesson])))

    def facet_labels(self, param: str, values) -> dict[str, str]:
        return {str(code): str(label) for code, label in Phase.choices}
