"""Expressions of interest in a post, the thread that follows, blocks, and what each side has read.

A thread has two sides: the post's organisation (the owner) and the organisation
that expressed interest (the sender). Only approved members of either side see
it. A sender organisation blocked by the owner can neither start a thread nor
write in one. Every message is e-mailed to the other side's approved members
once the transaction commits; an address is shown, in the thread and in the
e-mail, only for a person who chose to share it.
"""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Max, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext as _

from innoplatform.accounts.services import has_verified_email
from innoplatform.core.mail import send_email
from innoplatform.organisations.models import Membership, Organisation
from innoplatform.organisations.public import is_admin, member_organisations

from .models import Block, CollaborationPost, Interest, InterestMessage, InterestRead


class InterestError(Exception):
    """An action on a thread that is not allowed; `reason` is a code the views explain in words."""

    def __init__(self, reason: str, *, block: Block | None = None, interest: Interest | None = None):
        self.reason = reason
        self.block = block
        self.interest = interest
        super().__init__(reason)


@dataclass(frozen=True)
class InterestData:
    """What an expression of interest says; the form hands the service this."""

    offer: str
    wish: str = ""
    contact: str = ""
    share_email: bool = False


def author_name(user, organisation: Organisation) -> str:
    """How a writer is named to the other side: their name, never their address unless they share it."""
    if user is None:
        return _("Tidligere bruker")
    return user.get_full_name() or _("Et medlem av %(organisation)s") % {"organisation": organisation.name}


def sender_organisations(user, post: CollaborationPost) -> list[Organisation]:
    """The organisations the user may express interest for: their own, except the post's."""
    return list(member_organisations(user).exclude(pk=post.organisation_id).order_by("name"))


def block_on(owner: Organisation, sender: Organisation) -> Block | None:
    return Block.objects.filter(organisation=owner, blocked_organisation=sender).first()


def _members(organisation: Organisation, *, without=None) -> list[str]:
    memberships = Membership.objects.filter(
        organisation=organisation, status=Membership.Status.APPROVED, user__is_active=True
    )
    if without is not None:
        memberships = memberships.exclude(user=without)
    return sorted(set(memberships.values_list("user__email", flat=True)))


def thread_url(interest: Interest) -> str:
    return settings.SITE_URL + reverse("partners:interest_thread", kwargs={"interest_id": interest.pk})


def _notify(interest: Interest, recipients: Organisation, template: str, subject: str, context: dict) -> None:
    """One e-mail per member of `recipients`, so no one sees another's address; queued for after commit."""
    body = render_to_string(
        template, {"interest": interest, "post": interest.post, "url": thread_url(interest), **context}
    )
    for address in _members(recipients, without=context.get("author")):
        send_email(settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject, body, [address])


def _check_writer(user) -> None:
    if not has_verified_email(user):
        raise InterestError("unverified")


def send_interest(user, post: CollaborationPost, organisation: Organisation, data: InterestData) -> Interest:
    """Start a thread for `organisation` on a published post; its owners are e-mailed after commit."""
    _check_writer(user)
    if not CollaborationPost.objects.published().filter(pk=post.pk).exists():
        raise InterestError("not_published")
    if organisation.pk == post.organisation_id or organisation not in sender_organisations(user, post):
        raise InterestError("not_member")
    if block := block_on(post.organisation, organisation):
        raise InterestError("blocked", block=block)
    existing = Interest.objects.filter(post=post, organisation=organisation).first()
    if existing is not None:
        raise InterestError("exists", interest=existing)
    try:
        with transaction.atomic():
            interest = Interest.objects.create(
                post=post,
                organisation=organisation,
                sender=user,
                offer=data.offer.strip(),
                wish=data.wish.strip(),
                contact=data.contact.strip(),
                share_email=data.share_email,
            )
    except IntegrityError:
        raise InterestError(
            "exists", interest=Interest.objects.filter(post=post, organisation=organisation).first()
        ) from None
    _notify(
        interest,
        post.organisation,
        "partners/email/interest_received.txt",
        gettext("Interesse for «%(title)s» fra %(organisation)s") % {"title": post.title, "organisation": organisation},
        {
            "author": user,
            "name": author_name(user, organisation),
            "email": user.email if data.share_email else "",
        },
    )
    return interest


def visible_interest(user, interest_id: int) -> Interest | None:
    """The thread if the user is an approved member of either side, else None (the views answer 404)."""
    if not user.is_authenticated:
        return None
    mine = member_organisations(user).values("pk")
    return (
        Interest.objects.select_related("post__organisation", "organisation", "sender")
        .filter(Q(post__organisation__in=mine) | Q(organisation__in=mine), pk=interest_id)
        .first()
    )


def is_owner_side(user, interest: Interest) -> bool:
    """Whether the user writes for the post's organisation (a member of both sides writes as the owner)."""
    return member_organisations(user).filter(pk=interest.post.organisation_id).exists()


def reply(user, interest: Interest, text: str, *, share_email: bool = False) -> InterestMessage:
    """Add a message from the user's side and e-mail the other side after commit."""
    _check_writer(user)
    if visible_interest(user, interest.pk) is None:
        raise InterestError("not_member")
    from_owner = is_owner_side(user, interest)
    if not from_owner and (block := block_on(interest.post.organisation, interest.organisation)):
        raise InterestError("blocked", block=block)
    message = InterestMessage.objects.create(
        interest=interest, author=user, from_owner=from_owner, text=text.strip(), share_email=share_email
    )
    writer, other = (
        (interest.post.organisation, interest.organisation)
        if from_owner
        else (interest.organisation, interest.post.organisation)
    )
    _notify(
        interest,
        other,
        "partners/email/interest_reply.txt",
        gettext("Nytt svar om «%(title)s» fra %(organisation)s")
        % {"title": interest.post.title, "organisation": writer},
        {
            "author": user,
            "message": message,
            "writer": writer,
            "name": author_name(user, writer),
            "email": user.email if share_email else "",
        },
    )
    return message


def mark_read(user, interest: Interest, when: datetime | None = None) -> None:
    InterestRead.objects.update_or_create(interest=interest, user=user, defaults={"read_at": when or timezone.now()})


@dataclass(frozen=True)
class ThreadEntry:
    """The interest itself or a reply, as the thread page shows it."""

    text: str
    wish: str
    contact: str
    author: str
    organisation: Organisation
    email: str
    created_at: datetime
    is_interest: bool


def thread_entries(interest: Interest) -> list[ThreadEntry]:
    """The interest, then the replies in order, each with its writer's organisation (one query for the replies)."""
    first = ThreadEntry(
        text=interest.offer,
        wish=interest.wish,
        contact=interest.contact,
        author=author_name(interest.sender, interest.organisation),
        organisation=interest.organisation,
        email=interest.sender.email if interest.share_email and interest.sender else "",
        created_at=interest.created_at,
        is_interest=True,
    )
    entries = [first]
    for message in interest.messages.select_related("author"):
        organisation = interest.post.organisation if message.from_owner else interest.organisation
        entries.append(
            ThreadEntry(
                text=message.text,
                wish="",
                contact="",
                author=author_name(message.author, organisation),
                organisation=organisation,
                email=message.author.email if message.share_email and message.author else "",
                created_at=message.created_at,
                is_interest=False,
            )
        )
    return entries


def block_sender(actor, interest: Interest, reason: str) -> Block:
    """The owner's admin stops the sender organisation from writing to the owner; the reason is shown to them."""
    owner = interest.post.organisation
    if not is_admin(actor, owner):
        raise InterestError("not_admin")
    block, _created = Block.objects.update_or_create(
        organisation=owner,
        blocked_organisation=interest.organisation,
        defaults={"reason": reason.strip(), "created_by": actor},
    )
    return block


def unblock_sender(actor, interest: Interest) -> None:
    owner = interest.post.organisation
    if not is_admin(actor, owner):
        raise InterestError("not_admin")
    Block.objects.filter(organisation=owner, blocked_organisation=interest.organisation).delete()


@dataclass(frozen=True)
class ThreadSummary:
    """One line of the dashboard."""

    interest: Interest
    other: Organisation
    last_activity: datetime
    is_new: bool


@dataclass(frozen=True)
class Dashboard:
    received: list[ThreadSummary]
    sent: list[ThreadSummary]


def _last_message(from_owner: bool) -> Subquery:
    return Subquery(
        InterestMessage.objects.filter(interest=OuterRef("pk"), from_owner=from_owner)
        .order_by()
        .values("interest")
        .annotate(last=Max("created_at"))
        .values("last")[:1]
    )


def dashboard(user) -> Dashboard:
    """Threads on the user's organisations' posts and threads they sent, newest activity first (two queries).

    A thread is new when the other side wrote after the user last opened it; for a
    received thread the interest itself counts as the other side's first message.
    """
    mine = set(member_organisations(user).values_list("pk", flat=True))
    interests = (
        Interest.objects.select_related("post__organisation", "organisation")
        .filter(Q(post__organisation__in=mine) | Q(organisation__in=mine))
        .annotate(
            read_at=Subquery(InterestRead.objects.filter(interest=OuterRef("pk"), user=user).values("read_at")[:1]),
            last_from_sender=Coalesce(_last_message(False), "created_at"),
            last_from_owner=_last_message(True),
        )
    )
    received, sent = [], []
    for interest in interests:
        last_activity = max(filter(None, [interest.last_from_sender, interest.last_from_owner]))
        if interest.post.organisation_id in mine:
            is_new = interest.read_at is None or interest.last_from_sender > interest.read_at
            received.append(ThreadSummary(interest, interest.organisation, last_activity, is_new))
        if interest.organisation_id in mine:
            last = interest.last_from_owner
            is_new = last is not None and (interest.read_at is None or last > interest.read_at)
            sent.append(ThreadSummary(interest, interest.post.organisation, last_activity, is_new))
    received.sort(key=lambda row: row.last_activity, reverse=True)
    sent.sort(key=lambda row: row.last_activity, reverse=True)
    return Dashboard(received, sent)


def personal_interest_data(user) -> dict:
    """What the user wrote in threads and when they read them, for their personal data export."""
    interests = Interest.objects.filter(sender=user).select_related("post", "organisation").order_by("pk")
    replies = InterestMessage.objects.filter(author=user).select_related("interest__post").order_by("pk")
    return {
        "interessemeldinger": [
            {
                "innlegg": interest.post.title,
                "på_vegne_av": interest.organisation.name,
                "hva_vi_kan_bidra_med": interest.offer,
                "hva_vi_ønsker": interest.wish,
                "kontakt": interest.contact,
                "viser_e-post": interest.share_email,
                "sendt": interest.created_at.isoformat(),
            }
            for interest in interests
        ],
        "svar": [
            {
                "innlegg": message.interest.post.title,
                "melding": message.text,
                "viser_e-post": message.share_email,
                "sendt": message.created_at.isoformat(),
            }
            for message in replies
        ],
        "leste_tråder": [
            {"tråd": read.interest_id, "lest": read.read_at.isoformat()}
            for read in InterestRead.objects.filter(user=user).order_by("pk")
        ],
    }
