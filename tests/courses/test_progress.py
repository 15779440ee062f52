"""The progress rules: order, quizzes graded on the server, idempotent completion, completion with a certificate."""

from datetime import timedelta

import pytest

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from courses.enrolment import enrol
from courses.models import Cohort, CohortModuleOpening, LessonCompletion, ModulePage, QuizAttempt
from courses.progress import ProgressError, complete_lesson, course_progress, submit_quiz
from tests.courses.conftest import quiz_of, right_answers, small_course, wrong_answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def enrolled(client, participant, course):
    enrollment = enrol(participant, course)
    client.force_login(participant)
    return enrollment


def post_quiz(client, lesson, data):
    return client.post(reverse("courses:quiz", args=[lesson.pk, quiz_of(lesson).id]), data)


def complete(client, lesson):
    return client.post(reverse("courses:complete", args=[lesson.pk]))


def test_a_lesson_is_marked_done_once_however_often_it_is_pressed(client, enrolled, lessons):
    for _ in range(3):
        assert complete(client, lessons[0]).status_code == 302
    assert LessonCompletion.objects.filter(enrollment=enrolled).count() == 1
    assert "Fullført" in client.get(lessons[0].url).content.decode()


def test_a_lesson_with_a_quiz_is_done_only_by_passing_it(client, enrolled, lessons):
    complete(client, lessons[1])
    assert not LessonCompletion.objects.filter(lesson=lessons[1]).exists()
    post_quiz(client, lessons[1], wrong_answers(lessons[1]))
    assert not LessonCompletion.objects.filter(lesson=lessons[1]).exists()
    html = client.get(lessons[1].url).content.decode()
    assert "Siste forsøk: 0 % riktig." in html and "Nei, innovasjon er mer enn teknologi." in html
    assert "Du har 2 forsøk igjen." in html
    post_quiz(client, lessons[1], right_answers(lessons[1]))
    assert LessonCompletion.objects.filter(lesson=lessons[1]).exists()
    attempts = list(QuizAttempt.objects.filter(enrollment=enrolled).values_list("score", "passed"))
    assert attempts == [(0, False), (100, True)]


def test_grading_is_done_on_the_server_and_needs_exactly_the_right_options(client, enrolled, lessons):
    lesson = lessons[1]
    answers = right_answers(lesson)
    multiple = next(key for key, value in answers.items() if len(value) == 2)
    half = {**answers, multiple: answers[multiple][:1]}
    post_quiz(client, lesson, half)
    assert QuizAttempt.objects.get().score == 50
    forged = {**answers, multiple: [*answers[multiple], "finnes-ikke"]}
    post_quiz(client, lesson, forged)
    assert QuizAttempt.objects.last().score == 100  # an unknown option id is ignored, not counted wrong or right


def test_the_attempt_limit_holds(client, enrolled, lessons):
    for _ in range(4):
        post_quiz(client, lessons[1], wrong_answers(lessons[1]))
    assert QuizAttempt.objects.count() == 3
    html = client.get(lessons[1].url).content.decode()
    assert "Du har brukt alle forsøkene" in html
    with pytest.raises(ProgressError, match="no_attempts_left"):
        submit_quiz(enrolled, lessons[1], quiz_of(lessons[1]).id, {})


def test_modules_taken_in_order_open_one_after_the_other(client, enrolled, lessons):
    assert complete(client, lessons[2]).status_code == 302
    assert not LessonCompletion.objects.filter(lesson=lessons[2]).exists()
    assert "Modulen er ikke åpnet for deg ennå" in client.get(lessons[2].url).content.decode()
    assert (
        "Åpner når du har fullført «Forankring»."
        in client.get(lessons[0].get_parent().get_parent().url).content.decode()
    )
    complete(client, lessons[0])
    post_quiz(client, lessons[1], right_answers(lessons[1]))
    complete(client, lessons[2])
    assert LessonCompletion.objects.filter(lesson=lessons[2]).exists()


def test_without_order_any_module_can_be_taken(participant, course_index):
    course = small_course(course_index, slug="fritt", sequential=False)
    enrollment = enrol(participant, course)
    third = course_progress(course, enrollment).modules[1].lessons[0].lesson
    assert complete_lesson(enrollment, third) is True


def test_a_cohort_opens_its_modules_on_their_dates(participant, course, lessons):
    cohort = Cohort.objects.create(course=course, name="Telemark høst", starts_on=timezone.localdate())
    second = ModulePage.objects.child_of(course).order_by("path").last()
    CohortModuleOpening.objects.create(cohort=cohort, module=second, opens_on=timezone.localdate() + timedelta(days=7))
    enrollment = enrol(participant, course, cohort=cohort)
    complete_lesson(enrollment, lessons[0])
    submit_quiz(
        enrollment, lessons[1], quiz_of(lessons[1]).id, {k[2:]: v for k, v in right_answers(lessons[1]).items()}
    )
    progress = course_progress(course, enrollment)
    assert not progress.modules[1].is_open and progress.modules[1].opens_on == timezone.localdate() + timedelta(days=7)
    with pytest.raises(ProgressError, match="module_closed"):
        complete_lesson(enrollment, lessons[2])
    assert course_progress(course, enrollment, today=timezone.localdate() + timedelta(days=7)).modules[1].is_open
    assert progress.next_lesson is None and progress.next_closed_module.module == second


def test_finishing_every_required_lesson_completes_the_course_once(
    client, enrolled, lessons, participant, django_capture_on_commit_callbacks
):
    complete(client, lessons[0])
    post_quiz(client, lessons[1], right_answers(lessons[1]))
    with django_capture_on_commit_callbacks(execute=True):
        complete(client, lessons[2])  # the fourth lesson is optional
        complete(client, lessons[2])
    enrolled.refresh_from_db()
    assert enrolled.completed_at is not None and len(enrolled.certificate_code) == 14
    certificates = [message for message in mail.outbox if "Kursbevis" in message.subject]
    assert len(certificates) == 1 and enrolled.certificate_code in certificates[0].body
    page = client.get(enrolled.course.url).content.decode()
    assert (
        "Du har fullført kurset." in page and reverse("courses:certificate", args=[enrolled.certificate_code]) in page
    )


def test_continue_where_you_left_off(client, enrolled, lessons, course):
    assert "Begynn på kurset" in client.get(course.url).content.decode()
    complete(client, lessons[0])
    client.get(lessons[1].url)
    html = client.get(course.url).content.decode()
    assert "Fortsett der du slapp" in html and f'href="{lessons[1].url}"' in html
    mine = client.get(reverse("courses:mine")).content.decode()
    assert "Forankre i ledelsen" in mine and "1 av 3 leksjoner fullført (33 %)" in mine


def test_withdrawing_keeps_the_progress_for_the_next_enrolment(client, enrolled, lessons, course, participant):
    complete(client, lessons[0])
    client.post(reverse("courses:withdraw", args=[course.pk]))
    assert "Meld meg på" in client.get(course.url).content.decode()
    client.post(reverse("courses:enrol", args=[course.pk]))
    assert course_progress(course, enrolled).required_done == 1


def test_a_participant_who_has_done_all_that_is_open_is_told_when_the_next_module_opens(
    client, participant, course, lessons
):
    cohort = Cohort.objects.create(course=course, name="Telemark høst", starts_on=timezone.localdate())
    second = ModulePage.objects.child_of(course).order_by("path").last()
    opens_on = timezone.localdate() + timedelta(days=7)
    CohortModuleOpening.objects.create(cohort=cohort, module=second, opens_on=opens_on)
    enrollment = enrol(participant, course, cohort=cohort)
    complete_lesson(enrollment, lessons[0])
    submit_quiz(
        enrollment, lessons[1], quiz_of(lessons[1]).id, {k[2:]: v for k, v in right_answers(lessons[1]).items()}
    )
    client.force_login(participant)
    html = client.get(course.url).content.decode()
    assert "Du har gjort alt som er åpent. Neste modul, «Innsikt», åpner" in html
