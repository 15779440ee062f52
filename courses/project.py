"""«Mitt innovasjonsprosjekt»: the participant's reflection answers as project notes, a document, and a case.

The notes follow the course: module by module, each question with the answer.
Shared as a case, they pre-fill the case library's suggestion form (through its
own `prefill_suggestion`), and the suggestion then goes through the editors'
moderation like any other.
"""

import io
from dataclasses import dataclass

from django.utils.translation import gettext as _

from innoplatform.municipalities.picker import kommune_label

from .models import Enrollment, LessonPage, ReflectionAnswer
from .progress import course_outline

CASE_SUMMARY_LENGTH = 600


@dataclass(frozen=True)
class ProjectNote:
    module_title: str
    phase: str
    lesson_title: str
    question: str
    answer: str
    use_in_case: str


def project_notes(enrollment: Enrollment) -> list[ProjectNote]:
    """Every answered reflection question, in the course's order (four queries)."""
    answers = {(a.lesson_id, a.block_id): a.text for a in ReflectionAnswer.objects.filter(enrollment=enrollment)}
    if not answers:
        return []
    bodies = LessonPage.objects.in_bulk({lesson_id for lesson_id, _block in answers})
    notes = []
    for outline in course_outline(enrollment.course):
        for lesson in outline.lessons:
            if lesson.pk not in bodies:
                continue
            for block in bodies[lesson.pk].body:
                text = answers.get((lesson.pk, block.id))
                if block.block_type == "reflection" and text and text.strip():
                    notes.append(
                        ProjectNote(
                            outline.module.title,
                            outline.module.phase,
                            lesson.title,
                            block.value["question"],
                            text.strip(),
                            block.value["use_in_case"],
                        )
                    )
    return notes


def project_title(enrollment: Enrollment) -> str:
    return enrollment.project_title or _("Mitt innovasjonsprosjekt i «%(course)s»") % {
        "course": enrollment.course.title
    }


def project_document(enrollment: Enrollment, notes: list[ProjectNote]) -> bytes:
    """The project notes as a Word document (.docx), which a participant can go on writing in."""
    from docx import Document

    document = Document()
    document.core_properties.title = project_title(enrollment)
    document.add_heading(project_title(enrollment), level=0)
    document.add_paragraph(
        _("Notater fra kurset «%(course)s» på Innovasjonsplattformen.") % {"course": enrollment.course.title}
    )
    module = None
    for note in notes:
        if note.module_title != module:
            module = note.module_title
            document.add_heading(module, level=1)
        document.add_heading(note.question, level=2)
        for paragraph in note.answer.split("\n\n"):
            document.add_paragraph(paragraph.strip())
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def case_from_project(enrollment: Enrollment, notes: list[ProjectNote]) -> dict:
    """What the suggestion form is filled with: title, summary, description, results, phase and kommune."""
    summary = [note.answer for note in notes if note.use_in_case == "summary"]
    results = [note.answer for note in notes if note.use_in_case == "results"]
    body = [f"{note.question}\n\n{note.answer}" for note in notes if note.use_in_case == "body"]
    first_body = next((note.answer for note in notes if note.use_in_case == "body"), "")
    return {
        "title": project_title(enrollment)[:200],
        "summary": (summary[0] if summary else first_body)[:CASE_SUMMARY_LENGTH],
        "body": "\n\n".join(body),
        "results": "\n\n".join(results),
        "phase": notes[-1].phase if notes else "",
        "kommuner": [kommune_label(enrollment.user.kommune)] if enrollment.user.kommune_id else [],
    }
