"""What the course pages show: the list of courses, one course with the participant's progress, one lesson.

Each reads a fixed number of queries however many modules, lessons, participants
or attempts there are.
"""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.http import HttpRequest

from innoplatform.accounts.services import has_verified_email
from innoplatform.core.derived import remember

from .enrolment import enrolment_of
from .models import CourseIndexPage, CoursePage, Enrollment, LessonPage, ModulePage, QuizAttempt, ReflectionAnswer
from .progress import CourseProgress, course_progress, progress_for, record_visit
from .quizzes import Question, QuizResult, grade, questions


def enrolment_block_reason(user) -> str | None:
    """Why the user cannot enrol ("anonymous", "unverified"), or None when they can."""
    if not user.is_authenticated:
        return "anonymous"
    if not has_verified_email(user):
        return "unverified"
    return None


def course_index_context(request: HttpRequest, index: CourseIndexPage) -> dict:
    courses = list(CoursePage.objects.child_of(index).live().order_by("path"))
    module_paths = list(
        ModulePage.objects.live()
        .filter(path__startswith=index.path, depth=index.depth + 2)
        .values_list("path", flat=True)
    )
    modules = {course.pk: sum(path.startswith(course.path) for path in module_paths) for course in courses}
    enrolled: set[int] = set()
    if request.user.is_authenticated:
        enrolled = set(
            Enrollment.objects.filter(user=request.user, withdrawn_at__isnull=True, course__in=courses).values_list(
                "course_id", flat=True
            )
        )
    return {"courses": [(course, modules[course.pk], course.pk in enrolled) for course in courses]}


def course_context(request: HttpRequest, course: CoursePage) -> dict:
    enrollment = enrolment_of(request.user, course)
    progress = course_progress(course, enrollment)
    return {
        "enrollment": enrollment,
        "progress": progress,
        "next_lesson": progress.next_lesson if enrollment else None,
        "enrol_blocked": None if enrollment else enrolment_block_reason(request.user),
    }


@dataclass(frozen=True)
class QuizView:
    """A quiz as the lesson shows it: the questions without answers, and the participant's latest result."""

    id: str
    title: str
    questions: list[Question]
    result: QuizResult | None
    chosen: dict[str, tuple[str, ...]]
    attempts: int
    max_attempts: int | None
    passed: bool

    @property
    def attempts_left(self) -> int | None:
        return None if self.max_attempts is None else max(0, self.max_attempts - self.attempts)

    @property
    def can_try(self) -> bool:
        return not self.passed and (self.attempts_left is None or self.attempts_left > 0)


def _quiz_views(lesson: LessonPage, enrollment: Enrollment | None) -> dict[str, QuizView]:
    attempts = list(QuizAttempt.objects.filter(enrollment=enrollment, lesson=lesson)) if enrollment else []
    views = {}
    for block in lesson.body:
        if block.block_type != "quiz":
            continue
        mine = [attempt for attempt in attempts if attempt.quiz_id == block.id]
        latest = mine[-1] if mine else None
        views[block.id] = QuizView(
            id=block.id,
            title=block.value["title"],
            questions=questions(block.value),
            result=grade(block.value, latest.answers) if latest else None,
            chosen={question: tuple(options) for question, options in (latest.answers if latest else {}).items()},
            attempts=len(mine),
            max_attempts=block.value["max_attempts"],
            passed=any(attempt.passed for attempt in mine),
        )
    return views


def lesson_context(request: HttpRequest, lesson: LessonPage) -> dict:
    course = CoursePage.objects.ancestor_of(lesson).first()
    module = ModulePage.objects.ancestor_of(lesson).first()
    enrollment = enrolment_of(request.user, course) if course else None
    progress = course_progress(course, enrollment) if course else None
    state = progress.state_of(lesson) if progress else None
    is_open = bool(enrollment and state and state[0].is_open)
    if enrollment and state and not getattr(request, "is_preview", False):
        record_visit(enrollment, lesson)
    previous, following = progress.neighbours(lesson) if progress else (None, None)
    reflections = (
        dict(ReflectionAnswer.objects.filter(enrollment=enrollment, lesson=lesson).values_list("block_id", "text"))
        if enrollment
        else {}
    )
    return {
        "course": course,
        "module": module,
        "enrollment": enrollment,
        "progress": progress,
        "module_progress": state[0] if state else None,
        "lesson_done": bool(state and state[1].done),
        "lesson_open": is_open,
        "has_quiz": any(block.block_type == "quiz" for block in lesson.body),
        "quizzes": _quiz_views(lesson, enrollment),
        "reflections": reflections,
        "previous_lesson": previous,
        "next_lesson": following,
        "enrol_blocked": None if enrollment else enrolment_block_reason(request.user),
    }


def my_courses(user) -> list[tuple[Enrollment, CourseProgress]]:
    """Every active enrolment of the user in a published course, with its progress, newest first (five queries)."""
    enrollments = list(
        Enrollment.objects.filter(user=user, withdrawn_at__isnull=True, course__live=True)
        .select_related("course")
        .order_by("-enrolled_at", "-pk")
    )
    progress = progress_for(enrollments)
    return [(enrollment, progress[enrollment.pk]) for enrollment in enrollments]


PARTICIPANT_SOURCES = ("courses", "accounts")
"""Enrolments and the participants' profiles (which kommune they belong to)."""


def participants_from(kommune) -> dict[str, int]:
    """How many people from a kommune (by their profile) have enrolled in a course, and finished one: counts, no names.

    Derived data until an enrolment or a profile changes.
    """
    return remember(
        "kommune-participants",
        kommune.pk,
        PARTICIPANT_SOURCES,
        lambda: Enrollment.objects.filter(user__kommune=kommune).aggregate(
            participants=Count("user", distinct=True),
            completions=Count("user", distinct=True, filter=Q(completed_at__isnull=False)),
        ),
    )
