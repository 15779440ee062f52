"""Reminders before report deadlines: sent once, in time, not for what is delivered; the project becomes «rapport skal leveres»."""

import logging
from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone

from funding import lifecycle
from funding.factories import ApplicationFactory, grant
from funding.models import Application, FundingCall, Report, ReportReminder
from funding.reminders import REMINDER_DAYS, send_reminders

Status = Application.Status


def due_in(world, days: int, interim_days: int | None = None) -> None:
    today = timezone.localdate()
    FundingCall.objects.filter(pk=world.call.pk).update(
        opens_on=today - timedelta(days=400),
        closes_on=today - timedelta(days=300),
        report_due=today + timedelta(days=days),
        interim_report_due=today + timedelta(days=interim_days) if interim_days is not None else None,
    )


def reminders(mailoutbox) -> list:
    return [m for m in mailoutbox if "Påminnelse" in m.subject]


def test_a_reminder_goes_out_once_within_the_window(world, django_capture_on_commit_callbacks, mailoutbox):
    grant(world.application, 400_000)
    due_in(world, REMINDER_DAYS)
    with django_capture_on_commit_callbacks(execute=True):
        assert send_reminders() == 1
        assert send_reminders() == 0
    sent = reminders(mailoutbox)
    assert len(sent) == 1
    assert "sluttrapport" in sent[0].subject and "Digitalt nattilsyn" in sent[0].subject
    assert sent[0].to == ["kari@kommune.example.no"]
    assert Application.objects.get(pk=world.application.pk).status == Status.REPORTING_DUE


def test_no_reminder_before_the_window(world, mailoutbox):
    grant(world.application, 400_000)
    due_in(world, REMINDER_DAYS + 1)
    assert send_reminders() == 0
    assert Application.objects.get(pk=world.application.pk).status == Status.GRANTED


def test_no_reminder_for_a_delivered_report_or_an_unfunded_application(world):
    grant(world.application, 400_000)
    due_in(world, 3)
    Report.objects.create(application=world.application, kind=Report.Kind.FINAL, status=Report.Status.SUBMITTED)
    assert send_reminders() == 0
    Application.objects.filter(pk=world.application.pk).update(status=Status.REJECTED)
    Report.objects.all().delete()
    assert send_reminders() == 0


def test_the_interim_report_has_its_own_reminder(world, django_capture_on_commit_callbacks, mailoutbox):
    grant(world.application, 400_000)
    due_in(world, 200, interim_days=5)
    with django_capture_on_commit_callbacks(execute=True):
        assert send_reminders() == 1
    assert "delrapport" in reminders(mailoutbox)[0].subject
    assert Application.objects.get(pk=world.application.pk).status == Status.GRANTED


def test_the_command_reports_how_many(world, capsys):
    grant(world.application, 400_000)
    due_in(world, 1)
    call_command("send_funding_reminders")
    assert "Påminnelser sendt: 1" in capsys.readouterr().out


def test_a_project_that_moved_on_meanwhile_does_not_stop_the_others(
    world, monkeypatch, caplog, django_capture_on_commit_callbacks, mailoutbox
):
    grant(world.application, 400_000)
    other = ApplicationFactory(
        call=world.call, lead_kommune=world.kommune_b, title="Velferdsteknologi", contact_email="ola@hamar.example.no"
    )
    grant(other, 300_000)
    due_in(world, 3)
    move = lifecycle.move

    def delivered_meanwhile(application, target):
        if application.pk == world.application.pk:  # its final report came in while the run was under way
            Application.objects.filter(pk=application.pk).update(status=Status.REPORTED)
        move(application, target)

    monkeypatch.setattr(lifecycle, "move", delivered_meanwhile)
    with caplog.at_level(logging.WARNING, logger="funding.reminders"), django_capture_on_commit_callbacks(execute=True):
        assert send_reminders() == 1
    assert [m.to for m in reminders(mailoutbox)] == [["ola@hamar.example.no"]]
    assert Application.objects.get(pk=other.pk).status == Status.REPORTING_DUE
    assert Application.objects.get(pk=world.application.pk).status != Status.REPORTING_DUE
    assert not ReportReminder.objects.filter(application=world.application).exists()  # the next run looks again
    assert f"application {world.application.pk} not sent" in caplog.text
