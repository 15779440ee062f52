"""Hostile HTML in every text field of funding, rendered in Chromium: nothing runs.

The data is written through the funding services (the same calls the views make),
every text field filled with markup from an XSS corpus; then each page that shows
the text is opened in the browser as the person who sees it. No dialog may open, no
payload may write to the console or trip the Content Security Policy, no request may
reach the sentinel host, and no element may carry an event handler or a javascript: URL.
"""

import re

import pytest
from playwright.sync_api import expect

from .hostile import SHORT, Watch, corpus
from .test_funding_journey import close_call, log_in, make_people

pytestmark = pytest.mark.e2e


def hostile_application(people):
    """A submitted application with hostile text in every field the applicant writes."""
    from funding import applications
    from funding.applications import ApplicationData, BudgetRow, PartnerRow

    application = applications.start_application(people.applicant, people.call, people.kommune)
    data = ApplicationData(
        fields={
            "title": SHORT,
            "summary": corpus(1500),
            "problem": corpus(10_000),
            "goal": corpus(5000),
            "phase": "pilotering",
            "amount_sought_nok": 500_000,
            "contact_name": SHORT,
            "contact_email": "kari.nordmann@kongsvinger.example.no",
            "contact_phone": "+47 62 80 80 00",
        },
        service_areas=["helse-og-omsorg"],
        challenges=["aldring"],
        partners=[PartnerRow(people.partner, SHORT)],
        budget=[BudgetRow(2027, SHORT, 700_000, 200_000)],
    )
    applications.save_application(people.applicant, application, data)
    return application


REPORT = {
    "activities": corpus(10_000),
    "results": corpus(10_000),
    "key_figures": "40 % færre nattbesøk <script>alert('tall')</script>\n" + corpus(3000),
    "lessons": corpus(10_000),
    "spent_nok": 390_000,
    "spending_comment": corpus(5000),
    "in_operation": True,
}


def test_hostile_text_in_every_funding_field_never_runs(page, site):
    from wagtail.models import Page

    from cases.models import CasePage
    from funding import allocation, applications, assessing, publishing, reporting
    from funding.models import Application, AssessmentCriterion, Report

    people = make_people(call_title=SHORT, call_text=corpus(5000))
    AssessmentCriterion.objects.filter(call=people.call, sort_order=0).update(name=SHORT[:100], description=SHORT)
    watch = Watch(page)
    watch.check_the_checks(page)
    application = hostile_application(people)
    app_url = site + application.get_absolute_url()
    call_url = site + people.call.get_absolute_url()

    # The applicant's draft, its edit form (hostile text inside inputs and textareas), the call and the lists.
    log_in(page, site, people.applicant)
    watch.visit(page, site + f"/tilskudd/soknader/{application.pk}/rediger/")
    expect(page.get_by_label(re.compile("^Prosjektnavn"))).to_have_value(SHORT)
    watch.visit(page, app_url, shows="</textarea><script>alert('textarea')</script>")
    expect(page.get_by_role("heading", level=1)).to_have_text(SHORT)
    watch.visit(page, site + "/tilskudd/soknader/", shows="<script>alert(2)</script>")
    watch.visit(page, call_url, shows="{{ 7*7 }}")
    expect(page.get_by_role("heading", level=1)).to_have_text(SHORT)
    watch.visit(page, site + "/tilskudd/utlysninger/", shows="<script>alert(2)</script>")

    # Submitted and past the deadline: the assessor reads, scores with hostile comments, ranks and decides.
    applications.submit_application(people.applicant, application)
    close_call(people.call)
    criteria = list(people.call.criteria.all())
    assessing.save_assessment(
        people.assessor,
        application,
        no_conflict=True,
        scores=[assessing.ScoreInput(c, 4, corpus(2000)) for c in criteria],
        comment=corpus(5000),
    )
    log_in(page, site, people.assessor)
    watch.visit(page, app_url, shows="<script>alert(2)</script>")
    watch.visit(page, site + f"/tilskudd/soknader/{application.pk}/vurder/")
    expect(page.get_by_label(re.compile("^Samlet vurdering"))).to_have_value(corpus(5000))
    watch.visit(page, site + f"/tilskudd/utlysninger/{people.call.slug}/vurdering/", shows="<script>alert(2)</script>")
    watch.visit(page, site + "/tilskudd/soknader/", shows="<script>alert(2)</script>")
    watch.visit(page, site + f"/tilskudd/utlysninger/{people.call.slug}/rediger/")
    expect(page.get_by_label(re.compile("^Tittel"))).to_have_value(SHORT)
    allocation.decide(people.assessor, application, amount_nok=400_000, reason=corpus(5000))
    watch.visit(page, app_url, shows="</textarea><script>alert('textarea')</script>")

    # The final report, returned with a hostile comment, delivered again and approved.
    reporting.save_report(people.applicant, application, Report.Kind.FINAL, REPORT, submit=True)
    report = Report.objects.get(application=application)
    reporting.review_report(people.assessor, report, approve=False, comment=corpus(5000))
    log_in(page, site, people.applicant)
    watch.visit(page, site + f"/tilskudd/soknader/{application.pk}/rapport/sluttrapport/", shows="{{ 7*7 }}")
    expect(page.get_by_label(re.compile("^Hva som ble gjort"))).to_have_value(corpus(10_000))
    watch.visit(page, app_url, shows="<details open ontoggle=alert(4)>")
    reporting.save_report(people.applicant, application, Report.Kind.FINAL, REPORT, submit=True)
    reporting.review_report(people.assessor, report, approve=True, comment=corpus(5000))
    watch.visit(page, app_url, shows="<details open ontoggle=alert(4)>")

    # Granted: the public list, the grant page and the kommune profile.
    page.context.clear_cookies()
    watch.visit(page, site + "/tilskudd/", shows="<script>alert(2)</script>")
    watch.visit(page, site + application.get_public_url(), shows="<details open ontoggle=alert(4)>")
    expect(page.get_by_role("heading", level=1)).to_have_text(SHORT)
    watch.visit(page, site + people.kommune.get_absolute_url(), shows="<script>alert(2)</script>")

    # «Publiser som eksempel»: the editor previews the draft in Wagtail's admin, which has no CSP of its own.
    case = publishing.publish_as_case(people.applicant, Application.objects.get(pk=application.pk))
    case = CasePage.objects.get(pk=case.pk)
    task_state = case.current_workflow_task_state
    log_in(page, site, people.editor)
    watch.visit(page, site + f"/admin/pages/workflow/preview/{case.pk}/{task_state.task_id}/")
    expect(page.get_by_role("heading", level=1).first).to_contain_text("<script>alert(2)</script>")
    watch.visit(page, site + f"/admin/pages/{case.pk}/edit/")
    expect(page.locator("#id_title")).to_have_value(SHORT)
    expect(page.get_by_text("{{ 7*7 }}").first).to_be_visible()  # the body, in the rich-text editor

    # Approved through Wagtail's workflow API (the journey test approves in the editor), the case page,
    # the library and the application's link to the case show the same text, escaped.
    task_state.approve(user=people.editor)
    case = Page.objects.get(pk=case.pk).specific
    assert case.live
    page.context.clear_cookies()
    watch.visit(page, site + case.url, shows="{{ 7*7 }}")
    expect(page.get_by_role("heading", level=1)).to_have_text(SHORT)
    watch.visit(page, site + "/eksempler/", shows="<script>alert(2)</script>")
    log_in(page, site, people.applicant)
    watch.visit(page, app_url, shows="Eksempelet i eksempelbiblioteket: <img")
    watch.visit(page, site + application.get_public_url(), shows="<details open ontoggle=alert(4)>")
