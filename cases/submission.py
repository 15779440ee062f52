"""A user's case suggestion becomes a draft in the editors' moderation queue."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page, WorkflowState
from wagtail.users.models import UserProfile

from innoplatform.core.mail import send_email
from innoplatform.core.sanitizer import text_to_html
from innoplatform.core.text import norwegian_slugify

from .models import CaseFunding, CaseIndexPage, CasePage, CasePartner, CaseResultFigure, Dimension


def unique_slug(parent: Page, title: str) -> str:
    base = norwegian_slugify(title)[:70] or "eksempel"
    taken = set(parent.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def submit_case(user, data: dict, index: CaseIndexPage) -> CasePage:
    """Create the suggestion as an unpublished draft under `index` and start moderation.

    `data` is a CaseSuggestion's cleaned data. The submitter gets a receipt by e-mail, and later
    the platform's own e-mail when the case is published, not Wagtail's notices for editors.
    """
    page = CasePage(
        title=data["title"],
        slug=unique_slug(index, data["title"]),
        introduction=data["summary"],
        body=[{"type": "paragraph", "value": text_to_html(data["body"])}],
        phase=data["phase"],
        status=data["status"],
        start_year=data["start_year"],
        results_text=data.get("results", ""),
        contact_name=data.get("contact_name", ""),
        contact_role=data.get("contact_role", ""),
        contact_email=data.get("contact_email", ""),
        submitted_by=user,
        owner=user,
        live=False,
    )
    page.set_codes(
        {
            Dimension.SECTOR: data["sectors"],
            Dimension.SERVICE_AREA: data["service_areas"],
            Dimension.CHALLENGE: data.get("challenges", []),
        }
    )
    page.kommuner = list(data["kommuner"])
    page.partners = [
        CasePartner(name=row["name"], sector=row["sector"], organisation=row.get("organisation"))
        for row in data.get("partners", [])
    ]
    page.result_figures = [
        CaseResultFigure(value=row["value"], unit=row["unit"], label=row["label"]) for row in data.get("figures", [])
    ]
    page.funding = [
        CaseFunding(source=row["source"], programme=row.get("programme", ""), amount_nok=row.get("amount_nok"))
        for row in data.get("funding", [])
    ]
    index.add_child(instance=page)
    quiet_editor_notices(user)
    page.save_revision(user=user, log_action=True)
    if workflow := page.get_workflow():
        workflow.start(page, user)
    send_email(
        settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + gettext("Takk for forslaget: %(title)s") % {"title": page.title},
        render_to_string("cases/email/suggestion_received.txt", {"page": page, "user": user}),
        [user.email],
    )
    return page


def quiet_editor_notices(user) -> None:
    """Wagtail's moderation e-mails (in English, with admin links) are for editors, not for outside submitters."""
    if user.has_perm("wagtailadmin.access_admin"):
        return
    UserProfile.objects.update_or_create(
        user=user,
        defaults={
            "submitted_notifications": False,
            "approved_notifications": False,
            "rejected_notifications": False,
            "updated_comments_notifications": False,
        },
    )


def notify_submitter_on_publish(page: CasePage) -> bool:
    """E-mail the submitter the first time their suggested case is published; True when sent."""
    if page.submitted_by_id is None or page.submitter_notified_at is not None:
        return False
    updated = CasePage.objects.filter(pk=page.pk, submitter_notified_at__isnull=True).update(
        submitter_notified_at=timezone.now()
    )
    if not updated:
        return False
    user = page.submitted_by
    send_email(
        settings.ACCOUNT_EMAIL_SUBJECT_PREFIX
        + gettext("Eksempelet ditt er publisert: %(title)s") % {"title": page.title},
        render_to_string(
            "cases/email/suggestion_published.txt", {"page": page, "user": user, "url": page.get_full_url()}
        ),
        [user.email],
    )
    return True


@dataclass(frozen=True)
class SuggestionStatus:
    """A suggested case as its submitter sees it on the profile."""

    page: CasePage
    status: str
    label: str


SUGGESTION_LABELS = {
    "published": _("publisert"),
    "in_moderation": _("til vurdering hos redaksjonen"),
    "changes_requested": _("redaksjonen har bedt om endringer og tar kontakt"),
    "unpublished": _("ikke publisert"),
}


def suggestion_statuses(user) -> list[SuggestionStatus]:
    """The user's suggested cases, newest first, each with where it stands (two queries)."""
    pages = list(CasePage.objects.filter(submitted_by=user).order_by("-latest_revision_created_at", "-pk"))
    states = WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page), object_id__in=[str(page.pk) for page in pages]
    ).order_by("created_at")
    latest = {state.object_id: state.status for state in states}
    result = []
    for page in pages:
        state = latest.get(str(page.pk))
        if page.live:
            status = "published"
        elif state == WorkflowState.STATUS_IN_PROGRESS:
            status = "in_moderation"
        elif state == WorkflowState.STATUS_NEEDS_CHANGES:
            status = "changes_requested"
        else:
            status = "unpublished"
        result.append(SuggestionStatus(page, status, str(SUGGESTION_LABELS[status])))
    return result
