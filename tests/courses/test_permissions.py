"""Nobody sees another participant's answers or progress, and every action checks who asks."""

import pytest

from django.urls import reverse

from courses.enrolment import enrol
from courses.models import LessonCompletion, ReflectionAnswer
from courses.progress import save_reflection
from innoplatform.accounts.factories import UserFactory
from tests.courses.conftest import quiz_of

pytestmark = pytest.mark.django_db


def reflection_id(lesson) -> str:
    return next(block.id for block in lesson.body if block.block_type == "reflection")


def test_a_participants_answers_are_theirs_alone(client, participant, course, lessons):
    enrollment = enrol(participant, course)
    save_reflection(
        enrollment, lessons[1], reflection_id(lessons[1]), "Hjemmetjenesten i Skien bruker for mye tid på bilkjøring."
    )
    other = UserFactory()
    enrol(other, course)
    client.force_login(other)
    for url in (lessons[1].url, reverse("courses:project", args=[course.pk]), reverse("courses:mine")):
        assert "bilkjøring" not in client.get(url).content.decode()
    assert "bilkjøring" not in docx_text(client.get(reverse("courses:project_download", args=[course.pk])).content)
    client.force_login(participant)
    assert "bilkjøring" in client.get(lessons[1].url).content.decode()
    assert "bilkjøring" in docx_text(client.get(reverse("courses:project_download", args=[course.pk])).content)


def docx_text(content: bytes) -> str:
    import io

    from docx import Document

    return "\n".join(paragraph.text for paragraph in Document(io.BytesIO(content)).paragraphs)


def test_the_project_pages_are_only_for_the_enrolled(client, course):
    client.force_login(UserFactory())
    assert client.get(reverse("courses:project", args=[course.pk])).status_code == 404
    assert client.get(reverse("courses:project_download", args=[course.pk])).status_code == 404
    assert client.post(reverse("courses:project_share", args=[course.pk])).status_code == 404


def test_actions_need_an_enrolment_in_that_course(client, course, lessons):
    client.force_login(UserFactory())
    client.post(reverse("courses:complete", args=[lessons[0].pk]))
    client.post(reverse("courses:reflection", args=[lessons[1].pk, reflection_id(lessons[1])]), {"text": "x"})
    client.post(reverse("courses:quiz", args=[lessons[1].pk, quiz_of(lessons[1]).id]), {})
    assert not LessonCompletion.objects.exists() and not ReflectionAnswer.objects.exists()


def test_anonymous_actions_are_sent_to_log_in(client, course, lessons):
    for url in (
        reverse("courses:complete", args=[lessons[0].pk]),
        reverse("courses:reflection", args=[lessons[1].pk, reflection_id(lessons[1])]),
        reverse("courses:mine"),
        reverse("courses:project", args=[course.pk]),
    ):
        response = client.post(url) if "leksjon" in url else client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("account_login"))


def test_unknown_quizzes_questions_and_lessons_are_404(client, participant, course, lessons):
    enrol(participant, course)
    client.force_login(participant)
    assert client.post(reverse("courses:quiz", args=[lessons[1].pk, "finnes-ikke"])).status_code == 404
    assert client.post("/kurs/leksjon/99999999999999999999/fullfort/").status_code == 404
    response = client.post(
        reverse("courses:reflection", args=[lessons[1].pk, "finnes-ikke"]), {"text": "x"}, follow=True
    )
    assert "Spørsmålet finnes ikke lenger i leksjonen." in response.content.decode()
    assert not ReflectionAnswer.objects.exists()


def test_unknown_certificate_codes_are_a_plain_404(client, participant, course):
    for code in ("ABCD-EFGH-JKLM", "x", "0" * 300):
        response = client.get(f"/kurs/bevis/{code}/")
        assert response.status_code == 404
        assert "kursbevis" not in response.content.decode().lower()
