"""How the courses plug into the platform: menu, case pages, kommune pages, profile and personal data."""

import pytest

from django.urls import reverse

from cases.factories import CasePageFactory
from cases.library import ensure_case_index
from courses.certificates import issue_certificate
from courses.enrolment import enrol
from courses.models import ModulePage
from courses.progress import save_reflection
from innoplatform.accounts.factories import UserFactory
from innoplatform.accounts.services import export_personal_data
from innoplatform.core.sections import platform_sections
from innoplatform.municipalities.models import Kommune

pytestmark = pytest.mark.django_db


def test_the_menu_has_courses_once_the_index_is_published(course_index):
    section = next(s for s in platform_sections() if str(s.label) == "Kurs")
    assert section.url == course_index.url == "/kurs/"


def test_a_case_page_links_to_the_module_of_its_phase(client, course):
    case = CasePageFactory(parent=ensure_case_index(), phase="innsikt")
    html = client.get(case.url).content.decode()
    module = ModulePage.objects.get(phase="innsikt")
    assert "Lær mer om fasen innsikt" in html and f'href="{course.url}#modul-{module.pk}"' in html
    other = CasePageFactory(parent=ensure_case_index(), phase="ny-praksis")
    assert "Lær mer om fasen" not in client.get(other.url).content.decode()


def test_the_kommune_page_counts_participants_without_names(client, course, participant):
    skien = Kommune.objects.get(number="4003")
    colleague = UserFactory(kommune=skien, first_name="Ola", last_name="Hansen")
    issue_certificate(enrol(participant, course))
    enrol(colleague, course)
    enrol(UserFactory(kommune=Kommune.objects.get(number="3301")), course)
    html = client.get(skien.get_absolute_url()).content.decode()
    assert "2 personer fra Skien har meldt seg på kurs på plattformen. 1 av dem har fullført et kurs." in html
    assert "Kari" not in html and "Hansen" not in html


def test_the_profile_and_the_data_export_show_the_participants_courses(client, participant, course, lessons):
    enrollment = enrol(participant, course)
    reflection = next(block.id for block in lessons[1].body if block.block_type == "reflection")
    from courses.progress import complete_lesson, submit_quiz
    from tests.courses.conftest import quiz_of, right_answers

    complete_lesson(enrollment, lessons[0])
    submit_quiz(
        enrollment, lessons[1], quiz_of(lessons[1]).id, {k[2:]: v for k, v in right_answers(lessons[1]).items()}
    )
    save_reflection(enrollment, lessons[1], reflection, "Mitt svar")
    client.force_login(participant)
    profile = client.get(reverse("accounts:profile")).content.decode()
    assert "Mine kurs" in profile and "Innovasjon i kommunen" in profile and "67 %" in profile
    data = export_personal_data(participant)["kurs"]
    assert data["påmeldinger"][0]["kurs"] == "Innovasjon i kommunen"
    assert data["påmeldinger"][0]["fullførte_leksjoner"] == ["Hvorfor innovere?", "Forankre i ledelsen"]
    assert data["refleksjonssvar"][0]["svar"] == "Mitt svar"
    assert [attempt["bestått"] for attempt in data["quizforsøk"]] == [True]
    assert export_personal_data(UserFactory())["kurs"] == {"påmeldinger": [], "refleksjonssvar": [], "quizforsøk": []}


def test_setup_site_creates_the_course_index(db):
    from django.core.management import call_command

    from courses.models import CourseIndexPage

    call_command("setup_site")
    assert CourseIndexPage.objects.get().url == "/kurs/"


def test_the_api_lists_published_courses_with_their_modules_and_lessons(client, course):
    data = client.get("/api/kurs/").json()
    assert data["count"] == 1
    listed = data["results"][0]
    assert listed["title"] == "Innovasjon i kommunen" and listed["sequential"] is True
    assert [(m["title"], m["phase"]) for m in listed["modules"]] == [
        ("Forankring", "forankring"),
        ("Innsikt", "innsikt"),
    ]
    assert [lesson["title"] for lesson in listed["modules"][1]["lessons"]] == ["Snakk med brukerne", "Les mer"]
    assert listed["modules"][1]["lessons"][1]["required"] is False
    assert client.get(f"/api/kurs/{course.slug}/").json()["learning_outcomes"] == ["forankre et innovasjonsarbeid"]
    course.unpublish()
    assert client.get("/api/kurs/").json()["count"] == 0
    assert client.get(f"/api/kurs/{course.slug}/").status_code == 404
