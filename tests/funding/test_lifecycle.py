"""The application's way from draft to closed, and every change the status machine refuses."""

from datetime import timedelta

import pytest

from django.utils import timezone

from funding import allocation, applications, assessing, lifecycle, reporting
from funding.applications import ApplicationData, BudgetRow, PartnerRow
from funding.lifecycle import FundingError
from funding.models import Application, FundingCall, Report

Status = Application.Status


def complete(world) -> ApplicationData:
    data = applications.stored_data(world.application)
    data.service_areas = ["helse-og-omsorg"]
    data.partners = [PartnerRow(world.partner, "Følgeforskning")]
    data.budget = [BudgetRow(2027, "Prosjektleder", 600_000, 100_000)]
    return data


def close_call(call: FundingCall) -> None:
    FundingCall.objects.filter(pk=call.pk).update(
        opens_on=timezone.localdate() - timedelta(days=60), closes_on=timezone.localdate() - timedelta(days=1)
    )
    call.refresh_from_db()


def scores(call, value=4):
    return [assessing.ScoreInput(criterion, value) for criterion in call.criteria.all()]


def test_whole_way_from_draft_to_closed(world, django_capture_on_commit_callbacks, mailoutbox):
    app = world.application
    applications.save_application(world.applicant, app, complete(world))
    with django_capture_on_commit_callbacks(execute=True):
        applications.submit_application(world.applicant, app)
    assert Application.objects.get(pk=app.pk).status == Status.SUBMITTED
    assert any("sendt inn" in m.subject for m in mailoutbox)
    close_call(world.call)
    assessing.save_assessment(world.assessor, app, no_conflict=True, scores=scores(world.call))
    assert Application.objects.get(pk=app.pk).status == Status.UNDER_ASSESSMENT
    with django_capture_on_commit_callbacks(execute=True):
        allocation.decide(world.assessor, app, amount_nok=400_000, reason="Godt forankret.")
    assert Application.objects.get(pk=app.pk).status == Status.PARTLY_GRANTED
    assert FundingCall.objects.get(pk=world.call.pk).granted_nok == 400_000
    assert any("Vedtak" in m.subject and "400" in m.body for m in mailoutbox)
    values = {
        "activities": "Vi prøvde sensorer.",
        "results": "Færre nattbesøk.",
        "lessons": "Start smått.",
        "spent_nok": 390_000,
    }
    reporting.save_report(world.applicant, app, Report.Kind.FINAL, values, submit=True)
    assert Application.objects.get(pk=app.pk).status == Status.REPORTED
    report = Report.objects.get(application=app)
    reporting.review_report(world.assessor, report, approve=True)
    assert Application.objects.get(pk=app.pk).status == Status.CLOSED


# The status machine as docs/funding.md draws it, written out pair by pair: (from, to).
DOCUMENTED = {
    ("draft", "submitted"),
    ("draft", "withdrawn"),
    ("submitted", "under_assessment"),
    ("submitted", "withdrawn"),
    ("under_assessment", "granted"),
    ("under_assessment", "partly_granted"),
    ("under_assessment", "rejected"),
    ("granted", "reporting_due"),
    ("granted", "reported"),  # the final report delivered before the reminder made it due
    ("partly_granted", "reporting_due"),
    ("partly_granted", "reported"),
    ("reporting_due", "reported"),
    ("reported", "closed"),  # the final report approved
    ("reported", "reporting_due"),  # the final report returned
}


def test_the_documented_pairs_name_real_statuses():
    assert {status for pair in DOCUMENTED for status in pair} <= set(Status.values)


@pytest.mark.parametrize("current", list(Status))
@pytest.mark.parametrize("target", list(Status))
def test_the_machine_allows_only_its_transitions(world, current, target):
    Application.objects.filter(pk=world.application.pk).update(status=current)
    app = Application.objects.get(pk=world.application.pk)
    if (current, target) in DOCUMENTED:
        lifecycle.move(app, target)
        assert Application.objects.get(pk=app.pk).status == target
    else:
        with pytest.raises(FundingError):
            lifecycle.move(app, target)
        assert Application.objects.get(pk=app.pk).status == current
