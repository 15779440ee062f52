"""Reminders before report deadlines: once per project and report, `REMINDER_DAYS` ahead.

A scheduler runs `manage.py send_funding_reminders` daily. A granted project whose
final report is due within the window becomes «rapport skal leveres». The mail
itself leaves through the platform's queue (a django-tasks task), so a mail
server that is down delays a reminder but never loses one.
"""

import logging
from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from . import lifecycle, notices
from .lifecycle import FundingError
from .models import Application, Report, ReportReminder

logger = logging.getLogger(__name__)
REMINDER_DAYS = 14
Status = Application.Status
DUE_STATUSES = (Status.GRANTED, Status.PARTLY_GRANTED, Status.REPORTING_DUE)


def _deadlines(application: Application) -> list[tuple[str, date]]:
    call = application.call
    pairs = [(Report.Kind.FINAL, call.report_due)]
    if call.interim_report_due:
        pairs.append((Report.Kind.INTERIM, call.interim_report_due))
    return pairs


def send_reminders(today: date | None = None) -> int:
    """Send the reminders that are due today or overdue and not yet sent; the number sent.

    One project that cannot be moved on is logged and left out, without stopping the others.
    """
    today = today or timezone.localdate()
    horizon = today + timedelta(days=REMINDER_DAYS)
    applications = (
        Application.objects.filter(status__in=DUE_STATUSES, call__isnull=False)
        .select_related("call", "created_by")
        .prefetch_related("reports")
    )
    reminded = set(ReportReminder.objects.values_list("application_id", "kind"))
    sent = 0
    for application in applications:
        delivered = {
            r.kind for r in application.reports.all() if r.status in (Report.Status.SUBMITTED, Report.Status.APPROVED)
        }
        for kind, due in _deadlines(application):
            if kind in delivered or (application.pk, kind) in reminded or due > horizon:
                continue
            try:
                with transaction.atomic():
                    ReportReminder.objects.create(application=application, kind=kind, sent_on=today)
                    if kind == Report.Kind.FINAL and application.status != Status.REPORTING_DUE:
                        lifecycle.move(application, Status.REPORTING_DUE)
                    notices.report_reminder(application, kind, due)
            except IntegrityError:  # another run sent it meanwhile
                continue
            except FundingError as error:  # the project moved on meanwhile; the next run looks at it again
                logger.warning(
                    "Reminder of the %s report for application %s not sent: %s", kind, application.pk, error.reason
                )
                continue
            sent += 1
    return sent
