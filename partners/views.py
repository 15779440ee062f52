"""The post pages: the list, one post with its matches, writing and changing a post, and «Mine innlegg».

Every view checks on the server who may do what: anyone reads published posts;
only approved members of the owning organisation write, close or renew one; a
post that is not published is seen only by them and by moderators.
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
from innoplatform.organisations.public import is_member, member_organisations

from . import posts as services
from .context import detail_context, list_context, my_posts_context, visible_post
from .forms import PostForm, RenewForm, ReportForm
from .models import CollaborationPost


def error_message(error: services.PostError) -> str:
    """What a refused action means, in words."""
    return {
        "not_member": _("Bare medlemmer av organisasjonen kan endre innlegget."),
        "expires_too_late": _("Et innlegg kan gjelde i høyst ett år om gangen."),
        "invalid_date": _("Velg en dato fra i dag og høyst ett år fram."),
        "not_open": _("Innlegget er skjult av en moderator og kan ikke endres eller sendes på nytt."),
        "reason_required": _("Skriv en begrunnelse."),
        "anonymous": _("Du må logge inn først."),
        "unverified": _("Du må bekrefte e-postadressen din før du kan skrive på vegne av en organisasjon."),
    }.get(error.reason, _("Det lot seg ikke gjøre."))


@require_GET
def post_list(request: HttpRequest) -> HttpResponse:
    return render(request, "partners/post_list.html", list_context(request))


@require_GET
def post_detail(request: HttpRequest, slug: str) -> HttpResponse:
    post = visible_post(request, slug)
    if post is None:
        raise Http404
    return render(request, "partners/post_detail.html", detail_context(request, post))


def _writer_refusal(request: HttpRequest) -> HttpResponse | None:
    """The page a user sees who may not write posts yet: not verified, or in no organisation."""
    verified = has_verified_email(request.user)
    organisations = member_organisations(request.user)
    if verified and organisations.exists():
        return None
    return render(
        request, "partners/cannot_post.html", {"verified": verified, "has_organisation": organisations.exists()}
    )


def _save(request: HttpRequest, form: PostForm, post: CollaborationPost | None) -> CollaborationPost:
    """Save the form's post; «Publiser» also sends it (published, or to moderation)."""
    organisation = form.cleaned_data["organisation"] if post is None else post.organisation

    def work() -> CollaborationPost:
        saved = services.save_post(request.user, organisation, form.post_data(), post)
        if request.POST.get("handling") == "publiser":
            saved = services.submit(request.user, saved)
        return saved

    slug, _ran = run_once(form.cleaned_data["form_token"], "write_post", request.user, work, result=lambda p: p.slug)
    saved = CollaborationPost.objects.select_related("organisation").get(slug=slug)
    if saved.status == CollaborationPost.Status.PUBLISHED:
        messages.success(request, _("Innlegget er publisert."))
    elif saved.status == CollaborationPost.Status.AWAITING:
        messages.success(
            request,
            _(
                "Innlegget er sendt til godkjenning. Organisasjonen er ikke verifisert ennå, så en moderator ser på det først."
            ),
        )
    else:
        messages.success(request, _("Utkastet er lagret. Det er bare synlig for organisasjonens medlemmer."))
    return saved


def _form_page(request: HttpRequest, post: CollaborationPost | None) -> HttpResponse:
    organisations = member_organisations(request.user).order_by("name")
    if post is not None:
        organisations = organisations.filter(pk=post.organisation_id)
    initial = PostForm.initial_for(post) if post is not None else None
    grow = request.POST.get("legg_til") == "kommuner" if request.method == "POST" else False
    form = PostForm(request.POST if request.method == "POST" else None, organisations=organisations, initial=initial)
    if grow:
        form.fields["kommuner"].grow(len([value for value in request.POST.getlist("kommuner") if value.strip()]))
    elif request.method == "POST" and form.is_valid():
        if limited := limit(request, "write_post"):
            return limited
        try:
            saved = _save(request, form, post)
        except services.PostError as error:
            form.add_error(None, error_message(error))
        else:
            return redirect(saved.get_absolute_url())
    return render(request, "partners/post_form.html", {"form": form, "post": post, "growing": grow})


@login_required
@require_http_methods(["GET", "POST"])
def post_create(request: HttpRequest) -> HttpResponse:
    if refusal := _writer_refusal(request):
        return refusal
    return _form_page(request, None)


def _own_post(request: HttpRequest, slug: str) -> CollaborationPost:
    """The post, if the user is an approved member of its organisation; 404 otherwise, so nothing leaks."""
    post = get_object_or_404(CollaborationPost.objects.select_related("organisation"), slug=slug)
    if not is_member(request.user, post.organisation):
        raise Http404
    return post


@login_required
@require_http_methods(["GET", "POST"])
def post_edit(request: HttpRequest, slug: str) -> HttpResponse:
    post = _own_post(request, slug)
    if post.status == CollaborationPost.Status.HIDDEN:
        messages.error(request, error_message(services.PostError("not_open")))
        return redirect(post.get_absolute_url())
    return _form_page(request, post)


@login_required
@require_POST
def post_close(request: HttpRequest, slug: str) -> HttpResponse:
    post = _own_post(request, slug)
    if limited := limit(request, "write_post"):
        return limited
    try:
        services.close(request.user, post)
    except services.PostError as error:
        messages.error(request, error_message(error))
    else:
        messages.success(request, _("Innlegget er avsluttet og vises ikke lenger i lista."))
    return redirect(post.get_absolute_url())


@login_required
@require_POST
def post_renew(request: HttpRequest, slug: str) -> HttpResponse:
    post = _own_post(request, slug)
    if limited := limit(request, "write_post"):
        return limited
    form = RenewForm(request.POST, prefix="fornye")
    if not form.is_valid():
        for error in form.errors.get("expires_on", []):
            messages.error(request, error)
        return redirect(post.get_absolute_url())
    try:
        services.renew(request.user, post, form.cleaned_data["expires_on"])
    except services.PostError as error:
        messages.error(request, error_message(error))
    else:
        messages.success(
            request, _("Innlegget gjelder nå til %(date)s.") % {"date": post.expires_on.strftime("%d.%m.%Y")}
        )
    return redirect(post.get_absolute_url())


@login_required
@require_http_methods(["GET", "POST"])
def post_report(request: HttpRequest, slug: str) -> HttpResponse:
    post = visible_post(request, slug)
    if post is None or not post.is_live:
        raise Http404
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if limited := limit(request, "report_post"):
            return limited
        run_once(
            form.cleaned_data["form_token"],
            "report_post",
            request.user,
            lambda: services.report(request.user, post, form.cleaned_data["reason"]),
            result=lambda report: str(report.pk),
        )
        messages.success(request, _("Takk. En moderator ser på innlegget."))
        return redirect(post.get_absolute_url())
    return render(request, "partners/report.html", {"post": post, "form": form})


@login_required
@require_GET
def my_posts(request: HttpRequest) -> HttpResponse:
    return render(request, "partners/my_posts.html", my_posts_context(request))
