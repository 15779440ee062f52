"""The weekly e-mail of new matches for the posts of a user's organisations, and opting out of it.

Every user with an approved membership gets it unless they turned it off (no
preference row means on). A match is new when the matching post was published
since the user's last digest, and at most a week ago, so a digest never repeats
a match and running the command twice in a week sends nothing the second time.
Nothing is sent to a user with nothing new. Every e-mail carries a signed
one-click link to turn it off.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from innoplatform.core.mail import send_email
from innoplatform.organisations.models import Membership

from .matching import Match, match_posts
from .models import CollaborationPost, DigestPreference

WINDOW = timedelta(days=7)
MIN_SCORE = 20
"""A weaker match is not worth an e-mail; the post's own page still lists it."""
CANDIDATES = 20
"""How many of the best matches of each post are looked at for new ones."""
PER_POST = 5
UNSUBSCRIBE_SALT = "partners.digest.unsubscribe"


@dataclass(frozen=True)
class DigestMatch:
    match: Match
    url: str


@dataclass(frozen=True)
class DigestItem:
    """One of the user's organisation's posts and its new matches, best first."""

    post: CollaborationPost
    url: str
    matches: list[DigestMatch]


def wants_digest(user) -> bool:
    preference = DigestPreference.objects.filter(user=user).first()
    return preference is None or preference.weekly_digest


def set_digest(user, on: bool) -> None:
    DigestPreference.objects.update_or_create(user=user, defaults={"weekly_digest": on})


def unsubscribe_token(user) -> str:
    return signing.dumps(user.pk, salt=UNSUBSCRIBE_SALT)


def user_for_token(token: str):
    """The user a link was signed for, or None for a tampered or unknown token."""
    try:
        pk = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(pk, int):
        return None
    return get_user_model().objects.filter(pk=pk, is_active=True).first()


def recipients() -> QuerySet:
    """Active users with an approved membership who have not turned the digest off."""
    opted_out = DigestPreference.objects.filter(user=OuterRef("pk"), weekly_digest=False)
    approved = Membership.objects.filter(user=OuterRef("pk"), status=Membership.Status.APPROVED)
    return (
        get_user_model()
        .objects.filter(Exists(approved), is_active=True)
        .exclude(Exists(opted_out))
        .exclude(email="")
        .order_by("pk")
    )


def since_for(preference: DigestPreference | None, now: datetime) -> datetime:
    start = now - WINDOW
    if preference is not None and preference.digest_sent_at and preference.digest_sent_at > start:
        return preference.digest_sent_at
    return start


def _post_url(slug: str) -> str:
    return settings.SITE_URL + reverse("partners:detail", kwargs={"slug": slug})


def new_matches(user, since: datetime) -> list[DigestItem]:
    """The user's organisations' published posts with matches published after `since`."""
    posts = list(
        CollaborationPost.objects.published()
        .filter(organisation__memberships__user=user, organisation__memberships__status=Membership.Status.APPROVED)
        .select_related("organisation")
        .distinct()
        .order_by("title", "pk")
    )
    found = {post: [m for m in match_posts(post, limit=CANDIDATES) if m.score >= MIN_SCORE] for post in posts}
    slugs = {match.slug for matches in found.values() for match in matches}
    fresh = set(
        CollaborationPost.objects.published()
        .filter(slug__in=slugs, published_at__gt=since)
        .values_list("slug", flat=True)
    )
    items = []
    for post, matches in found.items():
        new = [DigestMatch(match, _post_url(match.slug)) for match in matches if match.slug in fresh][:PER_POST]
        if new:
            items.append(DigestItem(post, _post_url(post.slug), new))
    return items


def send_digest(user, now: datetime | None = None) -> bool:
    """E-mail the user their new matches, once; True when an e-mail was queued.

    The preference row is locked while the digest is made, so two runs at once
    cannot both send it.
    """
    now = now or timezone.now()
    with transaction.atomic():
        preference, _created = DigestPreference.objects.select_for_update().get_or_create(user=user)
        if not preference.weekly_digest:
            return False
        items = new_matches(user, since_for(preference, now))
        if not items:
            return False
        unsubscribe_url = settings.SITE_URL + reverse(
            "partners:digest_unsubscribe", kwargs={"token": unsubscribe_token(user)}
        )
        context = {
            "user": user,
            "items": items,
            "unsubscribe_url": unsubscribe_url,
            "dashboard_url": settings.SITE_URL + reverse("partners:interest_dashboard"),
        }
        send_email(
            settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + gettext("Nye treff for innleggene deres"),
            render_to_string("partners/email/digest_weekly.txt", context),
            [user.email],
        )
        preference.digest_sent_at = now
        preference.save(update_fields=["digest_sent_at"])
    return True


def send_digests(now: datetime | None = None) -> int:
    """The weekly run: one e-mail to every recipient with something new; returns how many were sent."""
    now = now or timezone.now()
    return sum(send_digest(user, now) for user in list(recipients()))
