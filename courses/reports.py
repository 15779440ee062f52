"""Reports per course for editors: enrolments over time, completion per module and lesson, the quiz questions most
often answered wrong, and participants by kommune.

Every figure is a count over the tables, so it can be checked by hand:

- enrolments per month count every enrolment by the month it was made (in the
  site's time zone), withdrawn ones too; completions by the month the course was
  completed;
- completion rates are shares of the active (not withdrawn) enrolments: a lesson
  is completed when it is marked done, a module when every required lesson in it
  is (a module without required lessons has no rate);
- a question's failure rate is the share of the quiz attempts that included it
  in which it was answered wrong; questions no longer in the lesson, and
  questions never attempted, are left out;
- participants by kommune are active enrolments by the kommune in the
  participant's profile.

A report reads nine queries, however many participants, lessons and attempts.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from django.db.models import Count, DateField, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext as _

from wagtail.permission_policies.pages import PagePermissionPolicy

from .models import CoursePage, Enrollment, LessonCompletion, LessonPage, ModulePage, QuizAttempt
from .progress import ModuleOutline, course_outline

TABLES = ("pameldinger", "fullforing", "quizsporsmal", "kommuner")
"""The report's tables, by the name their CSV download has in its address."""


def reportable_courses(user) -> QuerySet[CoursePage]:
    """The courses whose report `user` may see: those the user may edit in the admin."""
    courses = PagePermissionPolicy(CoursePage).instances_user_has_any_permission_for(user, {"change"})
    return courses.order_by("path")


def course_summaries(user) -> list[CoursePage]:
    """The courses whose report `user` may see, each with `active` and `completed` (active and complete) counts."""
    active = Q(enrollments__withdrawn_at__isnull=True)
    return list(
        reportable_courses(user).annotate(
            active=Count("enrollments", filter=active),
            completed=Count("enrollments", filter=active & Q(enrollments__completed_at__isnull=False)),
        )
    )


@dataclass(frozen=True)
class Share:
    count: int
    of: int

    @property
    def percent(self) -> float | None:
        """The share in per cent with one decimal, or None when there is nothing to take a share of."""
        return round(100 * self.count / self.of, 1) if self.of else None


@dataclass(frozen=True)
class MonthCount:
    month: date
    """The first day of the month."""
    enrolments: int
    completions: int
    total: int
    """Enrolments made up to and including this month."""


@dataclass(frozen=True)
class LessonRate:
    lesson: LessonPage
    completed: Share


@dataclass(frozen=True)
class ModuleRate:
    module: ModulePage
    completed: Share | None
    lessons: list[LessonRate]


@dataclass(frozen=True)
class QuestionFailure:
    lesson: LessonPage
    quiz_title: str
    question: str
    failed: Share
    """Attempts in which the question was answered wrong, of the attempts that included it."""


@dataclass(frozen=True)
class KommuneCount:
    number: str
    """Empty for participants without a kommune in their profile."""
    name: str
    participants: int
    completed: int


@dataclass(frozen=True)
class CourseReport:
    course: CoursePage
    active: int
    months: list[MonthCount]
    modules: list[ModuleRate]
    questions: list[QuestionFailure]
    kommuner: list[KommuneCount]


def _next_month(month: date) -> date:
    return date(month.year + month.month // 12, month.month % 12 + 1, 1)


def _per_month(enrollments: QuerySet[Enrollment], field: str) -> dict[date, int]:
    return dict(
        enrollments.filter(**{f"{field}__isnull": False})
        .annotate(month=TruncMonth(field, output_field=DateField()))
        .order_by("month")
        .values("month")
        .annotate(count=Count("pk"))
        .values_list("month", "count")
    )


def enrolments_by_month(course: CoursePage) -> list[MonthCount]:
    """Every month from the first enrolment to the last enrolment or completion, months without any included."""
    enrollments = Enrollment.objects.filter(course=course)
    enrolled = _per_month(enrollments, "enrolled_at")
    completed = _per_month(enrollments, "completed_at")
    months = sorted({*enrolled, *completed})
    rows: list[MonthCount] = []
    if not months:
        return rows
    month, total = months[0], 0
    while month <= months[-1]:
        total += enrolled.get(month, 0)
        rows.append(MonthCount(month, enrolled.get(month, 0), completed.get(month, 0), total))
        month = _next_month(month)
    return rows


def completion_rates(course: CoursePage, outline: list[ModuleOutline], active: int) -> list[ModuleRate]:
    """Per module and lesson, the share of the `active` enrolments that completed it (one query)."""
    done_by: dict[int, set[int]] = defaultdict(set)
    for enrollment_id, lesson_id in LessonCompletion.objects.filter(
        enrollment__course=course, enrollment__withdrawn_at__isnull=True
    ).values_list("enrollment_id", "lesson_id"):
        done_by[enrollment_id].add(lesson_id)
    modules = []
    for item in outline:
        lessons = [
            LessonRate(lesson, Share(sum(lesson.pk in done for done in done_by.values()), active))
            for lesson in item.lessons
        ]
        required = {lesson.pk for lesson in item.lessons if lesson.required}
        module_done = Share(sum(required <= done for done in done_by.values()), active) if required else None
        modules.append(ModuleRate(item.module, module_done, lessons))
    return modules


def failing_questions(outline: list[ModuleOutline]) -> list[QuestionFailure]:
    """The course's quiz questions, the most often answered wrong first (two queries)."""
    order = [lesson.pk for item in outline for lesson in item.lessons]
    lessons = LessonPage.objects.in_bulk(order)
    questions: dict[tuple[int, str, str], tuple[int, LessonPage, str, str]] = {}
    for lesson_id in order:
        for block in lessons[lesson_id].body if lesson_id in lessons else []:
            if block.block_type != "quiz":
                continue
            for item in block.value["questions"].bound_blocks:
                key = (lesson_id, block.id, item.id)
                questions[key] = (len(questions), lessons[lesson_id], block.value["title"], item.value["question"])
    tally: dict[tuple[int, str, str], list[int]] = defaultdict(lambda: [0, 0])
    for lesson_id, quiz_id, answers, correct in QuizAttempt.objects.filter(lesson_id__in=order).values_list(
        "lesson_id", "quiz_id", "answers", "correct_questions"
    ):
        for question_id in answers:
            key = (lesson_id, quiz_id, question_id)
            if key in questions:
                tally[key][0] += 1
                tally[key][1] += question_id not in correct
    ranked = sorted(
        tally.items(), key=lambda entry: (-Fraction(entry[1][1], entry[1][0]), -entry[1][1], questions[entry[0]][0])
    )
    return [
        QuestionFailure(
            lesson=questions[key][1],
            quiz_title=questions[key][2],
            question=questions[key][3],
            failed=Share(failed, attempts),
        )
        for key, (attempts, failed) in ranked
    ]


def participants_by_kommune(course: CoursePage) -> list[KommuneCount]:
    """Active enrolments by the participant's kommune, the largest first; those without a kommune last."""
    rows = (
        Enrollment.objects.filter(course=course, withdrawn_at__isnull=True)
        .values("user__kommune__number", "user__kommune__name")
        .annotate(participants=Count("pk"), completed=Count("pk", filter=Q(completed_at__isnull=False)))
        .order_by()
    )
    counts = [
        KommuneCount(
            number=row["user__kommune__number"] or "",
            name=row["user__kommune__name"] or _("uten kommune"),
            participants=row["participants"],
            completed=row["completed"],
        )
        for row in rows
    ]
    return sorted(counts, key=lambda row: (not row.number, -row.participants, row.name))


def course_report(course: CoursePage) -> CourseReport:
    outline = course_outline(course)
    active = Enrollment.objects.filter(course=course, withdrawn_at__isnull=True).count()
    return CourseReport(
        course=course,
        active=active,
        months=enrolments_by_month(course),
        modules=completion_rates(course, outline, active),
        questions=failing_questions(outline),
        kommuner=participants_by_kommune(course),
    )


def _decimal(value: float | None) -> str:
    """A share as a Norwegian spreadsheet reads it: decimal comma, empty when there is none."""
    return "" if value is None else str(value).replace(".", ",")


def _share_cells(share: Share | None) -> list:
    return [share.count, share.of, _decimal(share.percent)] if share else ["", "", ""]


def csv_table(report: CourseReport, table: str) -> tuple[list[str], list[list]]:
    """Header and rows of one of the report's tables (`TABLES`), as its CSV download has them."""
    if table == "pameldinger":
        header = [_("måned"), _("nye påmeldinger"), _("fullførte kurset"), _("påmeldinger i alt")]
        return header, [
            [row.month.strftime("%Y-%m"), row.enrolments, row.completions, row.total] for row in report.months
        ]
    if table == "fullforing":
        header = [_("modul"), _("leksjon"), _("fullført"), _("aktive påmeldinger"), _("andel fullført (%)")]
        rows: list[list] = []
        for module in report.modules:
            rows.append([module.module.title, "", *_share_cells(module.completed)])
            rows.extend(
                [module.module.title, item.lesson.title, *_share_cells(item.completed)] for item in module.lessons
            )
        return header, rows
    if table == "quizsporsmal":
        header = [_("plass"), _("spørsmål"), _("leksjon"), _("quiz"), _("forsøk"), _("feil"), _("andel feil (%)")]
        return header, [
            [
                number,
                row.question,
                row.lesson.title,
                row.quiz_title,
                row.failed.of,
                row.failed.count,
                _decimal(row.failed.percent),
            ]
            for number, row in enumerate(report.questions, start=1)
        ]
    if table == "kommuner":
        header = [_("kommunenummer"), _("kommune"), _("deltakere"), _("fullførte kurset")]
        return header, [[row.number, row.name, row.participants, row.completed] for row in report.kommuner]
    raise ValueError(f"Unknown table {table!r}; expected one of {', '.join(TABLES)}")
