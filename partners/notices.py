"""E-mails about a post to its organisation's members: a moderator's decision, and the reminder before it expires.

Each goes through the platform's mail queue, after the change is committed.
"""

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext

from innoplatform.core.mail import send_email
from innoplatform.organisations.models import Membership

from .models import CollaborationPost
from .posts import due_for_reminder


def member_addresses(post: CollaborationPost) -> list[str]:
    """The e-mail addresses of the owning organisation's approved members (one query)."""
    return list(
        Membership.objects.filter(
            organisation_id=post.organisation_id, status=Membership.Status.APPROVED, user__is_active=True
        )
        .exclude(user__email="")
        .values_list("user__email", flat=True)
        .order_by("user__email")
    )


def _send(post: CollaborationPost, subject: str, template: str, **context) -> None:
    recipients = member_addresses(post)
    if not recipients:
        return
    body = render_to_string(template, {"post": post, "url": settings.SITE_URL + post.get_absolute_url(), **context})
    for address in recipients:  # one message each: members do not see one another's addresses
        send_email(settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject, body, [address])


def notify_decision(post: CollaborationPost) -> None:
    """Tell the organisation what a moderator decided about its post, with the reason when there is one."""
    subjects = {
        CollaborationPost.Status.PUBLISHED: gettext("Innlegget er godkjent: %(title)s"),
        CollaborationPost.Status.REJECTED: gettext("Innlegget er avvist: %(title)s"),
        CollaborationPost.Status.HIDDEN: gettext("Innlegget er skjult: %(title)s"),
    }
    if post.status in subjects:
        _send(post, subjects[post.status] % {"title": post.title}, "partners/email/moderation_decision.txt")


def remind_expiring(today=None) -> int:
    """Remind the members of every post that expires within a week, once per post; returns how many."""
    reminded = 0
    for post in due_for_reminder(today):
        with transaction.atomic():
            claimed = CollaborationPost.objects.filter(pk=post.pk, reminded_at__isnull=True).update(
                reminded_at=timezone.now()
            )
            if claimed:
                _send(
                    post,
                    gettext("Innlegget utløper snart: %(title)s") % {"title": post.title},
                    "partners/email/expiry_reminder.txt",
                )
                reminded += 1
    return reminded
