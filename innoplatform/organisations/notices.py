"""E-mail about requests to join: to the organisation's admins when one arrives, to the requester once decided."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.translation import gettext

from innoplatform.core.mail import send_email

from .directory import admin_addresses
from .models import Membership


def notify_decision(membership: Membership, url: str) -> None:
    """Tell the requester whether they were approved; `url` is the organisation's page, absolute."""
    approved = membership.is_approved
    subject = (
        gettext("Du er nå medlem av %(organisation)s")
        if approved
        else gettext("Forespørselen om medlemskap i %(organisation)s er avslått")
    ) % {"organisation": membership.organisation.name}
    send_email(
        settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject,
        render_to_string(
            "organisations/email/membership_decided.txt",
            {"membership": membership, "user": membership.user, "approved": approved, "url": url},
        ),
        [membership.user.email],
    )


def notify_admins(membership: Membership, members_url: str) -> None:
    """Tell the organisation's admins, each in their own message, that someone waits for an answer."""
    organisation = membership.organisation
    subject = gettext("%(name)s ber om å bli medlem av %(organisation)s") % {
        "name": membership.user.get_full_name() or membership.user.email,
        "organisation": organisation.name,
    }
    body = render_to_string(
        "organisations/email/membership_requested.txt",
        {"membership": membership, "user": membership.user, "url": members_url},
    )
    for address in admin_addresses(organisation):
        send_email(settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject, body, [address])
