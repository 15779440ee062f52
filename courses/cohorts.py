"""Cohorts (kull) for participants and facilitators: joining with a code, the facilitator's overview, messages.

A participant joins with the cohort's invitation code, typed in any case and with
spaces; an unknown code and a cohort of an unpublished course look the same.
The facilitator sees each group's progress and, only where a participant has
chosen to share them, their reflection answers; quiz answers are never shown.
The overview reads a fixed number of queries however many participants and
lessons there are.
"""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.utils.translation import gettext as _

from innoplatform.core.mail import send_email

from .enrolment import enrol
from .models import (
    Cohort,
    CohortGroup,
    Enrollment,
    LessonCompletion,
    LessonPage,
    ModulePage,
    QuizAttempt,
    ReflectionAnswer,
)
from .progress import ModuleOutline, course_outline


def normalised_code(text: str) -> str:
    """An invitation code as stored: upper case, without the spaces it may have been typed or read aloud with."""
    return "".join(text.split()).upper()


def find_cohort(text: str) -> Cohort | None:
    """The cohort of a published course with this invitation code, or None."""
    return (
        Cohort.objects.select_related("course")
        .filter(invitation_code__iexact=normalised_code(text), course__live=True)
        .prefetch_related("groups")
        .first()
    )


def default_group(groups: list[CohortGroup], user) -> CohortGroup | None:
    """The group of the user's own kommune (from the profile), if the cohort has one."""
    if not user.kommune_id:
        return None
    return next((group for group in groups if group.kommune_id == user.kommune_id), None)


def join_cohort(user, cohort: Cohort, group: CohortGroup | None) -> Enrollment:
    """Enrol `user` in the cohort's course as one of its participants; progress already made is kept."""
    if group is not None and group.cohort_id != cohort.pk:
        raise ValueError("The group belongs to another cohort")
    return enrol(user, cohort.course, cohort=cohort, group=group)


def facilitated_cohort(user, cohort_id: int) -> Cohort | None:
    """The cohort if `user` is its facilitator (or a superuser), else None: others may not know it exists."""
    if not user.is_authenticated:
        return None
    cohorts = Cohort.objects.select_related("course")
    if not user.is_superuser:
        cohorts = cohorts.filter(facilitator=user)
    return cohorts.filter(pk=cohort_id).first()


def cohorts_facilitated_by(user) -> list[Cohort]:
    """The cohorts `user` holds, newest first, each with `participant_count` (active participants)."""
    return list(
        Cohort.objects.filter(facilitator=user)
        .select_related("course")
        .annotate(
            participant_count=Count(
                "enrollments",
                filter=Q(enrollments__withdrawn_at__isnull=True, enrollments__user__is_active=True),
            )
        )
    )


def active_participants(cohort: Cohort) -> QuerySet[Enrollment]:
    """Enrolments in the cohort that are not withdrawn, of accounts that are not deactivated."""
    return Enrollment.objects.filter(cohort=cohort, withdrawn_at__isnull=True, user__is_active=True)


def participant_name(user) -> str:
    return user.get_full_name() or user.email


@dataclass(frozen=True)
class ModuleCount:
    """Required lessons of one module a participant has done, as the participant's own progress counts them."""

    module: ModulePage
    done: int
    total: int


@dataclass(frozen=True)
class SharedAnswer:
    module_title: str
    lesson_title: str
    question: str
    answer: str


@dataclass(frozen=True)
class ParticipantProgress:
    enrollment: Enrollment
    name: str
    modules: list[ModuleCount]
    last_activity: datetime
    shared_answers: list[SharedAnswer]
    """Empty unless the participant has chosen to share their reflections with the facilitator."""

    @property
    def completed(self) -> bool:
        return self.enrollment.completed_at is not None


@dataclass(frozen=True)
class GroupProgress:
    group: CohortGroup | None
    participants: list[ParticipantProgress]

    @property
    def name(self) -> str:
        return self.group.name if self.group else _("Uten gruppe")


@dataclass(frozen=True)
class CohortOverview:
    cohort: Cohort
    outline: list[ModuleOutline]
    groups: list[GroupProgress]

    @property
    def participant_count(self) -> int:
        return sum(len(group.participants) for group in self.groups)


def _latest(model, field: str) -> Subquery:
    rows = model.objects.filter(enrollment=OuterRef("pk")).order_by(f"-{field}").values(field)[:1]
    return Subquery(rows)


def _shared_answers(cohort: Cohort, outline: list[ModuleOutline]) -> dict[int, list[SharedAnswer]]:
    """The reflection answers of the participants who share them, in the course's order (two queries)."""
    rows = ReflectionAnswer.objects.filter(
        enrollment__in=active_participants(cohort).filter(share_reflections=True)
    ).values_list("enrollment_id", "lesson_id", "block_id", "text")
    answers: dict[int, dict[tuple[int, str], str]] = {}
    for enrollment_id, lesson_id, block_id, text in rows:
        if text.strip():
            answers.setdefault(enrollment_id, {})[(lesson_id, block_id)] = text.strip()
    if not answers:
        return {}
    lesson_ids = {lesson_id for by_question in answers.values() for lesson_id, _block in by_question}
    bodies = LessonPage.objects.in_bulk(lesson_ids)
    questions = [
        (outline_item.module.title, lesson.title, lesson.pk, block.id, block.value["question"])
        for outline_item in outline
        for lesson in outline_item.lessons
        if lesson.pk in bodies
        for block in bodies[lesson.pk].body
        if block.block_type == "reflection"
    ]
    return {
        enrollment_id: [
            SharedAnswer(module_title, lesson_title, question, by_question[(lesson_id, block_id)])
            for module_title, lesson_title, lesson_id, block_id, question in questions
            if (lesson_id, block_id) in by_question
        ]
        for enrollment_id, by_question in answers.items()
    }


def cohort_overview(cohort: Cohort) -> CohortOverview:
    """Every group with its active participants and where each stands (seven queries, whatever the numbers)."""
    outline = course_outline(cohort.course)
    groups = list(cohort.groups.all())
    enrollments = list(
        active_participants(cohort)
        .select_related("user")
        .annotate(
            last_completion=_latest(LessonCompletion, "completed_at"),
            last_attempt=_latest(QuizAttempt, "attempted_at"),
            last_reflection=_latest(ReflectionAnswer, "updated_at"),
        )
        .order_by("user__first_name", "user__last_name", "user__email")
    )
    done: dict[int, set[int]] = {}
    for enrollment_id, lesson_id in LessonCompletion.objects.filter(
        enrollment__in=active_participants(cohort)
    ).values_list("enrollment_id", "lesson_id"):
        done.setdefault(enrollment_id, set()).add(lesson_id)
    shared = _shared_answers(cohort, outline)
    by_group: dict[int | None, list[ParticipantProgress]] = {group.pk: [] for group in groups}
    for enrollment in enrollments:
        lessons_done = done.get(enrollment.pk, set())
        moments = [
            enrollment.enrolled_at,
            enrollment.last_completion,
            enrollment.last_attempt,
            enrollment.last_reflection,
        ]
        participant = ParticipantProgress(
            enrollment=enrollment,
            name=participant_name(enrollment.user),
            modules=[
                ModuleCount(
                    item.module,
                    done=sum(lesson.pk in lessons_done for lesson in item.lessons if lesson.required),
                    total=sum(lesson.required for lesson in item.lessons),
                )
                for item in outline
            ],
            last_activity=max(moment for moment in moments if moment is not None),
            shared_answers=shared.get(enrollment.pk, []),
        )
        key = enrollment.group_id if enrollment.group_id in by_group else None
        by_group.setdefault(key, []).append(participant)
    result = [GroupProgress(group, by_group[group.pk]) for group in groups]
    if by_group.get(None):
        result.append(GroupProgress(None, by_group[None]))
    return CohortOverview(cohort, outline, result)


def send_cohort_message(cohort: Cohort, sender, subject: str, text: str) -> int:
    """E-mail every active participant on their own (no one sees another's address); returns how many."""
    addresses = list(active_participants(cohort).values_list("user__email", flat=True))
    course_url = cohort.course.get_full_url()
    footer = _("Sendt av %(sender)s til deltakerne i kullet «%(cohort)s» i kurset «%(course)s».") % {
        "sender": participant_name(sender),
        "cohort": cohort.name,
        "course": cohort.course.title,
    }
    body = f"{text.strip()}\n\n-- \n{footer}\n"
    if course_url:
        body += f"{course_url}\n"
    for address in addresses:
        send_email(settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject, body, [address])
    return len(addresses)
