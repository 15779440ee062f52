"""Writing, publishing, closing and moderating collaboration posts.

Only approved members of the owning organisation may create, change, close or
renew a post. Sending a post publishes it at once for a verified organisation
and puts it in the moderators' queue for one that is not. Moderators approve,
reject with a reason, or hide. Every change saves the post, so `updated_at`
tells the matching that its corpus must be rebuilt.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from innoplatform.accounts.services import has_verified_email
from innoplatform.core.sanitizer import sanitize_html
from innoplatform.core.text import norwegian_slugify
from innoplatform.municipalities.models import Fylke, Kommune
from innoplatform.organisations.models import Organisation
from innoplatform.organisations.public import is_member, is_moderator
from search.sync import object_changed

from .models import CollaborationPost, PostCode, PostReport
from .text import stems

MAX_VALIDITY = timedelta(days=365)
REMIND_BEFORE = timedelta(days=7)
RESERVED_SLUGS = frozenset({"nytt", "mine", "interesse"})
"""Addresses under /partnere/ that are pages of their own, never a post."""


class PostError(Exception):
    """An action on a post that is not allowed; `reason` is a code the views explain in words."""

    def __init__(self, reason: str):
        self.reason = reason
        super().__init__(reason)


@dataclass
class PostData:
    """What a post says; the form, the import and the demo all hand the services this."""

    kind: str
    title: str
    description: str
    expires_on: date
    service_areas: list[str] = field(default_factory=list)
    challenges: list[str] = field(default_factory=list)
    seeking: list[str] = field(default_factory=list)
    kommuner: list[Kommune] = field(default_factory=list)
    fylker: list[Fylke] = field(default_factory=list)
    whole_country: bool = False


def search_text_of(title: str, description: str) -> str:
    """The stems the matching compares; the title counts twice, as it says most about the post."""
    return " ".join(stems(f"{title} {title} {description}"))


def unique_post_slug(title: str, exclude: int | None = None) -> str:
    base = norwegian_slugify(title)[:200] or "innlegg"
    taken = RESERVED_SLUGS | set(
        CollaborationPost.objects.filter(slug__startswith=base).exclude(pk=exclude).values_list("slug", flat=True)
    )
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def _apply(post: CollaborationPost, data: PostData) -> None:
    post.kind = data.kind
    post.title = data.title
    post.description = sanitize_html(data.description)
    post.expires_on = data.expires_on
    post.whole_country = data.whole_country
    post.search_text = search_text_of(data.title, post.description)


def _save_relations(post: CollaborationPost, data: PostData) -> None:
    codes = [
        *((PostCode.Dimension.SERVICE_AREA, code) for code in data.service_areas),
        *((PostCode.Dimension.CHALLENGE, code) for code in data.challenges),
        *((PostCode.Dimension.SEEKING, code) for code in data.seeking),
    ]
    post.codes.all().delete()
    PostCode.objects.bulk_create(PostCode(post=post, dimension=d, code=c) for d, c in dict.fromkeys(codes))
    post.kommuner.set(data.kommuner)
    post.fylker.set(data.fylker)
    object_changed(post)


def check_member(user, organisation: Organisation) -> None:
    """Writing for an organisation takes approved membership and a confirmed e-mail address."""
    if not is_member(user, organisation):
        raise PostError("not_member")
    if not has_verified_email(user):
        raise PostError("unverified")


@transaction.atomic
def save_post(
    user, organisation: Organisation, data: PostData, post: CollaborationPost | None = None
) -> CollaborationPost:
    """Create a draft, or change a post, for an organisation the user is a member of.

    A changed post becomes a draft again, out of the list, until it is sent with
    `submit`, so no text reaches the public without the check a new post gets.
    """
    check_member(user, organisation if post is None else post.organisation)
    if data.expires_on > timezone.localdate() + MAX_VALIDITY:
        raise PostError("expires_too_late")
    if post is None:
        post = CollaborationPost(organisation=organisation, created_by=user, slug=unique_post_slug(data.title))
    elif post.status == CollaborationPost.Status.HIDDEN:
        raise PostError("not_open")
    post.status = CollaborationPost.Status.DRAFT
    _apply(post, data)
    _save_with_free_slug(post, data.title)
    _save_relations(post, data)
    return post


SLUG_ATTEMPTS = 5


def _save_with_free_slug(post: CollaborationPost, title: str) -> None:
    """Save the post; when another member took the same address a moment ago, pick the next one and save again.

    Two posts with the same title published at once both read the slug as free; the unique index stops
    the second insert, and a savepoint keeps the surrounding transaction usable for the retry.
    """
    for attempt in range(SLUG_ATTEMPTS):
        try:
            with transaction.atomic():
                post.save()
            return
        except IntegrityError:
            if not post._state.adding or attempt == SLUG_ATTEMPTS - 1:
                raise
            post.slug = unique_post_slug(title)


def submit(user, post: CollaborationPost) -> CollaborationPost:
    """Send a draft or a changed post: published for a verified organisation, otherwise to moderation."""
    check_member(user, post.organisation)
    if post.status in (CollaborationPost.Status.HIDDEN, CollaborationPost.Status.CLOSED):
        raise PostError("not_open")
    if post.organisation.verified:
        post.status = CollaborationPost.Status.PUBLISHED
        post.published_at = post.published_at or timezone.now()
    else:
        post.status = CollaborationPost.Status.AWAITING
    post.rejection_reason = ""
    post.save(update_fields=["status", "published_at", "rejection_reason", "updated_at"])
    return post


def close(user, post: CollaborationPost) -> None:
    """End an open post; a post a moderator hid stays hidden (closing it must not be a way back)."""
    check_member(user, post.organisation)
    if post.status == CollaborationPost.Status.HIDDEN:
        raise PostError("not_open")
    post.status = CollaborationPost.Status.CLOSED
    post.save(update_fields=["status", "updated_at"])


def renew(user, post: CollaborationPost, until: date) -> CollaborationPost:
    """Give an open or expired post a new date (at most a year ahead); a closed post opens again."""
    check_member(user, post.organisation)
    today = timezone.localdate()
    if not today <= until <= today + MAX_VALIDITY:
        raise PostError("invalid_date")
    if post.status == CollaborationPost.Status.HIDDEN:
        raise PostError("not_open")
    post.expires_on, post.reminded_at = until, None
    if post.status == CollaborationPost.Status.CLOSED:
        post.status = (
            CollaborationPost.Status.PUBLISHED if post.organisation.verified else CollaborationPost.Status.AWAITING
        )
    post.save(update_fields=["expires_on", "reminded_at", "status", "updated_at"])
    return post


def moderate(moderator, post: CollaborationPost, decision: str, reason: str = "") -> CollaborationPost:
    """Approve, reject (with a reason the organisation sees) or hide a post; reports on it count as handled."""
    if not is_moderator(moderator):
        raise PostError("not_moderator")
    if decision == "approve":
        post.status = CollaborationPost.Status.PUBLISHED
        post.published_at = post.published_at or timezone.now()
    elif decision in ("reject", "hide"):
        if not reason.strip():
            raise PostError("reason_required")
        post.status = CollaborationPost.Status.REJECTED if decision == "reject" else CollaborationPost.Status.HIDDEN
    else:
        raise PostError("invalid")
    post.rejection_reason = reason.strip()[:2000]
    post.save(update_fields=["status", "published_at", "rejection_reason", "updated_at"])
    post.reports.filter(handled_at__isnull=True).update(handled_at=timezone.now(), handled_by=moderator)
    return post


def report(user, post: CollaborationPost, reason: str) -> PostReport:
    if not user.is_authenticated:
        raise PostError("anonymous")
    if not reason.strip():
        raise PostError("reason_required")
    return PostReport.objects.create(post=post, reporter=user, reason=reason.strip()[:2000])


def due_for_reminder(today: date | None = None):
    """Published posts that expire within a week and whose owners have not been reminded."""
    today = today or timezone.localdate()
    return CollaborationPost.objects.filter(
        status=CollaborationPost.Status.PUBLISHED,
        expires_on__gte=today,
        expires_on__lte=today + REMIND_BEFORE,
        reminded_at__isnull=True,
    ).select_related("organisation")
