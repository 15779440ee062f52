"""Enrolment: logged in with a verified e-mail, one per user and course even when pressed twice at once."""

import pytest
from allauth.account.models import EmailAddress

from django.db import IntegrityError, connection
from django.urls import reverse

from courses.enrolment import enrol
from courses.models import Enrollment
from courses.progress import ProgressError
from innoplatform.accounts.factories import UserFactory
from tests.concurrency import post_at_once


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_log_in(client, course):
    response = client.post(reverse("courses:enrol", args=[course.pk]))
    assert response.status_code == 302 and response["Location"].startswith(reverse("account_login"))
    assert not Enrollment.objects.exists()


@pytest.mark.django_db
def test_an_unverified_address_cannot_enrol(client, course):
    user = UserFactory(verified_email=False)
    EmailAddress.objects.create(user=user, email=user.email, verified=False, primary=True)
    client.force_login(user)
    response = client.post(reverse("courses:enrol", args=[course.pk]), follow=True)
    assert "Du må bekrefte e-postadressen din før du kan melde deg på." in response.content.decode()
    assert not Enrollment.objects.exists()


@pytest.mark.django_db
def test_enrolling_twice_is_one_enrolment(client, participant, course):
    client.force_login(participant)
    for _ in range(2):
        client.post(reverse("courses:enrol", args=[course.pk]))
    assert Enrollment.objects.filter(user=participant, course=course).count() == 1
    assert "Meld meg av kurset" in client.get(course.url).content.decode()


@pytest.mark.django_db
def test_the_database_refuses_a_second_enrolment(participant, course):
    enrol(participant, course)
    with pytest.raises(IntegrityError):
        Enrollment.objects.create(user=participant, course=course)


@pytest.mark.django_db
def test_an_unpublished_course_cannot_be_enrolled_in(client, participant, course):
    course.unpublish()
    client.force_login(participant)
    assert client.post(reverse("courses:enrol", args=[course.pk])).status_code == 404
    with pytest.raises(ProgressError):
        enrol(UserFactory(verified_email=False), course)


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite serialises writers; the race needs PostgreSQL")
def test_pressing_enrol_twice_at_the_same_moment_makes_one_enrolment(home_page):
    from courses.library import ensure_course_index
    from tests.courses.conftest import small_course

    course = small_course(ensure_course_index())
    user = UserFactory()
    assert post_at_once(4, reverse("courses:enrol", args=[course.pk]), user=user) == [302] * 4
    assert Enrollment.objects.filter(user=user, course=course).count() == 1
