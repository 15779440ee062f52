"""Certificates: issued on completion, checkable by anyone with the code, as a page and a PDF."""

import pytest

from django.urls import reverse

from courses.certificates import certificate_for, issue_certificate, normalised_code
from courses.enrolment import enrol

pytestmark = pytest.mark.django_db


@pytest.fixture
def certified(participant, course):
    enrollment = enrol(participant, course)
    assert issue_certificate(enrollment) is True
    return enrollment


def test_a_certificate_is_issued_once(certified):
    code = certified.certificate_code
    assert issue_certificate(certified) is False
    certified.refresh_from_db()
    assert certified.certificate_code == code


def test_anyone_can_check_a_certificate_with_its_code(client, certified):
    html = client.get(reverse("courses:certificate", args=[certified.certificate_code])).content.decode()
    assert "Kursbevis" in html and "Kari Nordmann" in html and "har fullført kurset «Innovasjon i kommunen»" in html
    assert certified.certificate_code in html
    assert certified.user.email not in html


def test_a_code_typed_in_lower_case_or_with_spaces_is_found(certified):
    typed = certified.certificate_code.lower().replace("-", " ")
    assert normalised_code(typed) == certified.certificate_code
    assert certificate_for(typed) == certified


def test_the_certificate_as_pdf(client, certified):
    response = client.get(reverse("courses:certificate_pdf", args=[certified.certificate_code]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_codes_cannot_be_guessed_from_each_other(participant, course, course_index):
    from innoplatform.accounts.factories import UserFactory
    from tests.courses.conftest import small_course

    codes = set()
    for n in range(20):
        other_course = small_course(course_index, slug=f"kurs-{n}") if n else course
        enrollment = enrol(UserFactory(), other_course)
        issue_certificate(enrollment)
        codes.add(enrollment.certificate_code)
    assert len(codes) == 20
    assert all(len(code) == 14 and code.count("-") == 2 for code in codes)
