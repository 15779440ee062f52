"""«Mitt innovasjonsprosjekt»: notes from the reflections, a Word document, and a case suggestion at the end."""

import io

import pytest
from docx import Document

from django.urls import reverse

from cases.library import ensure_case_index
from courses.enrolment import enrol
from courses.progress import complete_lesson, save_reflection, submit_quiz
from tests.courses.conftest import quiz_of, right_answers

pytestmark = pytest.mark.django_db


def reflection_ids(lesson) -> list[str]:
    return [block.id for block in lesson.body if block.block_type == "reflection"]


@pytest.fixture
def project(participant, course, lessons):
    """Module one done with its reflection answered, and the reflection of module two answered."""
    enrollment = enrol(participant, course)
    save_reflection(enrollment, lessons[1], reflection_ids(lessons[1])[0], "For mye bilkjøring i hjemmetjenesten.")
    complete_lesson(enrollment, lessons[0])
    submit_quiz(
        enrollment, lessons[1], quiz_of(lessons[1]).id, {k[2:]: v for k, v in right_answers(lessons[1]).items()}
    )
    save_reflection(
        enrollment,
        lessons[2],
        reflection_ids(lessons[2])[0],
        "Brukerne vil ha faste tider.\n\nDe vil ha færre ansikter.",
    )
    return enrollment


def finish(enrollment, lessons):
    complete_lesson(enrollment, lessons[2])
    enrollment.refresh_from_db()


def test_the_project_page_gathers_the_answers_in_the_course_order(client, project, participant, course):
    client.force_login(participant)
    html = client.get(reverse("courses:project", args=[course.pk])).content.decode()
    assert html.index("Hvilken utfordring vil du arbeide med?") < html.index("Hva sa brukerne?")
    assert "For mye bilkjøring i hjemmetjenesten." in html and "De vil ha færre ansikter." in html
    assert "Når du har fullført kurset, kan du dele prosjektet" in html


def test_the_notes_download_as_a_word_document(client, project, participant, course):
    client.force_login(participant)
    client.post(reverse("courses:project", args=[course.pk]), {"project_title": "Smartere ruter i hjemmetjenesten"})
    response = client.get(reverse("courses:project_download", args=[course.pk]))
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    document = Document(io.BytesIO(response.content))
    text = [paragraph.text for paragraph in document.paragraphs]
    assert text[0] == "Smartere ruter i hjemmetjenesten"
    assert "Forankring" in text and "Hva sa brukerne?" in text and "De vil ha færre ansikter." in text


def test_sharing_is_for_a_completed_course(client, project, participant, course):
    client.force_login(participant)
    response = client.post(reverse("courses:project_share", args=[course.pk]), follow=True)
    assert "Du kan dele prosjektet som eksempel når du har fullført kurset." in response.content.decode()


def test_a_shared_project_prefills_the_suggestion_form_once(client, project, participant, course, lessons):
    ensure_case_index()
    finish(project, lessons)
    client.force_login(participant)
    client.post(reverse("courses:project", args=[course.pk]), {"project_title": "Smartere ruter i hjemmetjenesten"})
    response = client.post(reverse("courses:project_share", args=[course.pk]))
    assert response["Location"] == reverse("cases:suggest")
    html = client.get(reverse("cases:suggest")).content.decode()
    assert 'value="Smartere ruter i hjemmetjenesten"' in html
    assert 'id="id_summary">\nFor mye bilkjøring i hjemmetjenesten.</textarea>' in html  # the «summary» answer
    assert "Hva sa brukerne?" in html and "Brukerne vil ha faste tider." in html  # a «body» answer
    assert 'value="4003 Skien"' in html
    assert '<option value="innsikt" selected>' in html
    assert 'value="Smartere ruter' not in client.get(reverse("cases:suggest")).content.decode()  # used once
