"""The pages under /partnere/interesse/: expressing interest, the thread, the dashboard, and the weekly e-mail.

A thread is a 404 for everyone but the approved members of its two sides, so its
existence is not given away. Writing needs a confirmed address and counts against
one rate limit; each rendered form is processed once. The unsubscribe link in the
weekly e-mail works without logging in, and only a POST changes anything.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from innoplatform.accounts.services import has_verified_email
from innoplatform.core.once import run_once
from innoplatform.core.ratelimit import limit
from innoplatform.organisations.public import is_admin

from .digest import set_digest, user_for_token
from .interest import (
    InterestError,
    block_on,
    block_sender,
    dashboard,
    is_owner_side,
    mark_read,
    reply,
    send_interest,
    sender_organisations,
    thread_entries,
    unblock_sender,
    visible_interest,
)
from .interest_forms import BlockForm, DigestPreferenceForm, InterestForm, ReplyForm
from .models import Block, CollaborationPost, Interest

SEND_ACTION = "send_interest"
REPLY_ACTION = "reply_interest"
"""Rates of ACCOUNT_RATE_LIMITS: expressions of interest, and replies in a thread."""


def _blocked(request: HttpRequest, block: Block) -> HttpResponse:
    return render(request, "partners/interest/blocked.html", {"blocking": block}, status=403)


@login_required
@require_http_methods(["GET", "POST"])
def interest_new(request: HttpRequest, slug: str) -> HttpResponse:
    post = get_object_or_404(CollaborationPost.objects.published().select_related("organisation"), slug=slug)
    verified = has_verified_email(request.user)
    organisations = sender_organisations(request.user, post)
    context = {"post": post, "verified": verified, "organisations": organisations}
    if not verified or not organisations:
        return render(request, "partners/interest/new.html", context)
    if request.method == "GET":
        blocks = [block_on(post.organisation, organisation) for organisation in organisations]
        if all(blocks):
            return _blocked(request, blocks[0])
        form = InterestForm(organisations=organisations)
        return render(request, "partners/interest/new.html", {**context, "form": form})
    if limited := limit(request, SEND_ACTION):
        return limited
    form = InterestForm(request.POST, organisations=organisations)
    if not form.is_valid():
        return render(request, "partners/interest/new.html", {**context, "form": form})
    try:
        interest_id, _new = run_once(
            form.cleaned_data["form_token"],
            f"partner_interest:{post.pk}",
            request.user,
            lambda: send_interest(request.user, post, form.cleaned_data["organisation"], form.interest_data()),
            result=lambda interest: str(interest.pk),
        )
    except InterestError as error:
        if error.reason == "blocked":
            return _blocked(request, error.block)
        if error.reason == "exists" and error.interest is not None:
            messages.info(request, _("Organisasjonen har allerede meldt interesse for dette innlegget. Her er tråden."))
            return redirect("partners:interest_thread", interest_id=error.interest.pk)
        raise Http404 from error
    messages.success(request, _("Interessen er sendt. Organisasjonen bak innlegget har fått beskjed på e-post."))
    return redirect("partners:interest_thread", interest_id=int(interest_id))


def _visible(request: HttpRequest, interest_id: int) -> Interest:
    interest = visible_interest(request.user, interest_id)
    if interest is None:
        raise Http404
    return interest


def _thread_page(
    request: HttpRequest,
    interest: Interest,
    *,
    form: ReplyForm | None = None,
    block_form: BlockForm | None = None,
    status: int = 200,
) -> HttpResponse:
    owner_side = is_owner_side(request.user, interest)
    block = block_on(interest.post.organisation, interest.organisation)
    context = {
        "interest": interest,
        "post": interest.post,
        "entries": thread_entries(interest),
        "owner_side": owner_side,
        "other": interest.organisation if owner_side else interest.post.organisation,
        "blocking": block,
        "can_block": is_admin(request.user, interest.post.organisation),
        "can_write": owner_side or block is None,
        "verified": has_verified_email(request.user),
        "form": form or ReplyForm(),
        "block_form": block_form or BlockForm(),
    }
    return render(request, "partners/interest/thread.html", context, status=status)


@login_required
@require_GET
def interest_thread(request: HttpRequest, interest_id: int) -> HttpResponse:
    interest = _visible(request, interest_id)
    response = _thread_page(request, interest)
    mark_read(request.user, interest)
    return response


@login_required
@require_POST
def interest_reply(request: HttpRequest, interest_id: int) -> HttpResponse:
    interest = _visible(request, interest_id)
    if limited := limit(request, REPLY_ACTION):
        return limited
    form = ReplyForm(request.POST)
    if not form.is_valid():
        return _thread_page(request, interest, form=form)
    data = form.cleaned_data
    try:
        run_once(
            data["form_token"],
            f"partner_reply:{interest.pk}",
            request.user,
            lambda: reply(request.user, interest, data["text"], share_email=data["share_email"]),
            result=lambda message: str(message.pk),
        )
    except InterestError as error:
        if error.reason == "blocked":
            return _blocked(request, error.block)
        if error.reason != "unverified":
            raise Http404 from error
        messages.error(request, _("Du må bekrefte e-postadressen din før du kan svare."))
        return redirect("partners:interest_thread", interest_id=interest.pk)
    messages.success(request, _("Svaret er sendt."))
    return redirect("partners:interest_thread", interest_id=interest.pk)


def _admin_interest(request: HttpRequest, interest_id: int) -> Interest:
    """The thread, for an admin of the post's organisation only (anyone else: 404)."""
    interest = _visible(request, interest_id)
    if not is_admin(request.user, interest.post.organisation):
        raise Http404
    return interest


@login_required
@require_POST
def interest_block(request: HttpRequest, interest_id: int) -> HttpResponse:
    interest = _admin_interest(request, interest_id)
    if limited := limit(request, REPLY_ACTION):
        return limited
    form = BlockForm(request.POST)
    if not form.is_valid():
        return _thread_page(request, interest, block_form=form)
    block_sender(request.user, interest, form.cleaned_data["reason"])
    messages.success(
        request,
        _("%(organisation)s er blokkert og kan ikke lenger skrive til dere.")
        % {"organisation": interest.organisation.name},
    )
    return redirect("partners:interest_thread", interest_id=interest.pk)


@login_required
@require_POST
def interest_unblock(request: HttpRequest, interest_id: int) -> HttpResponse:
    interest = _admin_interest(request, interest_id)
    if limited := limit(request, REPLY_ACTION):
        return limited
    unblock_sender(request.user, interest)
    messages.success(
        request,
        _("Blokkeringen av %(organisation)s er opphevet.") % {"organisation": interest.organisation.name},
    )
    return redirect("partners:interest_thread", interest_id=interest.pk)


@login_required
@require_GET
def interest_dashboard(request: HttpRequest) -> HttpResponse:
    return render(request, "partners/interest/dashboard.html", {"dashboard": dashboard(request.user)})


@login_required
@require_POST
def digest_preference(request: HttpRequest) -> HttpResponse:
    if limited := limit(request, "edit_profile"):
        return limited
    form = DigestPreferenceForm(request.POST)
    form.is_valid()
    on = form.cleaned_data.get("weekly_digest", False)
    set_digest(request.user, on)
    if on:
        messages.success(request, _("Du får en ukentlig e-post når det kommer nye treff for innleggene deres."))
    else:
        messages.success(request, _("Du får ikke lenger ukentlig e-post om nye treff."))
    return redirect("accounts:profile")


@require_http_methods(["GET", "POST"])
def digest_unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """The link in every weekly e-mail: GET asks, POST turns the e-mail off."""
    user = user_for_token(token)
    if user is None:
        raise Http404
    done = request.method == "POST"
    if done:
        set_digest(user, False)
    return render(request, "partners/interest/unsubscribe.html", {"done": done})
