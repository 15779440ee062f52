"""Demo content for the courses: two courses, their tools as Word documents, a cohort and its participants.

Idempotent: courses are found by slug, tools by document title, people by e-mail
and the cohort by its invitation code. A participant already enrolled in a
course is left as they are, so a second run adds no attempts or answers. The
participants get where they are through the same services the course pages
use (enrol, complete_lesson, submit_quiz, save_reflection), so the data follows
the rules: order, cohort dates, quiz pass marks and attempt limits.
"""

import copy
import io
from datetime import date, timedelta

from allauth.account.models import EmailAddress

from django.contrib.auth.hashers import make_password
from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail.documents import get_document_model

from innoplatform.accounts.demo import DEMO_PASSWORD
from innoplatform.accounts.models import User
from innoplatform.municipalities.models import Kommune

from .data import CohortSpec, CourseSpec, Participation, Person
from .data.demo_cohort import COHORT, PARTICIPATIONS, PEOPLE
from .data.gevinstrealisering_i_praksis import COURSE as GEVINSTREALISERING
from .data.innovasjon_i_kommunen import COURSE as INNOVASJON_I_KOMMUNEN
from .data.tools import FOOTER, TOOLS, ToolSpec
from .enrolment import enrol
from .factories import build_course
from .library import ensure_course_index
from .models import Cohort, CohortGroup, CohortModuleOpening, CoursePage, Enrollment, LessonPage
from .progress import complete_lesson, course_outline, record_visit, save_reflection, submit_quiz

COURSES: tuple[CourseSpec, ...] = (INNOVASJON_I_KOMMUNEN, GEVINSTREALISERING)


def load_demo_courses(stdout=None) -> None:
    index = ensure_course_index()
    documents = {key: ensure_tool_document(spec) for key, spec in TOOLS.items()}
    courses = {spec.slug: ensure_course(index, spec, documents) for spec in COURSES}
    users = ensure_people(PEOPLE)
    cohort = ensure_cohort(COHORT, courses[COHORT.course], users[COHORT.facilitator])
    new = [plan for plan in PARTICIPATIONS if take_part(plan, courses[plan.course], users[plan.email], cohort)]
    if stdout is not None:
        stdout.write(
            f"Kurs: {len(courses)} kurs, {len(documents)} verktøy, kullet «{cohort.name}», "
            f"{len(PARTICIPATIONS)} påmeldinger ({len(new)} nye)."
        )


# Tools


def tool_document(spec: ToolSpec) -> bytes:
    """The tool as a Word document: title, introduction, then its sections, lists and tables."""
    from docx import Document
    from docx.enum.section import WD_ORIENT

    document = Document()
    document.core_properties.title = spec.title
    document.core_properties.author = "Innovasjonsplattformen"
    if spec.landscape:
        page = document.sections[0]
        page.orientation = WD_ORIENT.LANDSCAPE
        page.page_width, page.page_height = page.page_height, page.page_width
    document.add_heading(spec.title, level=0)
    document.add_paragraph(spec.introduction)
    for kind, *content in spec.parts:
        if kind == "section":
            document.add_heading(content[0], level=1)
        elif kind == "text":
            document.add_paragraph(content[0])
        elif kind in ("bullets", "numbered"):
            style = "List Bullet" if kind == "bullets" else "List Number"
            for item in content[0]:
                document.add_paragraph(item, style=style)
        elif kind == "fields":
            grid = document.add_table(rows=0, cols=2)
            grid.style = "Table Grid"
            for label in content[0]:
                cells = grid.add_row().cells
                cells[0].paragraphs[0].add_run(label).bold = True
        elif kind == "table":
            headers, rows = content
            grid = document.add_table(rows=1, cols=len(headers))
            grid.style = "Table Grid"
            for cell, header in zip(grid.rows[0].cells, headers, strict=True):
                cell.paragraphs[0].add_run(header).bold = True
            for row in rows:
                for cell, value in zip(grid.add_row().cells, row, strict=True):
                    cell.text = value
        else:
            raise ValueError(f"Unknown part of a tool document: {kind!r}")
    document.add_paragraph().add_run(FOOTER).italic = True
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def ensure_tool_document(spec: ToolSpec):
    """The Wagtail document with the tool's title, written if there is none (an editor's upload wins)."""
    Document = get_document_model()
    document = Document.objects.filter(title=spec.title).first()
    if document is None:
        document = Document(title=spec.title, file=ContentFile(tool_document(spec), name=spec.filename))
        document._set_document_file_metadata()
        document.save()
    return document


# Courses


def with_documents(spec: CourseSpec, documents: dict) -> list:
    """The course's modules with every tool block pointing at its document (a copy: the data stays as written)."""
    modules = copy.deepcopy(spec.modules)
    for module in modules:
        for lesson in module.lessons:
            for block in lesson.body:
                if block["type"] == "tool" and isinstance(block["value"]["document"], str):
                    block["value"]["document"] = documents[block["value"]["document"]].pk
    return modules


def ensure_course(index, spec: CourseSpec, documents: dict) -> CoursePage:
    """The course with this slug, built and published with its modules and lessons if it is missing."""
    existed = CoursePage.objects.child_of(index).filter(slug=spec.slug).exists()
    course = build_course(
        index,
        spec.title,
        with_documents(spec, documents),
        slug=spec.slug,
        introduction=spec.introduction,
        audience=spec.audience,
        outcomes=spec.outcomes,
        estimated_hours=spec.estimated_hours,
        sequential=spec.sequential,
    )
    if not existed and spec.body:
        course.body = spec.body
        course.save_revision().publish()
    return course


# People and the cohort


def ensure_people(people: tuple[Person, ...]) -> dict[str, User]:
    """Every demo person by e-mail, with a verified address and the demo password (hashed once for all)."""
    kommuner = Kommune.objects.in_bulk([person.kommune for person in people if person.kommune], field_name="number")
    users = User.objects.in_bulk([person.email for person in people], field_name="email")
    password = None
    for person in people:
        if person.email not in users:
            password = password or make_password(DEMO_PASSWORD)
            users[person.email] = User.objects.create(
                email=person.email,
                first_name=person.first_name,
                last_name=person.last_name,
                job_title=person.job_title,
                kommune=kommuner.get(person.kommune),
                password=password,
            )
        EmailAddress.objects.get_or_create(
            user=users[person.email], email=person.email, defaults={"verified": True, "primary": True}
        )
    return users


def cohort_name(spec: CohortSpec, starts_on: date) -> str:
    season = "våren" if starts_on.month <= 6 else "høsten"
    return f"{spec.region}, {season} {starts_on.year}"


def ensure_cohort(spec: CohortSpec, course: CoursePage, facilitator: User) -> Cohort:
    """The cohort with the spec's invitation code; made once, started some weeks ago, one module opening at a time."""
    cohort = Cohort.objects.filter(invitation_code=spec.invitation_code).first()
    if cohort is not None:
        return cohort
    starts_on = timezone.localdate() - timedelta(weeks=spec.started_weeks_ago)
    numbers = [number for _name, number in spec.groups if number]
    kommuner = Kommune.objects.in_bulk(numbers, field_name="number")
    cohort = Cohort(
        course=course,
        name=cohort_name(spec, starts_on),
        starts_on=starts_on,
        facilitator=facilitator,
        invitation_code=spec.invitation_code,
    )
    cohort.groups = [CohortGroup(name=name, kommune=kommuner.get(number)) for name, number in spec.groups]
    cohort.module_openings = [
        CohortModuleOpening(module=outline.module, opens_on=starts_on + timedelta(weeks=spec.weeks_per_module * n))
        for n, outline in enumerate(course_outline(course))
    ]
    cohort.save()
    return cohort


# Participants


def right_answers(quiz) -> dict[str, list[str]]:
    """Question id → the ids of its correct options, as `submit_quiz` takes them."""
    return {
        item.id: [choice.id for choice in item.value["options"].bound_blocks if choice.value["correct"]]
        for item in quiz.value["questions"].bound_blocks
    }


def wrong_answers(quiz) -> dict[str, list[str]]:
    """Right answers except on the first two questions, where a wrong option is chosen: a near miss that fails."""
    answers = right_answers(quiz)
    for item in quiz.value["questions"].bound_blocks[:2]:
        answers[item.id] = [choice.id for choice in item.value["options"].bound_blocks if not choice.value["correct"]][
            :1
        ]
    return answers


def take_part(plan: Participation, course: CoursePage, user: User, cohort: Cohort) -> bool:
    """Enrol the participant and take them as far as the plan says; False (and nothing done) if already enrolled."""
    if Enrollment.objects.filter(user=user, course=course).exists():
        return False
    group = None
    if plan.group:
        group = cohort.groups.get(name=plan.group)
    enrollment = enrol(user, course, cohort=cohort if group else None, group=group)
    Enrollment.objects.filter(pk=enrollment.pk).update(
        enrolled_at=timezone.now() - timedelta(days=plan.enrolled_days_ago),
        project_title=plan.project_title,
        share_reflections=plan.share_reflections,
    )
    lessons = {
        f"{outline.module.slug}/{lesson.slug}": lesson
        for outline in course_outline(course)
        for lesson in outline.lessons
    }
    named = {*plan.answers, *plan.failed_first, *([plan.failed_attempt_on] if plan.failed_attempt_on else [])}
    if unknown := named - lessons.keys():
        raise ValueError(f"{plan.email}: no such lessons in {course.slug}: {', '.join(sorted(unknown))}")
    last = None
    for key, lesson in list(lessons.items())[: plan.lessons_done]:
        answer(enrollment, lesson, plan.answers.get(key))
        quizzes = lesson.quiz_blocks()
        for quiz in quizzes:
            if key in plan.failed_first:
                submit_quiz(enrollment, lesson, quiz.id, wrong_answers(quiz))
            submit_quiz(enrollment, lesson, quiz.id, right_answers(quiz))
        if not quizzes:
            complete_lesson(enrollment, lesson)
        last = lesson
    if plan.failed_attempt_on:
        last = lessons[plan.failed_attempt_on]
        answer(enrollment, last, plan.answers.get(plan.failed_attempt_on))
        for quiz in last.quiz_blocks():
            submit_quiz(enrollment, last, quiz.id, wrong_answers(quiz))
    if last is not None:
        record_visit(enrollment, last)
    return True


def answer(enrollment: Enrollment, lesson: LessonPage, text: str | None) -> None:
    if not text:
        return
    questions = lesson.reflection_blocks()
    if not questions:
        raise ValueError(f"«{lesson.title}» has no reflection question to answer")
    save_reflection(enrollment, lesson, questions[0].id, text)
