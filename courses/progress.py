"""Where a participant stands in a course, and the rules for moving on.

A module is open when its cohort date (if any) has come and, in a course taken in
order, every required lesson of the module before it is done. A lesson is done
when it is marked done, or, if it has quizzes, when every quiz in it is passed.
The course is complete when every required lesson is done. Every write here is
idempotent: pressing a button twice, or two tabs at once, gives the same state.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from .certificates import issue_certificate
from .models import (
    CohortModuleOpening,
    CoursePage,
    Enrollment,
    LessonCompletion,
    LessonPage,
    ModulePage,
    QuizAttempt,
    ReflectionAnswer,
)
from .quizzes import QuizResult, find_quiz, grade

MAX_REFLECTION_LENGTH = 10_000


class ProgressError(Exception):
    """An action the participant may not take now; `reason` is a code the views explain in words."""

    def __init__(self, reason: str):
        self.reason = reason
        super().__init__(reason)


@dataclass(frozen=True)
class ModuleOutline:
    module: ModulePage
    lessons: list[LessonPage]


def course_outline(course: CoursePage) -> list[ModuleOutline]:
    """The course's live modules and their live lessons, in the editors' order (two queries)."""
    return outlines_for([course])[course.pk]


def outlines_for(courses: list[CoursePage]) -> dict[int, list[ModuleOutline]]:
    """The outlines of several courses at once (two queries however many courses, modules or lessons)."""
    if not courses:
        return {}
    under_a_course = Q()
    for course in courses:
        under_a_course |= Q(path__startswith=course.path)
    modules = list(ModulePage.objects.live().filter(under_a_course, depth=courses[0].depth + 1).order_by("path"))
    lessons = LessonPage.objects.live().filter(under_a_course).defer_streamfields().order_by("path")
    by_module: dict[str, list[LessonPage]] = {module.path: [] for module in modules}
    for lesson in lessons:
        parent_path = lesson.path[: -LessonPage.steplen]
        if parent_path in by_module:
            by_module[parent_path].append(lesson)
    return {
        course.pk: [
            ModuleOutline(module, by_module[module.path]) for module in modules if module.path.startswith(course.path)
        ]
        for course in courses
    }


@dataclass
class LessonProgress:
    lesson: LessonPage
    done: bool


@dataclass
class ModuleProgress:
    module: ModulePage
    lessons: list[LessonProgress]
    is_open: bool
    opens_on: date | None = None
    waits_for: ModulePage | None = None

    @property
    def required(self) -> list[LessonProgress]:
        return [item for item in self.lessons if item.lesson.required]

    @property
    def required_done(self) -> int:
        return sum(item.done for item in self.required)

    @property
    def is_done(self) -> bool:
        return self.required_done == len(self.required)

    @property
    def percent(self) -> int:
        return round(100 * self.required_done / len(self.required)) if self.required else 100


@dataclass
class CourseProgress:
    course: CoursePage
    enrollment: Enrollment | None
    modules: list[ModuleProgress] = field(default_factory=list)

    @property
    def lessons(self) -> list[tuple[ModuleProgress, LessonProgress]]:
        return [(module, item) for module in self.modules for item in module.lessons]

    @property
    def required_total(self) -> int:
        return sum(len(module.required) for module in self.modules)

    @property
    def required_done(self) -> int:
        return sum(module.required_done for module in self.modules)

    @property
    def percent(self) -> int:
        return round(100 * self.required_done / self.required_total) if self.required_total else 0

    @property
    def is_complete(self) -> bool:
        return self.required_total > 0 and self.required_done == self.required_total

    def state_of(self, lesson: LessonPage) -> tuple[ModuleProgress, LessonProgress] | None:
        return next(((module, item) for module, item in self.lessons if item.lesson.pk == lesson.pk), None)

    def neighbours(self, lesson: LessonPage) -> tuple[LessonPage | None, LessonPage | None]:
        """The lessons before and after `lesson` in the course, across modules."""
        ordered = [item.lesson for _module, item in self.lessons]
        index = next((n for n, item in enumerate(ordered) if item.pk == lesson.pk), None)
        if index is None:
            return None, None
        return (ordered[index - 1] if index else None), (ordered[index + 1] if index + 1 < len(ordered) else None)

    @property
    def next_closed_module(self) -> ModuleProgress | None:
        """The first module not open yet: where a participant who has done every open lesson waits."""
        return next((module for module in self.modules if not module.is_open), None)

    @property
    def next_lesson(self) -> LessonPage | None:
        """Where to continue: the last lesson visited if it is not done, else the first open lesson not done."""
        last = self.enrollment.last_lesson_id if self.enrollment else None
        open_items = [(module, item) for module, item in self.lessons if module.is_open]
        for _module, item in open_items:
            if item.lesson.pk == last and not item.done:
                return item.lesson
        return next((item.lesson for _module, item in open_items if not item.done), None)


def course_progress(
    course: CoursePage,
    enrollment: Enrollment | None,
    *,
    outline: list[ModuleOutline] | None = None,
    today: date | None = None,
) -> CourseProgress:
    """The participant's progress through the course (two or three queries besides the outline)."""
    outline = course_outline(course) if outline is None else outline
    done_ids: set[int] = set()
    openings: dict[int, date] = {}
    if enrollment is not None:
        done_ids = set(LessonCompletion.objects.filter(enrollment=enrollment).values_list("lesson_id", flat=True))
        if enrollment.cohort_id:
            openings = dict(enrollment.cohort.module_openings.values_list("module_id", "opens_on"))
    return _progress(course, enrollment, outline, done_ids, openings, today or timezone.localdate())


def progress_for(enrollments: list[Enrollment], *, today: date | None = None) -> dict[int, CourseProgress]:
    """The progress of several enrolments (one user's courses) in four queries, however many there are."""
    outlines = outlines_for([enrollment.course for enrollment in enrollments])
    done: dict[int, set[int]] = {enrollment.pk: set() for enrollment in enrollments}
    for enrollment_id, lesson_id in LessonCompletion.objects.filter(enrollment__in=enrollments).values_list(
        "enrollment_id", "lesson_id"
    ):
        done[enrollment_id].add(lesson_id)
    openings: dict[int, dict[int, date]] = {}
    for cohort_id, module_id, opens_on in CohortModuleOpening.objects.filter(
        cohort_id__in={enrollment.cohort_id for enrollment in enrollments if enrollment.cohort_id}
    ).values_list("cohort_id", "module_id", "opens_on"):
        openings.setdefault(cohort_id, {})[module_id] = opens_on
    today = today or timezone.localdate()
    return {
        enrollment.pk: _progress(
            enrollment.course,
            enrollment,
            outlines[enrollment.course.pk],
            done[enrollment.pk],
            openings.get(enrollment.cohort_id, {}),
            today,
        )
        for enrollment in enrollments
    }


def _progress(
    course: CoursePage,
    enrollment: Enrollment | None,
    outline: list[ModuleOutline],
    done_ids: set[int],
    openings: dict[int, date],
    today: date,
) -> CourseProgress:
    progress = CourseProgress(course, enrollment)
    previous: ModuleProgress | None = None
    for item in outline:
        opens_on = openings.get(item.module.pk)
        waiting = course.sequential and previous is not None and not (previous.is_done and previous.is_open)
        module = ModuleProgress(
            module=item.module,
            lessons=[LessonProgress(lesson, lesson.pk in done_ids) for lesson in item.lessons],
            is_open=(opens_on is None or opens_on <= today) and not waiting,
            opens_on=opens_on,
            waits_for=previous.module if waiting else None,
        )
        progress.modules.append(module)
        previous = module
    return progress


def open_lesson(enrollment: Enrollment, lesson: LessonPage) -> CourseProgress:
    """Check that `lesson` is in the enrolment's course and open to the participant; return the progress."""
    if not enrollment.is_active:
        raise ProgressError("not_enrolled")
    progress = course_progress(enrollment.course, enrollment)
    state = progress.state_of(lesson)
    if state is None:
        raise ProgressError("not_in_course")
    module, _item = state
    if not module.is_open:
        raise ProgressError("module_closed")
    return progress


def record_visit(enrollment: Enrollment, lesson: LessonPage) -> None:
    """Remember the lesson last opened, for «Fortsett der du slapp» (one UPDATE)."""
    if enrollment.last_lesson_id != lesson.pk:
        Enrollment.objects.filter(pk=enrollment.pk).update(last_lesson=lesson)
        enrollment.last_lesson_id = lesson.pk


def _mark_done(enrollment: Enrollment, lesson: LessonPage) -> bool:
    try:
        with transaction.atomic():
            LessonCompletion.objects.create(enrollment=enrollment, lesson=lesson)
    except IntegrityError:
        return False
    return True


def complete_lesson(enrollment: Enrollment, lesson: LessonPage) -> bool:
    """Mark a lesson without quizzes done; True when it was not done before. A lesson with a quiz is done by passing it."""
    open_lesson(enrollment, lesson)
    if any(block.block_type == "quiz" for block in lesson.body):
        raise ProgressError("has_quiz")
    new = _mark_done(enrollment, lesson)
    finish_if_complete(enrollment)
    return new


def attempts_used(enrollment: Enrollment, lesson: LessonPage, quiz_id: str) -> int:
    return QuizAttempt.objects.filter(enrollment=enrollment, lesson=lesson, quiz_id=quiz_id).count()


def submit_quiz(enrollment: Enrollment, lesson: LessonPage, quiz_id: str, answers: dict[str, list[str]]) -> QuizAttempt:
    """Grade and keep an attempt; passing every quiz of the lesson marks the lesson done."""
    open_lesson(enrollment, lesson)
    quiz = find_quiz(lesson.body, quiz_id)
    if quiz is None:
        raise ProgressError("no_such_quiz")
    with transaction.atomic():
        # One attempt at a time per participant and quiz, so the attempt limit holds under double clicks.
        Enrollment.objects.select_for_update().filter(pk=enrollment.pk).first()
        limit = quiz.value["max_attempts"]
        if limit and attempts_used(enrollment, lesson, quiz_id) >= limit and not _passed(enrollment, lesson, quiz_id):
            raise ProgressError("no_attempts_left")
        result: QuizResult = grade(quiz.value, answers)
        attempt = QuizAttempt.objects.create(
            enrollment=enrollment,
            lesson=lesson,
            quiz_id=quiz_id,
            answers={question: list(result.results[question].chosen) for question in result.results},
            correct_questions=result.correct_questions,
            score=result.score,
            passed=result.passed,
        )
    quiz_ids = {block.id for block in lesson.body if block.block_type == "quiz"}
    passed = set(
        QuizAttempt.objects.filter(enrollment=enrollment, lesson=lesson, passed=True).values_list("quiz_id", flat=True)
    )
    if quiz_ids <= passed:
        _mark_done(enrollment, lesson)
        finish_if_complete(enrollment)
    return attempt


def _passed(enrollment: Enrollment, lesson: LessonPage, quiz_id: str) -> bool:
    return QuizAttempt.objects.filter(enrollment=enrollment, lesson=lesson, quiz_id=quiz_id, passed=True).exists()


def save_reflection(enrollment: Enrollment, lesson: LessonPage, block_id: str, text: str) -> ReflectionAnswer:
    """Keep the participant's answer to a reflection question (the latest text wins)."""
    open_lesson(enrollment, lesson)
    if not any(block.block_type == "reflection" and block.id == block_id for block in lesson.body):
        raise ProgressError("no_such_question")
    answer, _created = ReflectionAnswer.objects.update_or_create(
        enrollment=enrollment, lesson=lesson, block_id=block_id, defaults={"text": text[:MAX_REFLECTION_LENGTH]}
    )
    return answer


def finish_if_complete(enrollment: Enrollment) -> bool:
    """Complete the course when every required lesson is done: once, with a certificate and an e-mail."""
    if enrollment.completed_at is not None:
        return False
    if not course_progress(enrollment.course, enrollment).is_complete:
        return False
    return issue_certificate(enrollment)
