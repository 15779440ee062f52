"""Cohorts: joining with an invitation code, the facilitator's page and message, the profile section and the admin."""

from datetime import date, timedelta

import pytest

from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from courses.cohorts import cohort_overview, facilitated_cohort, join_cohort
from courses.enrolment import enrol, withdraw
from courses.factories import LessonSpec, ModuleSpec, build_course, paragraph, publish, reflection
from courses.forms import UNKNOWN_CODE
from courses.models import (
    Cohort,
    CohortGroup,
    CohortModuleOpening,
    Enrollment,
    LessonCompletion,
    LessonPage,
    ModulePage,
    QuizAttempt,
    ReflectionAnswer,
)
from courses.progress import complete_lesson, save_reflection, submit_quiz
from innoplatform.accounts.factories import UserFactory
from innoplatform.municipalities.models import Kommune
from tests.courses.conftest import quiz_of, wrong_answers

pytestmark = pytest.mark.django_db

JOIN = reverse("courses:join_cohort")


@pytest.fixture
def facilitator(db):
    return UserFactory(first_name="Frida", last_name="Kursholder")


@pytest.fixture
def cohort(course, facilitator):
    cohort = Cohort.objects.create(
        course=course,
        name="Vestfold og Telemark, høsten 2026",
        starts_on=date(2026, 9, 1),
        facilitator=facilitator,
        invitation_code="KULL2026",
    )
    CohortGroup.objects.create(cohort=cohort, name="Porsgrunn", kommune=Kommune.objects.get(number="4001"))
    CohortGroup.objects.create(cohort=cohort, name="Skien", kommune=Kommune.objects.get(number="4003"))
    return cohort


def group(cohort, name):
    return cohort.groups.get(name=name)


def member(cohort, group_name=None, **names):
    """A participant who joined the cohort, in the named group."""
    user = UserFactory(**names)
    return enrol(user, cohort.course, cohort=cohort, group=group(cohort, group_name) if group_name else None)


@pytest.fixture
def joining(client, participant):
    client.force_login(participant)
    return client


# Joining


def test_joining_needs_a_login(client, cohort):
    response = client.get(JOIN)
    assert response.status_code == 302 and reverse("account_login") in response["Location"]


def test_an_unverified_address_cannot_join(client, cohort):
    user = UserFactory(verified_email=False)
    client.force_login(user)
    assert "Du må bekrefte e-postadressen din" in client.get(JOIN).content.decode()
    response = client.post(JOIN, {"code": "KULL2026"})
    assert response.status_code == 200 and "Bekreft e-postadressen" in response.content.decode()
    assert not Enrollment.objects.filter(user=user).exists()


def test_an_unknown_code_is_a_form_error_that_tells_nothing_about_other_codes(joining, cohort):
    response = joining.post(JOIN, {"code": "KULL2025"})
    html = response.content.decode()
    assert response.status_code == 200
    assert str(UNKNOWN_CODE) in html and cohort.name not in html
    assert not Enrollment.objects.exists()


def test_a_cohort_of_an_unpublished_course_is_an_unknown_code(joining, cohort, course):
    course.unpublish()
    assert str(UNKNOWN_CODE) in joining.post(JOIN, {"code": "KULL2026"}).content.decode()


def test_the_code_is_read_in_any_case_and_with_spaces_and_the_own_kommune_is_chosen(joining, cohort):
    response = joining.post(JOIN, {"code": "  kull 2026 "})
    html = response.content.decode()
    assert response.status_code == 200 and cohort.name in html
    skien = group(cohort, "Skien")  # the participant's profile kommune is Skien (4003)
    assert response.context["form"]["group"].value() == skien.pk
    assert f'<option value="{skien.pk}" selected>Skien</option>' in html
    assert f'<option value="{group(cohort, "Porsgrunn").pk}">Porsgrunn</option>' in html
    assert not Enrollment.objects.exists()


@pytest.mark.parametrize("kommune", ["0301", None])
def test_without_a_group_in_the_own_kommune_none_is_chosen(client, cohort, kommune):
    CohortGroup.objects.create(cohort=cohort, name="Andre", kommune=None)
    client.force_login(UserFactory(kommune=Kommune.objects.get(number=kommune) if kommune else None))
    response = client.post(JOIN, {"code": "KULL2026"})
    assert response.context["form"]["group"].value() is None


def test_choosing_a_group_joins_the_cohort_and_the_course_page_says_so(joining, participant, cohort, course):
    porsgrunn = group(cohort, "Porsgrunn")
    response = joining.post(JOIN, {"code": "kull2026", "group": porsgrunn.pk, "step": "gruppe"})
    assert response.status_code == 302 and response["Location"] == course.url
    enrollment = Enrollment.objects.get(user=participant)
    assert (enrollment.course_id, enrollment.cohort_id, enrollment.group_id) == (course.pk, cohort.pk, porsgrunn.pk)
    html = joining.get(course.url).content.decode()
    assert f"Du er med i kullet «{cohort.name}», i gruppen «Porsgrunn»." in html
    assert f"Du er med i kullet {cohort.name}." in html


def test_the_service_refuses_a_group_of_another_cohort(participant, cohort, course):
    other = Cohort.objects.create(course=course, name="Agder", starts_on=date(2026, 9, 1), invitation_code="AGDER26")
    with pytest.raises(ValueError, match="another cohort"):
        join_cohort(participant, cohort, CohortGroup.objects.create(cohort=other, name="Kristiansand"))
    assert not Enrollment.objects.exists()


def test_a_group_of_another_cohort_is_not_a_choice(joining, participant, cohort, course):
    other = Cohort.objects.create(course=course, name="Agder", starts_on=date(2026, 9, 1), invitation_code="AGDER26")
    foreign = CohortGroup.objects.create(cohort=other, name="Kristiansand")
    response = joining.post(JOIN, {"code": "KULL2026", "group": foreign.pk, "step": "gruppe"})
    assert response.status_code == 200 and response.context["form"].errors["group"]
    assert not Enrollment.objects.filter(user=participant).exists()


def test_a_cohort_without_groups_is_joined_with_the_code_alone(joining, participant, course):
    cohort = Cohort.objects.create(
        course=course, name="Åpent kull", starts_on=date(2026, 1, 5), invitation_code="APENT1"
    )
    response = joining.post(JOIN, {"code": "apent1"}, follow=True)
    assert Enrollment.objects.get(user=participant).cohort == cohort
    assert "Du er med i kullet «Åpent kull»." in response.content.decode()


@pytest.mark.parametrize(
    "data",
    [
        {"code": "K" * 41},
        {"code": "KULL2026", "group": "abc", "step": "gruppe"},
        {"code": "KULL2026", "group": "99999999999999999999", "step": "gruppe"},
        {"code": "\x00KULL"},
        {},
    ],
)
def test_odd_input_to_the_join_form_is_a_form_error(joining, cohort, data):
    response = joining.post(JOIN, data)
    assert response.status_code == 200 and response.context["form"].errors
    assert not Enrollment.objects.exists()


def test_an_enrolled_participant_keeps_their_progress_when_joining(joining, participant, cohort, course, lessons):
    enrollment = enrol(participant, course)
    complete_lesson(enrollment, lessons[0])
    withdraw(participant, course)
    joining.post(JOIN, {"code": "KULL2026", "group": group(cohort, "Skien").pk, "step": "gruppe"})
    joined = Enrollment.objects.get(user=participant)
    assert joined.pk == enrollment.pk and joined.is_active and joined.cohort == cohort
    assert list(LessonCompletion.objects.filter(enrollment=joined).values_list("lesson_id", flat=True)) == [
        lessons[0].pk
    ]


def test_joining_takes_the_cohorts_module_dates(joining, participant, cohort, course, lessons):
    first = ModulePage.objects.child_of(course).order_by("path").first()
    CohortModuleOpening.objects.create(cohort=cohort, module=first, opens_on=timezone.localdate() + timedelta(days=7))
    joining.post(JOIN, {"code": "KULL2026", "group": group(cohort, "Skien").pk, "step": "gruppe"})
    assert "Åpner " in joining.get(course.url).content.decode()


def test_codes_tried_are_rate_limited(settings, joining, cohort):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "cohort_action": "3/h/user"}
    for code in ("FEIL1", "FEIL2", "FEIL3"):
        assert joining.post(JOIN, {"code": code}).status_code == 200
    assert joining.post(JOIN, {"code": "KULL2026"}).status_code == 429


# The facilitator's page


def cohort_url(cohort):
    return reverse("courses:cohort", args=[cohort.pk])


def test_only_the_facilitator_and_superusers_see_the_cohort(client, cohort, facilitator, course, participant):
    member(cohort, "Skien", first_name="Kari", last_name="Deltaker")
    url = cohort_url(cohort)
    assert client.get(url).status_code == 302  # anonymous: to the login
    client.force_login(participant)
    assert client.get(url).status_code == 404
    other_facilitator = UserFactory()
    Cohort.objects.create(course=course, name="Agder", starts_on=date(2026, 9, 1), facilitator=other_facilitator)
    client.force_login(other_facilitator)
    assert client.get(url).status_code == 404
    client.force_login(UserFactory(is_staff=True))
    assert client.get(url).status_code == 404
    client.force_login(UserFactory(is_superuser=True))
    assert client.get(url).status_code == 200
    assert facilitated_cohort(AnonymousUser(), cohort.pk) is None
    client.force_login(facilitator)
    assert "Kari Deltaker" in client.get(url).content.decode()
    assert client.get(reverse("courses:cohort", args=[cohort.pk + 1000])).status_code == 404


def test_the_page_shows_each_group_with_its_participants_and_their_progress(client, cohort, facilitator, lessons):
    kari = member(cohort, "Skien", first_name="Kari", last_name="Nordmann")
    member(cohort, "Skien", first_name="Anne", last_name="Aas")
    member(cohort, "Porsgrunn", first_name="", last_name="", email="uten.navn@porsgrunn.kommune.no")
    member(cohort, None, first_name="Siri", last_name="Uten")
    gone = member(cohort, "Skien", first_name="Borte", last_name="Vekk")
    withdraw(gone.user, cohort.course)
    member(cohort, "Skien", first_name="Slettet", last_name="Konto", is_active=False)
    other = Cohort.objects.create(course=cohort.course, name="Agder", starts_on=date(2026, 9, 1))
    stray = member(cohort, None, first_name="Feil", last_name="Gruppe")
    Enrollment.objects.filter(pk=stray.pk).update(group=CohortGroup.objects.create(cohort=other, name="Agder"))
    complete_lesson(kari, lessons[0])
    Enrollment.objects.filter(pk=kari.pk).update(completed_at=timezone.now())

    overview = cohort_overview(cohort)
    by_group = {entry.name: [p.name for p in entry.participants] for entry in overview.groups}
    assert by_group == {
        "Porsgrunn": ["uten.navn@porsgrunn.kommune.no"],
        "Skien": ["Anne Aas", "Kari Nordmann"],
        "Uten gruppe": ["Feil Gruppe", "Siri Uten"],
    }
    kari_progress = next(entry for entry in overview.groups if entry.name == "Skien").participants[1]
    assert [(count.done, count.total) for count in kari_progress.modules] == [(1, 2), (0, 1)]
    assert kari_progress.completed

    client.force_login(facilitator)
    html = client.get(cohort_url(cohort)).content.decode()
    assert "Kari Nordmann" in html and "Anne Aas" in html and "Uten gruppe" in html
    assert "Borte Vekk" not in html and "Slettet Konto" not in html
    assert "1 av 2" in html and "Ja, " in html


@pytest.mark.parametrize("activity", ["completion", "attempt", "reflection"])
def test_last_activity_is_the_latest_of_what_the_participant_did(cohort, lessons, activity):
    enrollment = member(cohort, "Skien")
    long_ago = timezone.now() - timedelta(days=30)
    Enrollment.objects.filter(pk=enrollment.pk).update(enrolled_at=long_ago)
    later = timezone.now() - timedelta(days=2)
    complete_lesson(enrollment, lessons[0])
    submit_quiz(enrollment, lessons[1], quiz_of(lessons[1]).id, {})
    save_reflection(enrollment, lessons[1], reflection_id(lessons[1]), "Brukerne vil ha færre skjemaer.")
    LessonCompletion.objects.update(completed_at=later if activity == "completion" else long_ago)
    QuizAttempt.objects.update(attempted_at=later if activity == "attempt" else long_ago)
    ReflectionAnswer.objects.update(updated_at=later if activity == "reflection" else long_ago)
    participant = cohort_overview(cohort).groups[1].participants[0]
    assert participant.last_activity == later


def test_last_activity_is_the_enrolment_when_nothing_else_was_done(cohort):
    enrollment = member(cohort, "Skien")
    assert cohort_overview(cohort).groups[1].participants[0].last_activity == enrollment.enrolled_at


def reflection_id(lesson):
    return next(block.id for block in lesson.body if block.block_type == "reflection")


def test_reflection_answers_are_shown_only_when_the_participant_shares_them(client, cohort, facilitator, lessons):
    sharing = member(cohort, "Skien", first_name="Deler", last_name="Gjerne")
    private = member(cohort, "Skien", first_name="Holder", last_name="Forseg")
    blank = member(cohort, "Skien", first_name="Bare", last_name="Mellomrom")
    Enrollment.objects.filter(pk__in=[sharing.pk, blank.pk]).update(share_reflections=True)
    save_reflection(blank, lessons[1], reflection_id(lessons[1]), "   ")
    for enrollment, text in ((sharing, "Vi vil prøve digitalt tilsyn."), (private, "Dette er mitt eget.")):
        complete_lesson(enrollment, lessons[0])
        submit_quiz(enrollment, lessons[1], quiz_of(lessons[1]).id, wrong_answers(lessons[1]))
        save_reflection(enrollment, lessons[1], reflection_id(lessons[1]), text)
    client.force_login(facilitator)
    html = client.get(cohort_url(cohort)).content.decode()
    assert "Refleksjonene til Deler Gjerne" in html
    assert "Vi vil prøve digitalt tilsyn." in html and "Hvilken utfordring vil du arbeide med?" in html
    assert "Dette er mitt eget." not in html and "Refleksjonene til Holder Forseg" not in html
    assert "Refleksjonene til Bare Mellomrom" not in html
    assert "Bare IT" not in html and "Nei, innovasjon er mer enn teknologi." not in html  # no quiz answers


def add_lessons(course, count):
    """More lessons in the course's first module, each with a reflection question."""
    module = ModulePage.objects.child_of(course).order_by("path").first()
    for number in range(count):
        publish(
            module.add_child(
                instance=LessonPage(
                    title=f"Ekstra {number}",
                    slug=f"ekstra-{number}",
                    body=[paragraph("<p>Mer stoff.</p>"), reflection("Hva tar du med deg?")],
                )
            )
        )


def busy_participants(cohort, numbers, lessons):
    for number in numbers:
        enrollment = member(cohort, ("Skien", "Porsgrunn", None)[number % 3], first_name=f"Deltaker{number}")
        Enrollment.objects.filter(pk=enrollment.pk).update(share_reflections=True)
        complete_lesson(enrollment, lessons[0])
        submit_quiz(enrollment, lessons[1], quiz_of(lessons[1]).id, wrong_answers(lessons[1]))
        save_reflection(enrollment, lessons[1], reflection_id(lessons[1]), f"Svar {number}")


FACILITATOR_PAGE_QUERIES = 18
"""Session, user, the base layout's menu and site settings, and the cohort overview's own queries."""


def test_the_facilitator_page_reads_the_same_number_of_queries_at_any_size(
    client, cohort, facilitator, course, lessons, django_assert_max_num_queries
):
    busy_participants(cohort, range(2), lessons)
    client.force_login(facilitator)
    client.get(cohort_url(cohort))  # creates the site settings once
    with django_assert_max_num_queries(FACILITATOR_PAGE_QUERIES):
        assert client.get(cohort_url(cohort)).status_code == 200
    add_lessons(course, 6)
    busy_participants(cohort, range(2, 20), lessons)
    with django_assert_max_num_queries(FACILITATOR_PAGE_QUERIES):
        html = client.get(cohort_url(cohort)).content.decode()
    assert "Deltaker19" in html and html.count("Refleksjonene til") == 20


# The message to the cohort


def message_url(cohort):
    return reverse("courses:cohort_message", args=[cohort.pk])


def message_form(client, cohort):
    form = client.get(cohort_url(cohort)).context["form"]
    return {"form_token": form.initial["form_token"], "subject": "Samling 2. oktober", "text": "Vi ses i Skien kl. 9."}


def test_the_message_reaches_each_active_participant_once_even_when_posted_twice(
    client, cohort, facilitator, django_capture_on_commit_callbacks
):
    kari = member(cohort, "Skien", email="kari@skien.kommune.no")
    per = member(cohort, "Porsgrunn", email="per@porsgrunn.kommune.no")
    gone = member(cohort, "Skien", email="borte@skien.kommune.no")
    withdraw(gone.user, cohort.course)
    member(cohort, "Skien", email="slettet@skien.kommune.no", is_active=False)
    other = Cohort.objects.create(course=cohort.course, name="Agder", starts_on=date(2026, 9, 1))
    UserFactory(email="annet@kull.no")  # not in the cohort
    client.force_login(facilitator)
    data = message_form(client, cohort)
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(message_url(cohort), data, follow=True)
        assert "Meldingen er sendt til 2 deltakere." in response.content.decode()
    assert sorted(message.to[0] for message in mail.outbox) == [kari.user.email, per.user.email]
    for message in mail.outbox:
        assert len(message.to) == 1 and not message.cc and not message.bcc
        assert message.subject.endswith("Samling 2. oktober")
        assert "Vi ses i Skien kl. 9." in message.body and "Frida Kursholder" in message.body
        assert cohort.name in message.body and other.name not in message.body
        assert cohort.course.get_full_url() in message.body
    assert not any("annet@kull.no" in message.body or "borte@" in message.body for message in mail.outbox)


def test_a_new_copy_of_the_form_sends_a_new_message(client, cohort, facilitator, django_capture_on_commit_callbacks):
    member(cohort, "Skien")
    client.force_login(facilitator)
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            client.post(message_url(cohort), message_form(client, cohort))
    assert len(mail.outbox) == 2


def test_a_form_is_sent_once_per_cohort(client, cohort, facilitator, django_capture_on_commit_callbacks):
    member(cohort, "Skien")
    other = Cohort.objects.create(
        course=cohort.course, name="Agder", starts_on=date(2026, 9, 1), facilitator=facilitator
    )
    other_member = UserFactory()
    enrol(other_member, cohort.course, cohort=other)
    client.force_login(facilitator)
    data = message_form(client, cohort)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(message_url(cohort), data)
        client.post(message_url(other), data)
    assert other_member.email in [message.to[0] for message in mail.outbox] and len(mail.outbox) == 2


def test_a_message_needs_a_one_line_subject_and_a_text(client, cohort, facilitator, django_capture_on_commit_callbacks):
    member(cohort, "Skien")
    client.force_login(facilitator)
    data = {**message_form(client, cohort), "subject": "To\nlinjer", "text": ""}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(message_url(cohort), data)
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"subject", "text"}
    assert not mail.outbox


def test_only_the_facilitator_can_send_a_message(client, cohort, participant, django_capture_on_commit_callbacks):
    member(cohort, "Skien")
    client.force_login(participant)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(message_url(cohort), {"subject": "Hei", "text": "Hei"})
    assert response.status_code == 404 and not mail.outbox


def test_messages_are_rate_limited(settings, client, cohort, facilitator, django_capture_on_commit_callbacks):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "cohort_action": "1/h/user"}
    member(cohort, "Skien")
    client.force_login(facilitator)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(message_url(cohort), message_form(client, cohort)).status_code == 302
        assert client.post(message_url(cohort), message_form(client, cohort)).status_code == 429
    assert len(mail.outbox) == 1


# Where the facilitator finds the cohorts


def test_the_profile_lists_the_cohorts_the_user_holds(client, cohort, facilitator, participant):
    member(cohort, "Skien")
    withdraw(member(cohort, "Skien").user, cohort.course)
    member(cohort, "Skien", is_active=False)
    client.force_login(facilitator)
    html = client.get(reverse("accounts:profile")).content.decode()
    assert "Kull du holder" in html and cohort_url(cohort) in html and "1 deltaker" in html
    client.force_login(participant)
    assert "Kull du holder" not in client.get(reverse("accounts:profile")).content.decode()


def test_my_courses_leads_to_joining_a_cohort(joining):
    assert JOIN in joining.get(reverse("courses:mine")).content.decode()


# The cohort in the Wagtail admin


def admin_data(course, *, code="HOST26", modules=(), facilitator=None):
    data = {
        "course": course.pk,
        "name": "Innlandet, høsten 2026",
        "starts_on": "2026-09-01",
        "facilitator": facilitator.pk if facilitator else "",
        "invitation_code": code,
        "module_openings-TOTAL_FORMS": len(modules),
        "module_openings-INITIAL_FORMS": 0,
        "module_openings-MIN_NUM_FORMS": 0,
        "module_openings-MAX_NUM_FORMS": 1000,
        "groups-TOTAL_FORMS": 1,
        "groups-INITIAL_FORMS": 0,
        "groups-MIN_NUM_FORMS": 0,
        "groups-MAX_NUM_FORMS": 1000,
        "groups-0-name": "Hamar",
        "groups-0-kommune": Kommune.objects.get(number="3403").pk,
        "groups-0-id": "",
        "groups-0-ORDER": 1,
        "groups-0-DELETE": "",
    }
    for number, module in enumerate(modules):
        data |= {
            f"module_openings-{number}-module": module.pk,
            f"module_openings-{number}-opens_on": "2026-09-15",
            f"module_openings-{number}-id": "",
            f"module_openings-{number}-ORDER": number + 1,
            f"module_openings-{number}-DELETE": "",
        }
    return data


@pytest.fixture
def other_course(course_index):
    return build_course(
        course_index,
        "Gevinstrealisering",
        [ModuleSpec("Planlegg gevinstene", "forankring", [LessonSpec("Hva er en gevinst?", [])])],
        slug="gevinster",
    )


def test_an_editor_creates_a_cohort_with_groups_and_module_dates(admin_client, course, facilitator):
    module = ModulePage.objects.child_of(course).order_by("path").first()
    response = admin_client.post(
        reverse("cohort:add"), admin_data(course, code=" host 26 ", modules=[module], facilitator=facilitator)
    )
    assert response.status_code == 302, response.context["form"].errors
    cohort = Cohort.objects.get(name="Innlandet, høsten 2026")
    assert cohort.invitation_code == "HOST26" and cohort.facilitator == facilitator
    assert list(cohort.module_openings.values_list("module_id", flat=True)) == [module.pk]
    assert list(cohort.groups.values_list("name", flat=True)) == ["Hamar"]


def test_a_module_of_another_course_cannot_open_in_the_cohort(admin_client, course, other_course):
    foreign = ModulePage.objects.child_of(other_course).get()
    response = admin_client.post(reverse("cohort:add"), admin_data(course, modules=[foreign]))
    assert response.status_code == 200 and not Cohort.objects.exists()
    assert response.context["form"].formsets["module_openings"].forms[0].errors["module"]


def test_the_edit_form_offers_only_the_courses_modules_and_verified_facilitators(
    admin_client, cohort, course, other_course, facilitator
):
    unverified = UserFactory(verified_email=False)
    inactive = UserFactory(is_active=False)
    response = admin_client.get(reverse("cohort:edit", args=[cohort.pk]))
    form = response.context["form"]
    offered = set(form.formsets["module_openings"].empty_form.fields["module"].queryset)
    assert offered == set(ModulePage.objects.child_of(course))
    facilitators = set(form.fields["facilitator"].queryset)
    assert facilitator in facilitators and unverified not in facilitators and inactive not in facilitators
    assert f"Frida Kursholder ({facilitator.email})" in response.content.decode()
    module = ModulePage.objects.child_of(course).order_by("path").first()
    field = form.formsets["module_openings"].empty_form.fields["module"]
    assert field.label_from_instance(module) == "Innovasjon i kommunen › Forankring"


def test_before_a_course_is_chosen_every_module_is_offered_with_its_course(admin_client, course, other_course):
    form = admin_client.get(reverse("cohort:add")).context["form"]
    field = form.formsets["module_openings"].empty_form.fields["module"]
    assert set(field.queryset) == set(ModulePage.objects.all())
    foreign = ModulePage.objects.child_of(other_course).get()
    assert field.label_from_instance(foreign) == "Gevinstrealisering › Planlegg gevinstene"


@pytest.mark.parametrize("field", ["course", "module_openings-0-module"])
@pytest.mark.parametrize("value", ["abc", "9" * 30, "-1", ""])
def test_junk_in_a_choice_is_a_form_error(admin_client, course, field, value):
    module = ModulePage.objects.child_of(course).order_by("path").first()
    data = {**admin_data(course, modules=[module]), field: value}
    response = admin_client.post(reverse("cohort:add"), data)
    assert response.status_code == 200 and not Cohort.objects.exists()


def test_the_holder_of_a_cohort_stays_a_choice_after_losing_the_verified_address(admin_client, cohort, facilitator):
    facilitator.emailaddress_set.update(verified=False)
    form = admin_client.get(reverse("cohort:edit", args=[cohort.pk])).context["form"]
    assert facilitator in set(form.fields["facilitator"].queryset)


def test_an_invitation_code_is_unique_whatever_its_case(admin_client, cohort, course):
    response = admin_client.post(reverse("cohort:add"), admin_data(course, code="kull 2026"))
    assert response.status_code == 200 and response.context["form"].errors["invitation_code"]


def test_a_cohort_keeps_its_own_code_when_edited(admin_client, course):
    cohort = Cohort.objects.create(
        course=course, name="Innlandet", starts_on=date(2026, 9, 1), invitation_code="HOST26"
    )
    response = admin_client.post(reverse("cohort:edit", args=[cohort.pk]), admin_data(course, code="host26"))
    assert response.status_code == 302
    cohort.refresh_from_db()
    assert (cohort.name, cohort.invitation_code) == ("Innlandet, høsten 2026", "HOST26")


def test_cohorts_are_in_the_admin_menu_under_courses(admin_client, cohort):
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("cohort:index") in html
    assert cohort.name in admin_client.get(reverse("cohort:index")).content.decode()


@pytest.mark.django_db
def test_editors_and_moderators_may_manage_cohorts():
    from django.contrib.auth.models import Group

    for name in ("Editors", "Moderators"):
        codenames = set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))
        assert {"add_cohort", "change_cohort", "delete_cohort"} <= codenames
