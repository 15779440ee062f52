"""Scale data: the platform's courses and more like them, with many enrolments and completed lessons."""

import math

from innoplatform.accounts.models import User
from innoplatform.core.scale import ScalePlan
from innoplatform.core.vocabularies import Phase

from .demo import COURSES, TOOLS, ensure_course, ensure_tool_document
from .factories import LessonSpec, ModuleSpec, build_course, paragraph
from .library import ensure_course_index
from .models import CoursePage, Enrollment, LessonCompletion, LessonPage

BATCH = 5_000


def _extra_course(index, plan: ScalePlan, number: int) -> CoursePage:
    modules = [
        ModuleSpec(
            f"Modul {m}: {phase.label}",
            phase.value,
            [LessonSpec(f"Leksjon {m}.{n}", [paragraph(f"<p>{plan.text()}</p>")]) for n in range(1, 4)],
        )
        for m, phase in enumerate(list(Phase)[:3], start=1)
    ]
    return build_course(index, f"Fordypning {number}", modules, slug=f"fordypning-{number}", sequential=False)


def load_scale_courses(plan: ScalePlan) -> str:
    index = ensure_course_index()
    documents = {key: ensure_tool_document(spec) for key, spec in TOOLS.items()}
    courses = [ensure_course(index, spec, documents) for spec in COURSES]
    users = list(User.objects.order_by("pk").values_list("pk", flat=True))
    if not users:
        return f"{len(courses)} kurs"
    needed = math.ceil(plan.enrollments * 1.5 / len(users))  # room to draw distinct pairs
    courses += [_extra_course(index, plan, n) for n in range(1, max(needed - len(courses), 0) + 1)]
    lessons = {
        course.pk: list(LessonPage.objects.descendant_of(course).live().order_by("path").values_list("pk", flat=True))
        for course in courses
    }
    pairs: set[tuple[int, int]] = set()
    while len(pairs) < min(plan.enrollments, len(users) * len(courses)):
        pairs.add((plan.random.choice(users), plan.random.choice(courses).pk))
    ordered = sorted(pairs)
    for start in range(0, len(ordered), BATCH):
        enrollments = Enrollment.objects.bulk_create(
            Enrollment(user_id=user_id, course_id=course_id) for user_id, course_id in ordered[start : start + BATCH]
        )
        LessonCompletion.objects.bulk_create(
            LessonCompletion(enrollment=enrollment, lesson_id=lesson_id)
            for enrollment in enrollments
            for lesson_id in lessons[enrollment.course_id][: plan.random.randint(0, len(lessons[enrollment.course_id]))]
        )
    return f"{len(courses)} kurs med {len(ordered)} påmeldinger"
