"""Course, lesson and «Mine kurs» pages cost the same queries with few or many lessons and participants."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses.enrolment import enrol
from courses.factories import LessonSpec, ModuleSpec, build_course, option, paragraph, question, quiz, reflection
from courses.models import LessonCompletion
from courses.progress import course_outline
from innoplatform.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

PHASES = ["forankring", "innsikt", "tjenesteutvikling", "pilotering", "overgang-til-drift", "ny-praksis"]


def course_of_size(index, slug: str, modules: int, lessons: int):
    """A course whose second lesson in each module has a quiz and a reflection."""
    specs = []
    for m in range(modules):
        items = []
        for n in range(lessons):
            body = [paragraph(f"<p>Leksjon {n}</p>")]
            if n == 1:
                body += [
                    quiz([question("Spørsmål", [option("Ja", correct=True), option("Nei")])]),
                    reflection("Hva tenker du?"),
                ]
            items.append(LessonSpec(f"Leksjon {m}.{n}", body))
        specs.append(ModuleSpec(f"Modul {m}", PHASES[m % 6], items))
    return build_course(index, f"Kurs {slug}", specs, slug=slug, sequential=False)


def with_participants(course, count: int):
    lessons = [lesson for outline in course_outline(course) for lesson in outline.lessons]
    for n in range(count):
        enrollment = enrol(UserFactory(), course)
        LessonCompletion.objects.bulk_create(
            LessonCompletion(enrollment=enrollment, lesson=lesson) for lesson in lessons[: n % 4]
        )
    return lessons


def queries(client, url: str) -> int:
    client.get(url)  # warm the per-process caches (site, locale) first
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def counts(client, user, course, lesson) -> tuple[int, int, int]:
    return queries(client, course.url), queries(client, lesson.url), queries(client, reverse("courses:mine"))


def test_pages_cost_the_same_with_few_and_many_lessons_and_participants(
    client, course_index, django_assert_max_num_queries
):
    user = UserFactory()
    client.force_login(user)
    small = course_of_size(course_index, "lite", modules=2, lessons=2)
    small_lessons = with_participants(small, 1)
    enrol(user, small)
    few = counts(client, user, small, small_lessons[1])
    small.unpublish()

    large = course_of_size(course_index, "stort", modules=6, lessons=5)
    large_lessons = with_participants(large, 30)
    enrollment = enrol(user, large)
    LessonCompletion.objects.bulk_create(
        LessonCompletion(enrollment=enrollment, lesson=lesson) for lesson in large_lessons[:7]
    )
    many = counts(client, user, large, large_lessons[1])
    assert few == many, (few, many)
    with django_assert_max_num_queries(32):
        client.get(large_lessons[1].url)
    print(f"course, lesson and «Mine kurs» queries: {few} / {many}")
