"""The courses' demo content: two courses as designed, tools that download, a cohort, participants, idempotent."""

import io

import pytest
from allauth.account.models import EmailAddress

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from wagtail.documents import get_document_model

from cases.demo import load_demo_cases
from cases.models import CasePage
from courses.data.tools import TOOLS
from courses.demo import load_demo_courses
from courses.models import (
    Cohort,
    CohortGroup,
    CohortModuleOpening,
    CoursePage,
    Enrollment,
    LessonCompletion,
    LessonPage,
    ModulePage,
    QuizAttempt,
    ReflectionAnswer,
)
from courses.progress import course_outline, course_progress
from innoplatform.accounts.factories import DEFAULT_PASSWORD
from innoplatform.core.site_setup import ensure_home_page

pytestmark = pytest.mark.django_db

PHASES = ["forankring", "innsikt", "tjenesteutvikling", "pilotering", "overgang-til-drift", "ny-praksis"]


@pytest.fixture(scope="module")
def demo_content(django_db_setup, django_db_blocker):
    """The demo, loaded once for this module in a transaction rolled back at its end; each test runs in a savepoint."""
    with django_db_blocker.unblock(), transaction.atomic():
        ensure_home_page()
        load_demo_cases()
        load_demo_courses()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo(demo_content, db):
    return None


def course(slug: str) -> CoursePage:
    return CoursePage.objects.live().get(slug=slug)


def blocks_of(lesson, block_type: str) -> list:
    return [block for block in LessonPage.objects.get(pk=lesson.pk).body if block.block_type == block_type]


def test_the_main_course_has_a_module_per_phase_in_order_each_with_lessons_quiz_reflection_and_cases(demo):
    main = course("innovasjon-i-kommunen")
    assert main.title == "Innovasjon i kommunen" and main.sequential and main.estimated_hours >= 10
    assert main.audience and len(main.learning_outcomes) >= 5 and main.get_parent().slug == "kurs"
    outline = course_outline(main)
    assert [item.module.phase for item in outline] == PHASES
    for item in outline:
        assert len(item.lessons) >= 3, item.module.title
        quizzes = [quiz for lesson in item.lessons for quiz in blocks_of(lesson, "quiz")]
        assert quizzes and all(quiz.value["pass_mark"] >= 75 for quiz in quizzes), item.module.title
        assert any(blocks_of(lesson, "reflection") for lesson in item.lessons), item.module.title
        cases = [block.value for lesson in item.lessons for block in blocks_of(lesson, "cases")]
        assert any(value["phase"] == item.module.phase for value in cases), item.module.title


def test_quizzes_mix_single_and_multiple_choice_explain_every_option_and_some_limit_attempts(demo):
    quizzes = [
        quiz
        for lesson in LessonPage.objects.descendant_of(course("innovasjon-i-kommunen"))
        for quiz in blocks_of(lesson, "quiz")
    ]
    kinds = {item["kind"] for quiz in quizzes for item in quiz.value["questions"]}
    assert kinds == {"single", "multiple"}
    assert any(quiz.value["max_attempts"] for quiz in quizzes)
    for quiz in quizzes:
        for item in quiz.value["questions"]:
            right = [choice for choice in item["options"] if choice["correct"]]
            assert right and all(choice["feedback"] for choice in item["options"]), item["question"]
            if item["kind"] == "single":
                assert len(right) == 1, item["question"]


def test_reflections_build_a_project_a_summary_first_and_results_in_pilotering_and_ny_praksis(demo):
    questions = [
        (item.module.phase, block.value)
        for item in course_outline(course("innovasjon-i-kommunen"))
        for lesson in item.lessons
        for block in blocks_of(lesson, "reflection")
    ]
    first_phase, first = questions[0]
    assert first_phase == "forankring" and first["use_in_case"] == "summary"
    assert first["question"] == "Beskriv utfordringen du vil løse, kort"
    assert sum(value["use_in_case"] == "summary" for _phase, value in questions) == 1
    assert {phase for phase, value in questions if value["use_in_case"] == "results"} == {"pilotering", "ny-praksis"}
    assert sum(value["use_in_case"] == "body" for _phase, value in questions) >= 6


def test_the_second_course_is_shorter_and_open_in_any_order(demo):
    second = course("gevinstrealisering-i-praksis")
    assert not second.sequential
    outline = course_outline(second)
    assert 3 <= len(outline) <= 4
    for item in outline:
        assert 2 <= len(item.lessons) <= 3
        assert any(blocks_of(lesson, "quiz") for lesson in item.lessons), item.module.title
        assert any(blocks_of(lesson, "reflection") for lesson in item.lessons), item.module.title


def test_every_tool_is_a_word_document_with_headings_and_tables_that_downloads(demo, client, settings, tmp_path):
    from docx import Document

    Document_ = get_document_model()
    tools = [
        block.value["document"]
        for lesson in LessonPage.objects.all()
        for block in LessonPage.objects.get(pk=lesson.pk).body
        if block.block_type == "tool"
    ]
    assert {tool.title for tool in tools} == {spec.title for spec in TOOLS.values()}
    assert len(TOOLS) >= 3
    assert Document_.objects.filter(title__in=[spec.title for spec in TOOLS.values()]).count() == len(TOOLS)
    for tool in {tool.pk: tool for tool in tools}.values():
        assert tool.file_size and tool.file_extension == "docx"
        with tool.open_file() as handle:
            document = Document(io.BytesIO(handle.read()))
        assert document.paragraphs[0].text == tool.title
        assert any(p.style.name == "Heading 1" for p in document.paragraphs) and document.tables, tool.title

    # Served by Wagtail's document view from a file system, as in the demo.
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}
    settings.MEDIA_ROOT = str(tmp_path)
    Document_.objects.filter(title__in=[spec.title for spec in TOOLS.values()]).delete()
    load_demo_courses()
    tool = Document_.objects.get(title="Gevinstkart")
    response = client.get(tool.url)
    assert response.status_code == 200
    assert Document(io.BytesIO(b"".join(response.streaming_content))).paragraphs[0].text == "Gevinstkart"


def test_lessons_show_the_cases_of_their_phase_a_tool_and_a_quiz_without_its_answers(demo, client):
    lessons = LessonPage.objects.live().descendant_of(course("innovasjon-i-kommunen"))
    html = client.get(lessons.get(slug="rutiner-og-avtaler").url).content.decode()
    assert "Se det i praksis" in html
    assert any(case.title in html for case in CasePage.objects.live().filter(phase="overgang-til-drift"))
    assert "Sjekkliste for overgang til drift" in html and "DOCX" in html
    html = client.get(lessons.get(slug="gevinstkart").url).content.decode()
    assert "Hva er rekkefølgen i et gevinstkart?" in html
    assert "Kartet viser hvordan det dere gjør" not in html  # feedback comes only with an answer
    index = client.get("/kurs/").content.decode()
    assert "Innovasjon i kommunen" in index and "Gevinstrealisering i praksis" in index


def test_the_cohort_has_a_facilitator_groups_and_modules_opening_now_and_later(demo):
    cohort = Cohort.objects.get(course=course("innovasjon-i-kommunen"))
    assert cohort.name.startswith("Vestfold og Telemark, ")
    assert cohort.facilitator.email == "hilde.bakken@statsforvalteren.example"
    groups = {group.name: group.kommune for group in cohort.groups.all()}
    assert set(groups) == {"Skien kommune", "Grenlandssamarbeidet", "Vestfold-kommunene"}
    assert groups["Skien kommune"].name == "Skien"
    openings = sorted(cohort.module_openings.values_list("opens_on", flat=True))
    today = timezone.localdate()
    assert len(openings) == 6 and openings[0] == cohort.starts_on <= today
    assert any(day <= today for day in openings[1:]) and any(day > today for day in openings)


def test_participants_stand_at_different_points(demo):
    main = course("innovasjon-i-kommunen")
    enrollments = Enrollment.objects.filter(course=main).select_related("user", "cohort")
    assert 6 <= enrollments.count() <= 10
    for enrollment in enrollments:
        assert EmailAddress.objects.get(user=enrollment.user).verified
        assert enrollment.user.check_password(DEFAULT_PASSWORD)
    done = {enrollment.user.email: course_progress(main, enrollment).required_done for enrollment in enrollments}
    assert done["line.solberg@bamble.kommune.example"] == 0

    halfway = enrollments.get(user__email="jonas.berg@skien.kommune.example")
    assert 0 < done[halfway.user.email] < course_progress(main, halfway).required_total
    attempts = halfway.quiz_attempts.filter(lesson__slug="intervjuer-og-observasjon")
    assert list(attempts.values_list("passed", flat=True)) == [False, True]
    assert halfway.cohort and halfway.group.name == "Skien kommune"

    finished = enrollments.get(user__email="astrid.lunde@notodden.kommune.example")
    assert finished.completed_at and finished.certificate_code and finished.cohort is None
    assert finished.reflections.count() == sum(
        len(blocks_of(lesson, "reflection")) for lesson in LessonPage.objects.descendant_of(main)
    )
    assert Enrollment.objects.filter(completed_at__isnull=False, certificate_code__isnull=False).count() == 2

    stuck = enrollments.get(user__email="amir.haddad@porsgrunn.kommune.example")
    assert list(stuck.quiz_attempts.values_list("passed", flat=True)) == [False]


MODELS = (
    CoursePage,
    ModulePage,
    LessonPage,
    Cohort,
    CohortGroup,
    CohortModuleOpening,
    Enrollment,
    LessonCompletion,
    QuizAttempt,
    ReflectionAnswer,
)


def counts() -> dict[str, int]:
    return {
        **{model.__name__: model.objects.count() for model in MODELS},
        "users": get_user_model().objects.count(),
        "addresses": EmailAddress.objects.count(),
        "documents": get_document_model().objects.count(),
    }


def test_a_second_run_changes_nothing(demo):
    before = counts()
    certificates = set(Enrollment.objects.values_list("certificate_code", flat=True))
    load_demo_courses()
    assert counts() == before
    assert set(Enrollment.objects.values_list("certificate_code", flat=True)) == certificates
