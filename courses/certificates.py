"""Course certificates: issued once when a course is complete, checkable by anyone with the code.

The code is random (12 characters from an alphabet without look-alike letters), so
it cannot be guessed from a name or a date; an unknown code is a plain 404.
"""

import secrets

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from innoplatform.core.mail import send_email

from .models import Enrollment
from .models.cohorts import CODE_ALPHABET


def new_certificate_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def normalised_code(text: str) -> str:
    """A code as typed or read aloud ("abcd efgh jklm") in its stored form ("ABCD-EFGH-JKLM")."""
    raw = "".join(character for character in text.upper() if character in CODE_ALPHABET)[:12]
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}" if len(raw) == 12 else ""


def issue_certificate(enrollment: Enrollment) -> bool:
    """Mark the enrolment complete with a new certificate code and e-mail the participant; False if already done."""
    now = timezone.now()
    for _attempt in range(5):
        code = new_certificate_code()
        try:
            with transaction.atomic():
                updated = Enrollment.objects.filter(pk=enrollment.pk, completed_at__isnull=True).update(
                    completed_at=now, certificate_code=code
                )
            break
        except IntegrityError:  # the same code drawn twice: draw again
            continue
    else:
        raise RuntimeError("Could not draw a unique certificate code")
    if not updated:
        return False
    enrollment.completed_at, enrollment.certificate_code = now, code
    user, course = enrollment.user, enrollment.course
    send_email(
        settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + gettext("Kursbevis: %(course)s") % {"course": course.title},
        render_to_string(
            "courses/email/course_completed.txt",
            {
                "user": user,
                "course": course,
                "code": code,
                "certificate_url": settings.SITE_URL + reverse("courses:certificate", args=[code]),
            },
        ),
        [user.email],
    )
    return True


def certificate_for(code: str) -> Enrollment | None:
    """The completed enrolment a code belongs to, or None (for an unknown or malformed code)."""
    code = normalised_code(code)
    if not code:
        return None
    return (
        Enrollment.objects.select_related("user", "course")
        .filter(certificate_code=code, completed_at__isnull=False)
        .first()
    )


def certificate_pdf(html: str, base_url: str) -> bytes | None:
    """The certificate page as PDF through WeasyPrint, or None where its system libraries are missing."""
    try:
        from weasyprint import HTML
    except (ImportError, OSError):
        return None
    return HTML(string=html, base_url=base_url).write_pdf()
