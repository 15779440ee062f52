"""Mail goes through a task after commit: a mail server that is down never costs the user's action."""

import smtplib
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django_tasks_db.models import DBTaskResult

from django.core import mail
from django.core.mail import EmailMessage
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from innoplatform.accounts.models import User
from innoplatform.core.mail import RETRY_DELAYS, deliver_email, queue_messages, serialise

pytestmark = pytest.mark.django_db

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
SIGNUP = {"email": "kari@kommune.example.no", "password1": "Sterkt-passord-42", "password2": "Sterkt-passord-42"}


@pytest.fixture
def smtp_down(settings):
    """A real SMTP backend pointed at a port where nothing listens: every send is refused."""
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2


def test_mail_is_sent_only_after_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        EmailMessage("Emne", "Tekst", to=["a@kommune.example.no"]).send()
        assert mail.outbox == []
    assert [message.subject for message in mail.outbox] == ["Emne"]


def test_no_mail_when_the_transaction_is_rolled_back(django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        EmailMessage("Emne", "Tekst", to=["a@kommune.example.no"]).send()
        raise RuntimeError
    assert callbacks == [] and mail.outbox == []


def test_signup_succeeds_and_keeps_the_account_when_smtp_is_down(
    client, home_page, smtp_down, caplog, django_capture_on_commit_callbacks
):
    with caplog.at_level("ERROR"), django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(reverse("account_signup"), SIGNUP)
    assert callbacks and "not sent after 1 attempts" in caplog.text
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    user = User.objects.get(email=SIGNUP["email"])
    assert EmailAddress.objects.filter(user=user, verified=False).exists()


def test_password_reset_succeeds_when_smtp_is_down(
    client, user, home_page, smtp_down, caplog, django_capture_on_commit_callbacks
):
    with caplog.at_level("ERROR"), django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account_reset_password"), {"email": user.email})
    assert "not sent after 1 attempts" in caplog.text
    assert response.status_code == 302
    assert response["Location"] == reverse("account_reset_password_done")


@pytest.mark.django_db(transaction=True)
def test_queued_mail_waits_for_the_worker_and_is_retried_with_backoff(client, home_page, settings, smtp_down):
    """The worker closes its database connection after each task, so this test commits for real."""
    settings.TASKS = DATABASE_TASKS
    assert client.post(reverse("account_signup"), SIGNUP).status_code == 302
    queued = DBTaskResult.objects.get()
    assert queued.status == "READY" and queued.args_kwargs["args"][0]["to"] == [SIGNUP["email"]]

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")
    retry = DBTaskResult.objects.exclude(pk=queued.pk).get()
    assert retry.status == "READY" and retry.args_kwargs["args"][1] == 1
    wait = retry.run_after - timezone.now()
    assert RETRY_DELAYS[0] - timedelta(seconds=30) < wait <= RETRY_DELAYS[0]

    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")
    assert [message.to for message in mail.outbox] == [[SIGNUP["email"]]]
    assert "[Innovasjonsplattformen]" in mail.outbox[0].subject


def test_delivery_gives_up_after_the_last_retry(settings, smtp_down, caplog):
    settings.TASKS = DATABASE_TASKS
    payload = serialise(EmailMessage("Emne", "Tekst", to=["a@kommune.example.no"]))
    with caplog.at_level("ERROR"), pytest.raises((smtplib.SMTPException, OSError)):
        deliver_email.call(payload, len(RETRY_DELAYS))
    assert "not sent after" in caplog.text
    assert not DBTaskResult.objects.exists()


def test_a_subject_with_a_newline_is_sent_on_one_line(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        queue_messages([EmailMessage("Takk for forslaget:\nDigitalt tilsyn\r\nBcc: x@y.no", "Tekst", to=["a@b.no"])])
    assert mail.outbox[0].subject == "Takk for forslaget: Digitalt tilsyn Bcc: x@y.no"
    assert mail.outbox[0].bcc == []


def test_html_alternative_and_attachments_survive_the_queue(django_capture_on_commit_callbacks):
    message = mail.EmailMultiAlternatives("Emne", "Tekst", to=["a@b.no"])
    message.attach_alternative("<p>Tekst</p>", "text/html")
    message.attach("liste.csv", "a;b\n", "text/csv")
    with django_capture_on_commit_callbacks(execute=True):
        queue_messages([message])
    sent = mail.outbox[0]
    assert sent.alternatives[0][0] == "<p>Tekst</p>"
    assert sent.attachments[0][0] == "liste.csv" and sent.attachments[0][1] in (b"a;b\n", "a;b\n")
