"""Enrolling in a course and withdrawing from it.

An enrolment is unique per user and course (a database constraint), so pressing
«Meld meg på» twice at once makes one. Withdrawing keeps the progress: enrolling
again continues where the participant left off.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone

from innoplatform.accounts.services import has_verified_email

from .models import Cohort, CohortGroup, CoursePage, Enrollment
from .progress import ProgressError


def enrolment_of(user, course: CoursePage) -> Enrollment | None:
    """The user's active enrolment in `course`, or None."""
    if not user.is_authenticated:
        return None
    return (
        Enrollment.objects.filter(user=user, course=course, withdrawn_at__isnull=True).select_related("cohort").first()
    )


def enrol(user, course: CoursePage, *, cohort: Cohort | None = None, group: CohortGroup | None = None) -> Enrollment:
    """Enrol `user` (logged in, with a verified e-mail address); idempotent, and safe when two requests race."""
    if not user.is_authenticated:
        raise ProgressError("anonymous")
    if not has_verified_email(user):
        raise ProgressError("unverified")
    try:
        with transaction.atomic():
            enrollment = Enrollment.objects.create(user=user, course=course, cohort=cohort, group=group)
    except IntegrityError:
        enrollment = Enrollment.objects.get(user=user, course=course)
        changes = {"withdrawn_at": None}
        if cohort is not None:
            changes |= {"cohort": cohort, "group": group}
        Enrollment.objects.filter(pk=enrollment.pk).update(**changes)
        enrollment.refresh_from_db()
    return enrollment


def withdraw(user, course: CoursePage) -> bool:
    """End the user's enrolment in `course`; progress, answers and any certificate are kept."""
    return bool(
        Enrollment.objects.filter(user=user, course=course, withdrawn_at__isnull=True).update(
            withdrawn_at=timezone.now()
        )
    )
