"""Hostile text in every field people write outside funding, rendered in Chromium: nothing runs.

One test per area: case suggestions, partner posts and their threads, the user profile,
organisation profiles and courses. The data goes in through the forms and services the views
use (or the page's own form, in the browser), every text field filled with markup from the
XSS corpus in `hostile`; then every page that shows the text is opened as the person who sees
it. Each page must show the text (escaped, or sanitised) and do none of what `Watch` forbids.
Funding has its own test (test_funding_hostile_html.py).
"""

import re
import uuid
from datetime import date, timedelta
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone

from innoplatform.accounts.factories import UserFactory
from innoplatform.municipalities.models import Kommune
from innoplatform.organisations.models import Membership, Organisation

from .hostile import SHORT, Watch, corpus
from .test_funding_journey import log_in, make_editors_group, make_moderation_workflow

pytestmark = pytest.mark.e2e

EMAIL = '"<img/src/onerror=alert(7)>"@gjovik.kommune.no'
"""A valid address (a quoted local part may hold markup) for the fields that take an e-mail address."""
WEBSITE = 'https://www.example.no/?q="><script>alert(8)</script>'
"""A valid URL whose query would close the attribute it is printed in, were it not escaped."""
LAST_NAME = '<b onmouseover="alert(9)">Nordmann</b>'
JOB_TITLE = '"><svg/onload=alert(10)> rådgiver <script>alert(11)</script>'
QUERY = SHORT[SHORT.index('">') :]
"""The end of `SHORT`, without the sentinel host: a search for it, in the address, is no request to that host."""
TEXTAREA = "</textarea><script>alert('textarea')</script>"
"""The first line of every `corpus`: shown as text where the field is printed escaped."""
TEMPLATE = "{{ 7*7 }}"
"""A line of every `corpus` that sanitising keeps as text, where the field is printed as cleaned HTML."""


def watching(page) -> Watch:
    """A `Watch` on the page that has first proved it catches markup that does run."""
    watch = Watch(page)
    watch.check_the_checks(page)
    return watch


def posted(**fields) -> QueryDict:
    """Form data as a browser posts it, with a fresh submission token."""
    data = QueryDict(mutable=True)
    for name, value in {"form_token": str(uuid.uuid4()), **fields}.items():
        data.setlist(name, value if isinstance(value, list) else [str(value)])
    return data


def moderator():
    """Someone who moderates partner posts and organisations in the Wagtail admin."""
    from django.contrib.auth.models import Permission

    user = UserFactory(first_name="Mona", last_name="Moderator", email="moderator@innovasjon.example.no")
    user.user_permissions.add(
        Permission.objects.get(codename="moderate_organisations"),
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
    )
    return user


def organisation(name: str, slug: str, orgnr: str, sector: str, kommune: str, *members) -> Organisation:
    """A verified organisation with `members` as approved members, the first of them its admin."""
    made = Organisation.objects.create(
        name=name, slug=slug, orgnr=orgnr, sector=sector, kommune=Kommune.objects.get(number=kommune), verified=True
    )
    for number, user in enumerate(members):
        Membership.objects.create(
            organisation=made, user=user, role="admin" if number == 0 else "member", status="approved"
        )
    return made


def hostile_post(user, organisation, **fields):
    """A post written through the post form and sent with «Publiser»: published for a verified organisation."""
    from partners import posts
    from partners.forms import PostForm

    data = {
        "organisation": organisation.pk,
        "kind": "offer",
        "title": SHORT,
        "description": corpus(20_000),
        "service_areas": ["helse-og-omsorg"],
        "challenges": ["aldring"],
        "seeking": ["kommune"],
        "expires_on": (timezone.localdate() + timedelta(days=90)).isoformat(),
        **fields,
    }
    form = PostForm(posted(**data), organisations=Organisation.objects.filter(pk=organisation.pk))
    assert form.is_valid(), form.errors
    return posts.submit(user, posts.save_post(user, organisation, form.post_data()))


def test_hostile_case_suggestion_never_runs(page, site):
    """The suggestion form (sent in the browser), the receipt, the profile, the editor's preview and
    page editor, and the published case in the library and on the kommune page."""
    from wagtail.models import Page

    from cases.library import ensure_case_index
    from cases.models import CasePage

    ensure_case_index()
    editors = make_editors_group()
    make_moderation_workflow(editors)
    editor = UserFactory(first_name="Rita", last_name="Redaktør", email="redaktor@innovasjon.example.no")
    editor.groups.add(editors)
    gjovik = Kommune.objects.get(number="3407")
    user = UserFactory(first_name="Kari", last_name="Nordmann", kommune=gjovik)
    watch = watching(page)
    text = {
        "title": SHORT,
        "summary": corpus(560),  # the browser sends a line break as two characters
        "body": corpus(19_000),
        "results": corpus(4800),
        "contact_name": SHORT,
        "contact_role": SHORT,
        "contact_email": EMAIL,
        "partnere-0-name": SHORT,
        "finansiering-0-source": SHORT,
        "finansiering-0-programme": SHORT,
    }

    log_in(page, site, user)
    watch.visit(page, site + "/casebibliotek/foresla/")
    for name, value in text.items():
        page.locator(f'[name="{name}"]').fill(value)
    page.locator('[name="partnere-0-sector"]').select_option("fou")
    page.locator('[name="sectors"][value="kommune"]').check()
    page.locator('[name="service_areas"][value="helse-og-omsorg"]').check()
    page.locator('[name="phase"]').select_option("pilotering")
    page.locator('[name="status"]').select_option("pilotering")
    page.locator('[name="start_year"]').fill("2024")

    # «Legg til én partner til» shows the form again from what was posted: hostile text in every input.
    page.get_by_role("button", name="Legg til én partner til").click()
    watch.check(page)
    expect(page.get_by_role("group", name="Partner 2")).to_be_visible()
    for name, value in text.items():
        expect(page.locator(f'[name="{name}"]')).to_have_value(value)

    # A kommune the picker does not know: the form comes back with the errors, the text kept as typed.
    kommuner = page.get_by_role("group", name="Kommuner som var med")
    kommuner.get_by_label("Kommune 2").fill(SHORT)
    page.get_by_role("button", name="Send forslaget til redaksjonen").last.click()
    watch.check(page)
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page.get_by_role("group", name="Kommuner som var med").get_by_label("Kommune 2")).to_have_value(SHORT)
    expect(page.locator('[name="body"]')).to_have_value(text["body"])
    page.get_by_role("group", name="Kommuner som var med").get_by_label("Kommune 2").fill("")
    page.get_by_role("button", name="Send forslaget til redaksjonen").last.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Takk for forslaget")
    watch.check(page, shows=TEMPLATE)
    expect(page.get_by_role("region", name="Slik lagret vi teksten")).to_contain_text(SHORT)
    watch.visit(page, site + "/konto/profil/", shows=SHORT)

    case = CasePage.objects.get(submitted_by=user)
    task_state = case.current_workflow_task_state
    log_in(page, site, editor)
    watch.visit(page, site + f"/admin/pages/workflow/preview/{case.pk}/{task_state.task_id}/", shows=TEMPLATE)
    expect(page.get_by_role("heading", level=1).first).to_have_text(SHORT)
    watch.visit(page, site + f"/admin/pages/{case.pk}/edit/")
    expect(page.locator("#id_title")).to_have_value(SHORT)
    expect(page.locator("#id_contact_email")).to_have_value(EMAIL)
    expect(page.get_by_text(TEMPLATE).first).to_be_visible()  # the body, in the rich-text editor

    task_state.approve(user=editor)
    case = Page.objects.get(pk=case.pk).specific
    assert case.live
    page.context.clear_cookies()
    watch.visit(page, site + case.url, shows=TEMPLATE)
    expect(page.get_by_role("heading", level=1)).to_have_text(SHORT)
    main = page.get_by_role("main")
    expect(main).to_contain_text(f"{SHORT}, {SHORT}")  # the funding source and its programme
    expect(main).to_contain_text(EMAIL)
    expect(main).to_contain_text(TEXTAREA)  # the results, escaped
    watch.visit(page, site + "/eksempler/", shows=SHORT)
    watch.visit(page, site + "/eksempler/?q=" + quote(QUERY), shows=QUERY)  # the query is shown too
    watch.visit(page, site + gjovik.get_absolute_url(), shows=SHORT)


def test_hostile_partner_posts_and_threads_never_run(page, site):
    """A post and its expression of interest, replies from both sides, a report, a block and a
    rejection: the post, the lists, the post form, the threads, the dashboard and the moderators' queue."""
    from partners import interest as threads
    from partners import posts
    from partners.forms import ModerationForm, ReportForm
    from partners.interest_forms import BlockForm, InterestForm, ReplyForm

    researcher = UserFactory(first_name="Ingrid", last_name="Forsker", email="ingrid@usn.example.no")
    adviser = UserFactory(first_name="Kari", last_name="Rådgiver", email="kari@skien.kommune.no")
    usn = organisation("Universitetet i Sørøst-Norge", "usn", "974802314", "fou", "4003", researcher)
    skien = organisation("Skien kommune", "skien-kommune", "938583986", "kommune", "4003", adviser)
    checker = moderator()
    post = hostile_post(researcher, usn)
    need = hostile_post(
        adviser, skien, kind="need", title="Forskningspartner til pilot", description="Vi søker en partner."
    )

    form = InterestForm(
        posted(organisation=skien.pk, offer=corpus(5000), wish=corpus(5000), contact=SHORT), organisations=[skien]
    )
    assert form.is_valid(), form.errors
    interest = threads.send_interest(adviser, post, skien, form.interest_data())
    for writer in (researcher, adviser):
        reply = ReplyForm(posted(text=corpus(5000)))
        assert reply.is_valid(), reply.errors
        threads.reply(writer, interest, reply.cleaned_data["text"])
    report = ReportForm(posted(reason=corpus(2000)))
    assert report.is_valid(), report.errors
    posts.report(adviser, post, report.cleaned_data["reason"])
    watch = watching(page)
    thread_url = site + reverse("partners:interest_thread", args=[interest.pk])

    # Anyone: the post, the list and the organisation's page.
    watch.visit(page, site + post.get_absolute_url(), shows=TEMPLATE)
    expect(page.get_by_role("heading", level=1)).to_have_text(SHORT)
    watch.visit(page, site + "/partnere/", shows=SHORT)
    watch.visit(page, site + "/partnere/?q=" + quote(QUERY), shows=QUERY)  # the query is shown too
    watch.visit(page, site + usn.get_absolute_url(), shows=SHORT)
    watch.visit(page, site + need.get_absolute_url(), shows=SHORT)  # the hostile post, as a match

    # The post's owner: the post with its interests, «Mine innlegg», the form, the thread and the dashboard.
    log_in(page, site, researcher)
    watch.visit(page, site + post.get_absolute_url(), shows=TEMPLATE)
    watch.visit(page, site + "/partnere/mine/", shows=SHORT)
    watch.visit(page, site + reverse("partners:edit", args=[post.slug]))
    expect(page.locator('[name="title"]')).to_have_value(SHORT)
    expect(page.locator('[name="description"]')).to_have_value(re.compile(re.escape(TEMPLATE)))
    watch.visit(page, thread_url, shows=TEXTAREA)
    expect(page.get_by_role("main")).to_contain_text(SHORT)  # «Slik når dere oss»
    watch.visit(page, site + "/partnere/interesse/", shows=SHORT)

    # The owner's admin blocks Skien with a hostile reason, which Skien's members are shown.
    block = BlockForm({"reason": corpus(1000)})
    assert block.is_valid(), block.errors
    threads.block_sender(researcher, interest, block.cleaned_data["reason"])
    watch.visit(page, thread_url, shows=TEXTAREA)

    log_in(page, site, adviser)
    watch.visit(page, thread_url, shows=TEXTAREA)
    expect(page.get_by_role("main")).to_contain_text("Begrunnelse: " + TEXTAREA)
    watch.visit(page, site + "/partnere/interesse/", shows=SHORT)
    watch.visit(page, site + reverse("partners:interest_new", args=[post.slug]), shows="Begrunnelse: " + TEXTAREA)
    watch.visit(page, site + post.get_absolute_url(), shows=TEMPLATE)

    # The moderator reads the report in the admin and rejects the post with a hostile reason.
    log_in(page, site, checker)
    watch.visit(page, site + reverse("partnermoderering:index"), shows=SHORT)
    expect(page.get_by_role("main")).to_contain_text(TEXTAREA)  # the report's reason
    decision = ModerationForm({"p-decision": "reject", "p-reason": corpus(2000)}, prefix="p")
    assert decision.is_valid(), decision.errors
    posts.moderate(checker, post, "reject", decision.cleaned_data["reason"])
    log_in(page, site, researcher)
    watch.visit(page, site + post.get_absolute_url(), shows=TEXTAREA)
    watch.visit(page, site + "/partnere/mine/", shows=SHORT)


def test_hostile_profile_never_runs_where_the_name_shows(page, site):
    """The profile and its form; the name in a membership request, an interest thread, a cohort and
    the case suggestion form that starts from the profile."""
    from cases.library import ensure_case_index
    from courses.cohorts import join_cohort
    from courses.library import ensure_course_index
    from courses.models import Cohort
    from innoplatform.accounts.forms import ProfileForm
    from innoplatform.organisations.membership import request_membership
    from partners.interest import InterestData, send_interest
    from tests.courses.conftest import small_course

    ensure_case_index()
    user = UserFactory(email="kari@bamble.kommune.no")
    form = ProfileForm(posted(first_name=SHORT, last_name=LAST_NAME, job_title=JOB_TITLE, kommune=""), instance=user)
    assert form.is_valid(), form.errors
    form.save()
    name = f"{SHORT} {LAST_NAME}"

    researcher = UserFactory(first_name="Ingrid", last_name="Forsker", email="ingrid@usn.example.no")
    usn = organisation("Universitetet i Sørøst-Norge", "usn", "974802314", "fou", "4003", researcher)
    bamble = organisation("Bamble kommune", "bamble-kommune", "940244145", "kommune", "4012", user)
    request_membership(user, usn)
    post = hostile_post(researcher, usn, title="Følgeforskning på velferdsteknologi", description="Vi forsker.")
    interest = send_interest(user, post, bamble, InterestData(offer="Vi vil gjerne være med."))
    facilitator = UserFactory(first_name="Per", last_name="Kursholder", email="per@ks.example.no")
    course = small_course(ensure_course_index())
    cohort = Cohort.objects.create(
        course=course, name="Telemark, høsten 2026", starts_on=date(2026, 9, 1), facilitator=facilitator
    )
    join_cohort(user, cohort, None)
    watch = watching(page)

    log_in(page, site, user)
    watch.visit(page, site + "/konto/profil/", shows=name)
    expect(page.get_by_role("main")).to_contain_text(JOB_TITLE)
    watch.visit(page, site + "/konto/profil/rediger/")
    expect(page.get_by_label("Fornavn")).to_have_value(SHORT)
    expect(page.get_by_label("Etternavn")).to_have_value(LAST_NAME)
    expect(page.get_by_label("Stilling")).to_have_value(JOB_TITLE)
    watch.visit(page, site + "/casebibliotek/foresla/")
    expect(page.locator('[name="contact_name"]')).to_have_value(name)
    expect(page.locator('[name="contact_role"]')).to_have_value(JOB_TITLE)

    log_in(page, site, researcher)
    watch.visit(page, site + reverse("organisations:members", args=[usn.slug]), shows=name)
    watch.visit(page, site + reverse("partners:interest_thread", args=[interest.pk]), shows=name)
    watch.visit(page, site + "/partnere/interesse/")
    log_in(page, site, facilitator)
    watch.visit(page, site + reverse("courses:cohort", args=[cohort.pk]), shows=name)


def test_hostile_organisation_profile_never_runs(page, site):
    """An organisation registered and then edited with hostile text: its page, the list, the form,
    its members, its posts, the admin's profile and the moderators' list of unverified organisations."""
    from innoplatform.organisations.forms import OrganisationForm, RegisterOrganisationForm
    from innoplatform.organisations.registration import register_organisation, update_organisation
    from partners import posts

    admin = UserFactory(first_name="Ingrid", last_name="Forsker", email="ingrid@usn.example.no")
    member = UserFactory(first_name="Ola", last_name="Medlem", email="ola@usn.example.no")
    checker = moderator()
    fields = {
        "name": SHORT,
        "orgnr": "974 760 673",
        "sector": "fou",
        "kommune": "",
        "website": WEBSITE,
        "description": SHORT,
        "domains": "usn.example.no",
    }
    form = RegisterOrganisationForm(posted(**fields))
    assert form.is_valid(), form.errors
    registered = register_organisation(admin, form.cleaned_data)
    edit = OrganisationForm(posted(**{**fields, "description": corpus(1000)}), instance=registered)
    assert edit.is_valid(), edit.errors
    registered = update_organisation(admin, edit.instance, edit.cleaned_data)
    Membership.objects.create(organisation=registered, user=member, status="pending")
    post = hostile_post(admin, registered, title="Følgeforskning på velferdsteknologi", description="Vi forsker.")
    posts.moderate(checker, post, "approve")  # not verified yet: a moderator approves the post
    watch = watching(page)
    url = site + registered.get_absolute_url()

    watch.visit(page, url, shows=TEXTAREA)
    expect(page.get_by_role("heading", level=1)).to_have_text(SHORT)
    expect(page.locator("a[href*='www.example.no']")).to_have_attribute("href", WEBSITE)
    watch.visit(page, site + "/organisasjoner/", shows=SHORT)
    watch.visit(page, site + "/organisasjoner/?q=" + quote(QUERY), shows=QUERY)  # the query is shown too
    watch.visit(page, site + post.get_absolute_url(), shows=SHORT)
    watch.visit(page, site + "/partnere/", shows=SHORT)

    log_in(page, site, admin)
    watch.visit(page, url, shows=TEXTAREA)
    watch.visit(page, site + reverse("organisations:edit", args=[registered.slug]))
    expect(page.get_by_label("Navn", exact=True)).to_have_value(SHORT)
    expect(page.get_by_label("Nettsted")).to_have_value(WEBSITE)
    expect(page.locator('[name="description"]')).to_have_value(corpus(1000))
    watch.visit(page, site + reverse("organisations:members", args=[registered.slug]), shows=SHORT)
    watch.visit(page, site + "/konto/profil/", shows=SHORT)
    watch.visit(page, site + "/partnere/mine/", shows=SHORT)

    log_in(page, site, checker)
    watch.visit(page, site + reverse("partnermoderering:index"), shows=SHORT)


def test_hostile_course_reflections_projects_and_cohort_messages_never_run(page, site):
    """Reflection answers, a forged quiz answer and a project title: the lesson, the project, the
    facilitator's cohort page and the case suggestion started from the project; a cohort message
    shown again in its form."""
    from django.core import mail

    from cases.library import ensure_case_index
    from courses.cohorts import join_cohort
    from courses.library import ensure_course_index
    from courses.models import Cohort, Enrollment
    from courses.progress import MAX_REFLECTION_LENGTH, course_outline, save_reflection
    from tests.courses.conftest import small_course

    ensure_case_index()
    course = small_course(ensure_course_index(), sequential=False)
    lessons = [lesson for outline in course_outline(course) for lesson in outline.lessons]
    participant = UserFactory(first_name="Kari", last_name="Nordmann", email="kari@bamble.kommune.no")
    facilitator = UserFactory(first_name="Per", last_name="Kursholder", email="per@ks.example.no")
    cohort = Cohort.objects.create(
        course=course, name="Telemark, høsten 2026", starts_on=date(2026, 9, 1), facilitator=facilitator
    )
    enrollment = join_cohort(participant, cohort, None)
    answered = [lesson for lesson in lessons if any(block.block_type == "reflection" for block in lesson.body)]
    for lesson in answered:
        block = next(block for block in lesson.body if block.block_type == "reflection")
        save_reflection(enrollment, lesson, block.id, corpus(MAX_REFLECTION_LENGTH))
    Enrollment.objects.filter(pk=enrollment.pk).update(completed_at=timezone.now())  # a finished course
    watch = watching(page)

    log_in(page, site, participant)
    for lesson in answered:
        watch.visit(page, site + lesson.url)
        expect(page.get_by_role("region", name="Refleksjon").locator("textarea")).to_have_value(
            corpus(MAX_REFLECTION_LENGTH)
        )
    # A quiz answer is one of the options' ids; a forged one comes back from the server as a wrong answer.
    page.goto(site + answered[0].url)
    quiz = page.get_by_role("region", name="Test deg selv")
    quiz.locator('input[type="radio"]').first.evaluate("(input, value) => { input.value = value; }", SHORT[:64])
    quiz.locator('input[type="radio"]').first.check()
    quiz.get_by_role("button", name="Sjekk svarene").click()
    watch.check(page, shows="Siste forsøk: 0 % riktig.")
    project_url = site + reverse("courses:project", args=[course.pk])
    watch.visit(page, project_url, shows=TEXTAREA)
    page.locator('[name="project_title"]').fill(SHORT)
    page.locator('[name="share_reflections"]').check()
    page.get_by_role("button", name="Lagre", exact=True).click()
    watch.check(page, shows="Prosjektet er lagret.")
    expect(page.locator('[name="project_title"]')).to_have_value(SHORT)
    page.get_by_role("button", name="Del prosjektet som eksempel").click()
    watch.check(page)
    expect(page.locator('[name="title"]')).to_have_value(SHORT)
    expect(page.locator('[name="body"]')).to_have_value(re.compile(re.escape(TEXTAREA)))

    log_in(page, site, facilitator)
    cohort_url = site + reverse("courses:cohort", args=[cohort.pk])
    watch.visit(page, cohort_url, shows=TEXTAREA)
    # A cohort message is e-mailed, not shown; the page shows it again in its form when it is refused
    # (here: sent without its submission token).
    page.goto(cohort_url)
    page.get_by_role("textbox", name="Emne").fill(SHORT)
    page.get_by_role("textbox", name="Melding").fill(corpus(10_000))
    page.locator('[name="form_token"]').evaluate("input => input.remove()")
    page.get_by_role("button", name="Send meldingen").click()
    watch.check(page, shows="Skjemaet manglet en nøkkel")
    expect(page.get_by_role("textbox", name="Emne")).to_have_value(SHORT)
    expect(page.get_by_role("textbox", name="Melding")).to_have_value(corpus(10_000))
    page.goto(cohort_url)
    page.get_by_role("textbox", name="Emne").fill(SHORT)
    page.get_by_role("textbox", name="Melding").fill(corpus(10_000))
    page.get_by_role("button", name="Send meldingen").click()
    watch.check(page, shows="Meldingen er sendt til 1 deltaker.")
    assert mail.outbox[-1].to == [participant.email]
    assert TEXTAREA in mail.outbox[-1].body
