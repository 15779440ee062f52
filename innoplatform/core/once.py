"""One click, one write: a form is processed at most once per rendered copy.

Every form that creates something carries a hidden random token
(`SubmissionTokenMixin`). `run_once` claims the token in the same transaction as
the work: a second post of the same form (a double click, a resent request, a
second tab) waits for the first, finds its token taken and gets the first one's
result instead of writing again.
"""

import uuid
from collections.abc import Callable
from datetime import timedelta
from typing import TypeVar

from django import forms
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import FormSubmission

T = TypeVar("T")
KEEP_TOKENS = timedelta(days=30)


class SubmissionTokenMixin(forms.Form):
    """Adds the hidden token a new copy of the form gets; a bound form keeps the one it was posted with."""

    form_token = forms.UUIDField(
        widget=forms.HiddenInput,
        error_messages={
            "required": _("Skjemaet manglet en nøkkel. Se over og send det på nytt."),
            "invalid": _("Skjemaet manglet en nøkkel. Se over og send det på nytt."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("form_token", uuid.uuid4())


def run_once(
    token: uuid.UUID, action: str, user, work: Callable[[], T], result: Callable[[T], str]
) -> tuple[str, bool]:
    """Do `work` once per token; returns (its stored result, whether it ran in this call).

    The token row and the work commit together, so a failure leaves the token free
    for the next try. A token already used by another user or another action is not
    this user's: the form is treated as new work with a fresh token.
    """
    with transaction.atomic():
        try:
            with transaction.atomic():
                claim = FormSubmission.objects.create(token=token, action=action, user=user)
        except IntegrityError:
            earlier = FormSubmission.objects.filter(token=token).first()
            if earlier is not None and earlier.action == action and earlier.user_id == getattr(user, "pk", None):
                return earlier.result, False
            claim = FormSubmission.objects.create(token=uuid.uuid4(), action=action, user=user)
        claim.result = result(work())
        claim.save(update_fields=["result"])
    FormSubmission.objects.filter(created_at__lt=timezone.now() - KEEP_TOKENS).delete()
    return claim.result, True
