"""Builders of courses for tests and demo content: a course with modules, lessons, quizzes and reflections."""

import uuid
from dataclasses import dataclass, field

from .models import CourseIndexPage, CoursePage, LessonPage, ModulePage


def paragraph(html: str) -> dict:
    return {"type": "paragraph", "value": html, "id": str(uuid.uuid4())}


def reflection(question: str, *, help_text: str = "", use_in_case: str = "body") -> dict:
    return {
        "type": "reflection",
        "value": {"question": question, "help_text": help_text, "use_in_case": use_in_case},
        "id": str(uuid.uuid4()),
    }


def option(text: str, *, correct: bool = False, feedback: str = "") -> dict:
    return {"type": "item", "value": {"text": text, "correct": correct, "feedback": feedback}, "id": str(uuid.uuid4())}


def question(text: str, options: list[dict], *, kind: str = "single") -> dict:
    return {"type": "item", "value": {"question": text, "kind": kind, "options": options}, "id": str(uuid.uuid4())}


def quiz(
    questions: list[dict], *, title: str = "Test deg selv", pass_mark: int = 80, max_attempts: int | None = None
) -> dict:
    return {
        "type": "quiz",
        "value": {"title": title, "questions": questions, "pass_mark": pass_mark, "max_attempts": max_attempts},
        "id": str(uuid.uuid4()),
    }


def cases_in_practice(
    *, title: str = "Se det i praksis", phase: str = "", service_area: str = "", challenge: str = "", limit: int = 3
) -> dict:
    return {
        "type": "cases",
        "value": {"title": title, "phase": phase, "service_area": service_area, "challenge": challenge, "limit": limit},
        "id": str(uuid.uuid4()),
    }


@dataclass
class LessonSpec:
    title: str
    body: list[dict]
    introduction: str = ""
    estimated_minutes: int = 20
    required: bool = True
    slug: str = ""


@dataclass
class ModuleSpec:
    title: str
    phase: str
    lessons: list[LessonSpec] = field(default_factory=list)
    introduction: str = ""
    slug: str = ""


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def build_course(
    index: CourseIndexPage,
    title: str,
    modules: list[ModuleSpec],
    *,
    slug: str,
    introduction: str = "",
    audience: str = "Ansatte i kommuner som arbeider med å utvikle tjenestene.",
    outcomes: tuple[str, ...] = (),
    estimated_hours: int = 6,
    sequential: bool = True,
) -> CoursePage:
    """Create (or return, by slug) a published course with its modules and lessons, in the given order."""
    existing = CoursePage.objects.child_of(index).filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    course = index.add_child(
        instance=CoursePage(
            title=title,
            slug=slug,
            introduction=introduction,
            audience=audience,
            learning_outcomes=[("outcome", outcome) for outcome in outcomes],
            estimated_hours=estimated_hours,
            sequential=sequential,
        )
    )
    publish(course)
    for number, spec in enumerate(modules, start=1):
        module = publish(
            course.add_child(
                instance=ModulePage(
                    title=spec.title,
                    slug=spec.slug or f"modul-{number}",
                    phase=spec.phase,
                    introduction=spec.introduction,
                )
            )
        )
        for lesson_number, lesson_spec in enumerate(spec.lessons, start=1):
            publish(
                module.add_child(
                    instance=LessonPage(
                        title=lesson_spec.title,
                        slug=lesson_spec.slug or f"leksjon-{lesson_number}",
                        introduction=lesson_spec.introduction,
                        body=lesson_spec.body,
                        estimated_minutes=lesson_spec.estimated_minutes,
                        required=lesson_spec.required,
                    )
                )
            )
    return course
