"""Views of the case library outside the page tree: the stable address, reuse marks and suggestions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from innoplatform.accounts.services import has_verified_email
from innoplatform.core.once import run_once
from innoplatform.core.ratelimit import limit

from .forms import GROWABLE, CaseSuggestion, ReuseForm
from .library import case_library
from .models import CasePage
from .public import take_prefill
from .reuse import mark_reused, reuse_kommuner, unmark_reused
from .submission import submit_case

LAST_SUGGESTION = "cases_last_suggestion"


@require_GET
def library(request: HttpRequest) -> HttpResponse:
    """The menu's stable address for the library, wherever editors placed the index page; keeps the filters."""
    index = case_library()
    if index is None:
        raise Http404
    query = request.GET.urlencode()
    return redirect(f"{index.url}?{query}" if query else index.url)


@require_POST
def reuse(request: HttpRequest, page_id: int) -> HttpResponse:
    """Mark or withdraw the mark for one of the kommuner the user acts for; any other kommune is refused."""
    page = get_object_or_404(CasePage.objects.published(), pk=page_id)
    if not request.user.is_authenticated:
        return redirect(f"{reverse('account_login')}?next={page.url}")
    if limited := limit(request, "mark_case_reuse"):
        return limited
    form = ReuseForm(request.POST, kommuner=reuse_kommuner(request.user))
    if not form.is_valid():
        if not form.kommuner:
            messages.error(
                request, _("Du kan ikke markere dette på vegne av en kommune ennå. Se forklaringen nedenfor.")
            )
        else:
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
        return redirect(page.url + "#gjenbruk")
    kommune = form.cleaned_data["kommune"]
    if form.cleaned_data["action"] == ReuseForm.WITHDRAW:
        unmark_reused(page, request.user, kommune)
        messages.success(request, _("Markeringen for %(kommune)s er fjernet.") % {"kommune": kommune.name})
    else:
        mark_reused(page, request.user, kommune)
        messages.success(
            request,
            _("%(kommune)s er nå markert som en kommune som har tatt eksempelet i bruk.") % {"kommune": kommune.name},
        )
    return redirect(page.url + "#gjenbruk")


@login_required
@require_http_methods(["GET", "POST"])
def suggest(request: HttpRequest) -> HttpResponse:
    """The suggestion form. "Legg til" buttons re-show it with one more row; sending it creates one draft."""
    index = case_library()
    if index is None:
        raise Http404
    verified = has_verified_email(request.user)
    grow = request.POST.get("legg_til") if request.method == "POST" else None
    if request.method == "POST" and verified and grow not in GROWABLE:
        suggestion = CaseSuggestion(request.POST, user=request.user)
        if suggestion.is_valid():
            if limited := limit(request, "suggest_case"):
                return limited
            page_id, _new = run_once(
                suggestion.form.cleaned_data["form_token"],
                "suggest_case",
                request.user,
                lambda: submit_case(request.user, suggestion.cleaned_data, index),
                result=lambda page: str(page.pk),
            )
            request.session[LAST_SUGGESTION] = int(page_id)
            return redirect("cases:suggestion_received")
    elif request.method == "POST" and verified:
        suggestion = CaseSuggestion(request.POST, user=request.user, grow=grow)
    else:
        suggestion = CaseSuggestion(user=request.user, initial=take_prefill(request))
    return render(
        request,
        "cases/suggest.html",
        {"suggestion": suggestion, "form": suggestion.form, "verified": verified, "growing": grow in GROWABLE},
    )


@login_required
@require_GET
def suggestion_received(request: HttpRequest) -> HttpResponse:
    page = get_object_or_404(CasePage, pk=request.session.get(LAST_SUGGESTION), submitted_by=request.user)
    draft = page.get_latest_revision_as_object()
    return render(request, "cases/suggestion_received.html", {"suggestion": draft})
