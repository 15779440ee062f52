"""E-mail to whoever asked to join an organisation, once an admin or a moderator has decided."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.translation import gettext

from innoplatform.core.mail import send_email

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
