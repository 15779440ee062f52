"""Every e-mail leaves through one django-tasks task, enqueued after the transaction commits.

`QueuedEmailBackend` is ``settings.EMAIL_BACKEND``: whatever sends mail (allauth,
Wagtail's moderation notices, the platform's own receipts) hands its messages to
`queue_messages`, which turns them into plain data and enqueues `deliver_email`
once the surrounding transaction has committed. The task sends through the real
backend (``EMAIL_DELIVERY_BACKEND``, from ``EMAIL_URL``) and, when the mail server
fails, enqueues itself again after a growing delay (where the task backend can
defer work, as the database backend run by ``manage.py db_worker`` can). A mail
server that is down therefore never fails, nor rolls back, what the user did.
"""

import base64
import logging
import smtplib
from collections.abc import Iterable
from datetime import timedelta

from django_tasks import task

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.utils import timezone

logger = logging.getLogger(__name__)

RETRY_DELAYS = (
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
    timedelta(hours=8),
)
"""Waits before each new attempt; after the last one the message is given up and logged as an error."""


def one_line(text: str) -> str:
    """A header value on one line: newlines would make Django refuse the whole message (BadHeaderError)."""
    return " ".join(str(text).split())


def serialise(message: EmailMessage) -> dict:
    """The message as JSON-ready data, so it can wait in the task queue."""
    return {
        "subject": one_line(message.subject),
        "body": message.body,
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": {name: one_line(value) for name, value in message.extra_headers.items()},
        "alternatives": [[content, mimetype] for content, mimetype in getattr(message, "alternatives", [])],
        "attachments": [_attachment(item) for item in message.attachments],
    }


def _attachment(item) -> list:
    filename, content, mimetype = item
    data = content.encode() if isinstance(content, str) else bytes(content)
    return [filename, base64.b64encode(data).decode("ascii"), mimetype]


def deserialise(data: dict) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
    )
    for content, mimetype in data["alternatives"]:
        message.attach_alternative(content, mimetype)
    for filename, content, mimetype in data["attachments"]:
        message.attach(filename, base64.b64decode(content), mimetype)
    return message


def queue_messages(messages: Iterable[EmailMessage]) -> int:
    """Enqueue one delivery task per message once the current transaction commits; returns the count."""
    payloads = [serialise(message) for message in messages]

    def enqueue() -> None:
        for payload in payloads:
            deliver_email.enqueue(payload)

    transaction.on_commit(enqueue, robust=True)
    return len(payloads)


def send_email(subject: str, body: str, to: list[str], *, html: str | None = None) -> None:
    """Send one message from DEFAULT_FROM_EMAIL, through the queue like every other e-mail."""
    message = EmailMultiAlternatives(subject=subject, body=body, to=to)
    if html:
        message.attach_alternative(html, "text/html")
    queue_messages([message])


@task()
def deliver_email(payload: dict, attempt: int = 0) -> str:
    """Send one queued message through the real backend; on a mail-server failure, try again later."""
    connection = get_connection(settings.EMAIL_DELIVERY_BACKEND)
    try:
        connection.send_messages([deserialise(payload)])
    except (smtplib.SMTPException, OSError) as error:
        recipients = ", ".join(payload["to"])
        if attempt >= len(RETRY_DELAYS) or not deliver_email.get_backend().supports_defer:
            logger.error("E-mail to %s not sent after %d attempts: %s", recipients, attempt + 1, error)
            raise
        delay = RETRY_DELAYS[attempt]
        deliver_email.using(run_after=timezone.now() + delay).enqueue(payload, attempt + 1)
        logger.warning("E-mail to %s failed (%s); next attempt in %s", recipients, error, delay)
        return "retry"
    return "sent"


class QueuedEmailBackend(BaseEmailBackend):
    """Django e-mail backend that queues instead of sending; see the module docstring."""

    def send_messages(self, email_messages) -> int:
        return queue_messages(email_messages)
