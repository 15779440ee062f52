"""The course reports: exact figures over a known set of enrolments, completions and attempts; CSV; who sees them."""

import csv
import io
from datetime import UTC, date, datetime

import pytest

from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from wagtail.models import GroupPagePermission

from courses.factories import LessonSpec, ModuleSpec, build_course, paragraph
from courses.models import Enrollment, LessonCompletion, QuizAttempt
from courses.progress import course_outline
from courses.reports import (
    KommuneCount,
    MonthCount,
    Share,
    completion_rates,
    course_report,
    csv_table,
    enrolments_by_month,
    failing_questions,
    participants_by_kommune,
)
from innoplatform.accounts.factories import UserFactory
from innoplatform.municipalities.models import Kommune
from tests.courses.conftest import quiz_of, small_course

pytestmark = pytest.mark.django_db


def moment(year, month, day, hour=12, minute=0):
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def enrolment(course, when, *, kommune=None, completed=None, withdrawn=None):
    user = UserFactory(kommune=Kommune.objects.get(number=kommune) if kommune else None)
    enrollment = Enrollment.objects.create(user=user, course=course)
    Enrollment.objects.filter(pk=enrollment.pk).update(enrolled_at=when, completed_at=completed, withdrawn_at=withdrawn)
    enrollment.refresh_from_db()
    return enrollment


def questions_of(lesson):
    return [item.id for item in quiz_of(lesson).value["questions"].bound_blocks]


def attempt(enrollment, lesson, *, right, asked=None):
    """An attempt at the lesson's quiz, right for the question ids in `right`.

    By default it answers both questions and one since removed from the lesson; `asked` narrows that.
    """
    asked = (*questions_of(lesson), "fjernet-sporsmal") if asked is None else asked
    QuizAttempt.objects.create(
        enrollment=enrollment,
        lesson=lesson,
        quiz_id=quiz_of(lesson).id,
        answers={question: ["valgt"] for question in asked},
        correct_questions=[question for question in asked if question in right],
        score=50,
        passed=len(right) == 2,
    )


@pytest.fixture
def known(course, lessons):
    """Five enrolments: four active (A, B, C, D) and one withdrawn (E), with completions and quiz attempts.

    A (Skien) finished the course; B (Skien) did lesson 1; C (Porsgrunn) did module 1; D has no kommune and
    did nothing; E (Porsgrunn) withdrew after lesson 1. E enrolled at 23:30 UTC on 31 January: February in Oslo.
    """
    l1, l2, l3, _l4 = lessons
    q1, q2 = questions_of(l2)
    a = enrolment(course, moment(2026, 1, 15), kommune="4003", completed=moment(2026, 2, 10))
    b = enrolment(course, moment(2026, 1, 20), kommune="4003")
    c = enrolment(course, moment(2026, 3, 3), kommune="4001")
    enrolment(course, moment(2026, 3, 28))
    e = enrolment(course, moment(2026, 1, 31, 23, 30), kommune="4001", withdrawn=moment(2026, 4, 2))
    for enrollment, done in ((a, [l1, l2, l3]), (b, [l1]), (c, [l1, l2]), (e, [l1])):
        for lesson in done:
            LessonCompletion.objects.create(enrollment=enrollment, lesson=lesson)
    attempt(a, l2, right={q2, "fjernet-sporsmal"})
    attempt(a, l2, right={q1, q2})
    attempt(c, l2, right={q1})
    attempt(c, l2, right=set())
    attempt(c, l2, right={q1, q2})
    attempt(e, l2, right={q2})
    return course


def test_enrolments_per_month_in_the_sites_time_zone_with_completions_and_a_running_total(known):
    assert enrolments_by_month(known) == [
        MonthCount(date(2026, 1, 1), enrolments=2, completions=0, total=2),
        MonthCount(date(2026, 2, 1), enrolments=1, completions=1, total=3),
        MonthCount(date(2026, 3, 1), enrolments=2, completions=0, total=5),
    ]


def test_a_month_without_enrolments_is_a_row_of_noughts(course):
    enrolment(course, moment(2025, 11, 5))
    enrolment(course, moment(2026, 1, 5))
    months = enrolments_by_month(course)
    assert [(row.month, row.enrolments, row.total) for row in months] == [
        (date(2025, 11, 1), 1, 1),
        (date(2025, 12, 1), 0, 1),
        (date(2026, 1, 1), 1, 2),
    ]


def test_no_enrolments_no_months(course):
    assert enrolments_by_month(course) == []


def test_completion_rates_are_shares_of_the_active_enrolments(known):
    report = course_report(known)
    assert report.active == 4
    modules = [(rate.module.title, rate.completed) for rate in report.modules]
    assert modules == [("Forankring", Share(2, 4)), ("Innsikt", Share(1, 4))]
    lessons = [
        (item.lesson.title, item.completed.count, item.completed.percent) for m in report.modules for item in m.lessons
    ]
    assert lessons == [
        ("Hvorfor innovere?", 3, 75.0),
        ("Forankre i ledelsen", 2, 50.0),
        ("Snakk med brukerne", 1, 25.0),
        ("Les mer", 0, 0.0),
    ]


def test_a_module_without_required_lessons_has_no_rate(course_index):
    course = build_course(
        course_index,
        "Fordypning",
        [ModuleSpec("Valgfritt", "innsikt", [LessonSpec("Les mer", [paragraph("<p>Mer.</p>")], required=False)])],
        slug="fordypning",
    )
    (module,) = completion_rates(course, course_outline(course), active=0)
    assert module.completed is None and module.lessons[0].completed == Share(0, 0)
    assert module.lessons[0].completed.percent is None


def test_quiz_questions_are_ranked_by_the_share_of_attempts_answered_wrong(known, lessons):
    ranked = failing_questions(course_outline(known))
    assert [(row.question, row.failed) for row in ranked] == [
        ("Hvem må være med fra starten?", Share(3, 6)),
        ("Hva hører til forankring?", Share(2, 6)),
    ]
    assert ranked[0].lesson == lessons[1] and ranked[0].quiz_title == "Test deg selv"
    assert ranked[1].failed.percent == 33.3


def test_equal_shares_rank_the_more_often_failed_first(course, lessons):
    q1, q2 = questions_of(lessons[1])
    enrollment = enrolment(course, moment(2026, 1, 1))
    attempt(enrollment, lessons[1], right=set(), asked=(q2,))  # before the first question was added
    attempt(enrollment, lessons[1], right={q2}, asked=(q2,))
    attempt(enrollment, lessons[1], right={q2})
    attempt(enrollment, lessons[1], right={q1})
    ranked = failing_questions(course_outline(course))
    assert [(row.question, row.failed) for row in ranked] == [
        ("Hva hører til forankring?", Share(2, 4)),
        ("Hvem må være med fra starten?", Share(1, 2)),
    ]


def test_participants_by_kommune_with_those_without_one_last(known):
    assert participants_by_kommune(known) == [
        KommuneCount("4003", "Skien", participants=2, completed=1),
        KommuneCount("4001", "Porsgrunn", participants=1, completed=0),
        KommuneCount("", "uten kommune", participants=1, completed=0),
    ]


# The admin pages


def report_url(course):
    return reverse("kursrapporter:course", args=[course.pk])


def csv_url(course, table):
    return reverse("kursrapporter:csv", args=[course.pk, table])


def read_csv(response):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def test_the_report_page_shows_each_table_accessibly(admin_client, known):
    response = admin_client.get(report_url(known))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<caption>") == 4 and '<th scope="col">' in html and '<th scope="row">' in html
    assert "januar 2026" in html and "75,0 %" in html and "33,3 %" in html
    assert "Hvem må være med fra starten?" in html and "uten kommune" in html
    for table in ("pameldinger", "fullforing", "quizsporsmal", "kommuner"):
        assert csv_url(known, table) in html


@pytest.mark.parametrize(
    ("table", "header", "rows"),
    [
        (
            "pameldinger",
            ["måned", "nye påmeldinger", "fullførte kurset", "påmeldinger i alt"],
            [["2026-01", "2", "0", "2"], ["2026-02", "1", "1", "3"], ["2026-03", "2", "0", "5"]],
        ),
        (
            "fullforing",
            ["modul", "leksjon", "fullført", "aktive påmeldinger", "andel fullført (%)"],
            [
                ["Forankring", "", "2", "4", "50,0"],
                ["Forankring", "Hvorfor innovere?", "3", "4", "75,0"],
                ["Forankring", "Forankre i ledelsen", "2", "4", "50,0"],
                ["Innsikt", "", "1", "4", "25,0"],
                ["Innsikt", "Snakk med brukerne", "1", "4", "25,0"],
                ["Innsikt", "Les mer", "0", "4", "0,0"],
            ],
        ),
        (
            "quizsporsmal",
            ["plass", "spørsmål", "leksjon", "quiz", "forsøk", "feil", "andel feil (%)"],
            [
                ["1", "Hvem må være med fra starten?", "Forankre i ledelsen", "Test deg selv", "6", "3", "50,0"],
                ["2", "Hva hører til forankring?", "Forankre i ledelsen", "Test deg selv", "6", "2", "33,3"],
            ],
        ),
        (
            "kommuner",
            ["kommunenummer", "kommune", "deltakere", "fullførte kurset"],
            [["4003", "Skien", "2", "1"], ["4001", "Porsgrunn", "1", "0"], ["", "uten kommune", "1", "0"]],
        ),
    ],
)
def test_each_table_downloads_as_csv_with_its_source(admin_client, known, table, header, rows):
    response = admin_client.get(csv_url(known, table))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert f"kursrapport-{known.slug}-{table}.csv" in response["Content-Disposition"]
    lines = read_csv(response)
    assert lines[0][0].startswith("Innovasjonsplattformen, kursrapport for «Innovasjon i kommunen»")
    assert lines[3] == header and lines[4:] == rows


def test_an_unknown_table_is_a_404(admin_client, known):
    assert admin_client.get(csv_url(known, "passord")).status_code == 404
    with pytest.raises(ValueError, match="pameldinger"):
        csv_table(course_report(known), "passord")


def test_a_lesson_title_that_looks_like_a_formula_is_text_in_the_csv(admin_client, known, lessons):
    lesson = lessons[0]
    lesson.title = "=HYPERLINK(1)"
    lesson.save_revision().publish()
    lines = read_csv(admin_client.get(csv_url(known, "fullforing")))
    assert lines[5][1] == "'=HYPERLINK(1)"


# Who sees the reports


def admin_user(*, course=None):
    """A user with access to the admin, allowed to edit `course` (and its pages) if one is given."""
    group = Group.objects.create(name=f"Redaksjon {Group.objects.count()}")
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    if course is not None:
        GroupPagePermission.objects.create(
            group=group, page=course, permission=Permission.objects.get(codename="change_page")
        )
    user = UserFactory()
    user.groups.add(group)
    return user


def test_anonymous_users_are_sent_to_sign_in(client, known):
    for url in (reverse("kursrapporter:index"), report_url(known), csv_url(known, "kommuner")):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == f"{reverse('account_login')}?next={url}"


def test_an_admin_user_who_may_not_edit_courses_gets_no_report(client, known):
    client.force_login(admin_user())
    assert "Kursrapporter" not in client.get(reverse("wagtailadmin_home")).content.decode()
    response = client.get(reverse("kursrapporter:index"))  # Wagtail's answer to a permission denied
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    assert client.get(report_url(known)).status_code == 404
    assert client.get(csv_url(known, "kommuner")).status_code == 404


def test_an_editor_sees_reports_on_the_courses_they_may_edit_only(client, known, course_index):
    other = small_course(course_index, slug="annet-kurs")
    client.force_login(admin_user(course=known))
    assert reverse("kursrapporter:index") in client.get(reverse("wagtailadmin_home")).content.decode()
    index = client.get(reverse("kursrapporter:index")).content.decode()
    assert report_url(known) in index and report_url(other) not in index
    assert client.get(report_url(known)).status_code == 200
    assert client.get(report_url(other)).status_code == 404
    assert client.get(csv_url(other, "kommuner")).status_code == 404


def test_the_index_lists_each_course_with_its_active_and_completed_enrolments(admin_client, known):
    enrolment(known, moment(2026, 2, 1), completed=moment(2026, 3, 1), withdrawn=moment(2026, 4, 1))
    response = admin_client.get(reverse("kursrapporter:index"))
    (course,) = response.context["courses"]
    assert (course.active, course.completed) == (4, 1)


REPORT_QUERIES = 20
"""Session, user, the two-step check of staff (two), the admin's menu and furniture, and the report's nine queries."""


def test_the_report_reads_the_same_number_of_queries_at_any_size(
    admin_client, known, lessons, django_assert_max_num_queries
):
    admin_client.get(report_url(known))
    with django_assert_max_num_queries(REPORT_QUERIES):
        assert admin_client.get(report_url(known)).status_code == 200
    q1, _q2 = questions_of(lessons[1])
    for day in range(1, 29):
        enrollment = enrolment(known, moment(2025, 6, day), kommune=("3403", "4003", None)[day % 3])
        for lesson in lessons[: day % 4]:
            LessonCompletion.objects.create(enrollment=enrollment, lesson=lesson)
        attempt(enrollment, lessons[1], right={q1})
    with django_assert_max_num_queries(REPORT_QUERIES):
        html = admin_client.get(report_url(known)).content.decode()
    assert "Hamar" in html and "juni 2025" in html
