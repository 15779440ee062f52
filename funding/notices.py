"""E-mails about an application: the receipt, the decision, reports in and reviewed, and reminders before deadlines.

Each goes through the platform's mail queue after the change is committed, one
message per recipient so no one sees another's address. Applicants are the
application's contact person and the user who started it, while that user may
still act for the application's kommuner; the office is the approved members of
its organisation.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.translation import gettext

from innoplatform.core.mail import send_email
from innoplatform.organisations.models import Membership

from .models import Allocation, Application, OfficeDesk, Report
from .permissions import Roles


def applicant_addresses(application: Application) -> list[str]:
    """The contact person, and the user who started the application while they may still act for its kommuner.

    Someone who has left the kommune (or lost their membership) no longer hears about it. Nobody else is mailed
    for the co-applicant kommuner: the lead kommune is the applicant of record.
    """
    addresses = {application.contact_email}
    creator = application.created_by if application.created_by_id else None
    if creator is not None and creator.is_active and Roles.of(creator).is_applicant(application):
        addresses.add(creator.email)
    return sorted(address for address in addresses if address)


def office_addresses(office: str) -> list[str]:
    return sorted(
        set(
            Membership.objects.filter(
                organisation__in=OfficeDesk.objects.filter(office=office).values("organisation"),
                status=Membership.Status.APPROVED,
                user__is_active=True,
            )
            .exclude(user__email="")
            .values_list("user__email", flat=True)
        )
    )


def _send(addresses: list[str], subject: str, template: str, application: Application, **context) -> None:
    body = render_to_string(
        template,
        {"application": application, "url": settings.SITE_URL + application.get_absolute_url(), **context},
    )
    for address in addresses:
        send_email(settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject, body, [address])


def application_submitted(application: Application) -> None:
    _send(
        applicant_addresses(application),
        gettext("Søknaden er sendt inn: %(title)s") % {"title": application.title},
        "funding/email/submitted.txt",
        application,
    )


def decision_made(application: Application, allocation: Allocation) -> None:
    _send(
        applicant_addresses(application),
        gettext("Vedtak om innovasjonsmidler: %(title)s") % {"title": application.title},
        "funding/email/decision.txt",
        application,
        allocation=allocation,
    )


def report_submitted(application: Application, report: Report) -> None:
    _send(
        office_addresses(application.office),
        gettext("%(kind)s levert: %(title)s") % {"kind": report.get_kind_display(), "title": application.title},
        "funding/email/report_submitted.txt",
        application,
        report=report,
    )


def report_reviewed(application: Application, report: Report) -> None:
    _send(
        applicant_addresses(application),
        gettext("%(kind)s er behandlet: %(title)s") % {"kind": report.get_kind_display(), "title": application.title},
        "funding/email/report_reviewed.txt",
        application,
        report=report,
    )


def report_reminder(application: Application, kind: str, due) -> None:
    _send(
        applicant_addresses(application),
        gettext("Påminnelse: %(kind)s for «%(title)s» skal leveres innen %(due)s")
        % {"kind": Report.Kind(kind).label.lower(), "title": application.title, "due": due.strftime("%d.%m.%Y")},
        "funding/email/reminder.txt",
        application,
        kind_label=Report.Kind(kind).label.lower(),
        due=due,
    )
