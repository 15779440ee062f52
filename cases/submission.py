"""A user's case suggestion becomes a draft in the editors' moderation queue."""

from django.conf import settings
from django.db import transaction
from django.template.defaultfilters import linebreaks
from django.template.loader import render_to_string
from django.utils import timezone

from wagtail.models import Page

from innoplatform.core.mail import send_email
from innoplatform.core.sanitizer import sanitize_html
from innoplatform.core.text import norwegian_slugify

from .models import CaseIndexPage, CasePage, Dimension


def text_to_html(text: str) -> str:
    """Plain text becomes escaped paragraphs; text with markup keeps only what the sanitizer allows."""
    html = text if "<" in text else linebreaks(text, autoescape=True)
    return sanitize_html(html)


def unique_slug(parent: Page, title: str) -> str:
    base = norwegian_slugify(title)[:70] or "eksempel"
    taken = set(parent.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def case_library() -> CaseIndexPage | None:
    return CaseIndexPage.objects.live().first()


@transaction.atomic
def submit_case(user, data: dict, index: CaseIndexPage) -> CasePage:
    """Create the suggestion as an unpublished draft under `index` and start moderation.

    `data` is a CaseSuggestionForm's cleaned data. The submitter gets a receipt by e-mail.
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
    index.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    if workflow := page.get_workflow():
        workflow.start(page, user)
    send_email(
        f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}Takk for forslaget: {page.title}",
        render_to_string("cases/email/suggestion_received.txt", {"page": page, "user": user}),
        [user.email],
    )
    return page


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
        f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}Eksempelet ditt er publisert: {page.title}",
        render_to_string(
            "cases/email/suggestion_published.txt", {"page": page, "user": user, "url": page.get_full_url()}
        ),
        [user.email],
    )
    return True
