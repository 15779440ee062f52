"""The course pages: tree rules, what anyone may read, and that quiz answers never reach the browser."""

import pytest

from wagtail.test.utils import WagtailPageTestCase

from courses.models import CourseIndexPage, CoursePage, LessonPage, ModulePage
from innoplatform.core.models import HomePage
from tests.courses.conftest import quiz_of

pytestmark = pytest.mark.django_db


class TestPageTree(WagtailPageTestCase):
    def test_parents_and_children(self):
        self.assertAllowedParentPageTypes(CourseIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(CoursePage, {CourseIndexPage})
        self.assertAllowedParentPageTypes(ModulePage, {CoursePage})
        self.assertAllowedParentPageTypes(LessonPage, {ModulePage})
        self.assertAllowedSubpageTypes(CourseIndexPage, {CoursePage})
        self.assertAllowedSubpageTypes(CoursePage, {ModulePage})
        self.assertAllowedSubpageTypes(ModulePage, {LessonPage})
        self.assertAllowedSubpageTypes(LessonPage, set())


def test_anyone_can_read_the_course_and_is_invited_to_log_in(client, course, lessons):
    html = client.get(course.url).content.decode()
    assert "Innovasjon i kommunen" in html and "Forankring" in html and "Snakk med brukerne" in html
    assert "forankre et innovasjonsarbeid" in html
    assert "Logg inn og meld deg på" in html
    lesson = client.get(lessons[0].url).content.decode()
    assert "Innovasjon er noe nytt som er nyttig." in lesson
    assert "Logg inn og meld deg på kurset" in lesson


def test_the_course_index_lists_courses(client, course_index, course):
    html = client.get(course_index.url).content.decode()
    assert course.url in html and "2 moduler · omtrent 6 timer" in html


def test_quiz_answers_and_feedback_are_never_in_the_page(client, participant, course, lessons):
    from courses.enrolment import enrol

    enrol(participant, course)
    client.force_login(participant)
    lesson = lessons[1]
    html = client.get(lesson.url).content.decode()
    assert "Hvem må være med fra starten?" in html and "Bare IT" in html
    for hidden in ("Ja, ledelsen må eie arbeidet.", "Nei, innovasjon er mer enn teknologi.", "correct", "riktig svar"):
        assert hidden not in html
    for item in quiz_of(lesson).value["questions"].bound_blocks:
        for choice in item.value["options"].bound_blocks:
            assert f'value="{choice.id}"' in html


def test_a_module_has_no_page_of_its_own(client, course):
    module = ModulePage.objects.child_of(course).first()
    response = client.get(module.url)
    assert response.status_code == 302 and response["Location"] == f"{course.url}#modul-{module.pk}"


def test_a_course_cannot_take_an_address_the_course_pages_use(course_index):
    from django.core.exceptions import ValidationError

    page = CoursePage(title="Mine", slug="mine", audience="Alle", learning_outcomes=[])
    with pytest.raises(ValidationError):
        course_index.add_child(instance=page)
