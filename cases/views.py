"""Views of the case library: the index and case page contexts, reuse marks, suggestions, CSV."""

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from innoplatform.core.ratelimit import limit

from .facets import SORTS, CaseFilters, facet_counts, filter_cases, published_cases, sort_cases, with_list_relations
from .forms import CaseSuggestionForm
from .models import CasePage
from .related import (
    cases_from_similar_kommuner,
    kommune_profiles,
    phase_course_link,
    related_cases,
    reusing_kommuner,
)
from .reuse import has_verified_email, mark_reused, reuse_ineligibility, unmark_reused
from .serializers import CSV_COLUMNS, case_csv_rows
from .submission import case_library, submit_case

PAGE_SIZE = 12
CSV_LIMIT = 10_000


def _querystring(request: HttpRequest, **changes) -> str:
    params = request.GET.copy()
    for key, value in changes.items():
        params.pop(key, None)
        if value is not None:
            params[key] = value
    return params.urlencode()


def _active_filters(request: HttpRequest, facets) -> list[dict]:
    """One entry per selected option, with the URL that removes it."""
    active = []
    for facet in facets:
        for option in facet.options:
            if option.selected:
                params = request.GET.copy()
                params.setlist(facet.param, [v for v in params.getlist(facet.param) if v != option.value])
                params.pop("side", None)
                active.append({"facet": facet.label, "label": option.label, "remove": params.urlencode()})
    return active


def index_context(request: HttpRequest) -> dict:
    """Everything the case index shows for the search in the URL."""
    filters = CaseFilters.from_querydict(request.GET)
    base = published_cases()
    cases = sort_cases(with_list_relations(filter_cases(base, filters)), filters.sort)
    paginator = Paginator(cases, PAGE_SIZE)
    page_obj = paginator.get_page(request.GET.get("side"))
    facets = facet_counts(filters, base)
    return {
        "filters": filters,
        "facets": facets,
        "active_filters": _active_filters(request, facets),
        "page_obj": page_obj,
        "cases": page_obj.object_list,
        "sorts": [(key, label) for key, (label, _order) in SORTS.items()],
        "querystring_without_page": _querystring(request, side=None),
        "export_querystring": _querystring(request, side=None, sorter=None),
    }


def case_context(request: HttpRequest, page: CasePage) -> dict:
    related = related_cases(page)
    reason = reuse_ineligibility(request.user)
    reusers = list(reusing_kommuner(page)) if page.pk else []  # a preview of a new case has no pk
    return {
        "kommune_profiles": kommune_profiles(page),
        "related_cases": related,
        "similar_cases": cases_from_similar_kommuner(page, exclude={case.pk for case in related}),
        "course_link": phase_course_link(page.phase),
        "reusing_kommuner": reusers,
        "reuse_ineligible": reason,
        "reused_by_my_kommune": reason is None and any(k.pk == request.user.kommune_id for k in reusers),
    }


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
    page = get_object_or_404(published_cases(), pk=page_id)
    if not request.user.is_authenticated:
        return redirect(f"{reverse('account_login')}?next={page.url}")
    if limited := limit(request, "mark_case_reuse"):
        return limited
    try:
        if request.POST.get("action") == "fjern":
            unmark_reused(page, request.user)
            messages.success(request, _("Markeringen er fjernet."))
        else:
            mark_reused(page, request.user)
            messages.success(
                request,
                _("%(kommune)s er nå markert som en kommune som har tatt eksempelet i bruk.")
                % {"kommune": request.user.kommune.name},
            )
    except PermissionError:
        messages.error(request, _("Du kan ikke markere dette på vegne av en kommune ennå. Se forklaringen nedenfor."))
    return redirect(page.url + "#gjenbruk")


@login_required
@require_http_methods(["GET", "POST"])
def suggest(request: HttpRequest) -> HttpResponse:
    index = case_library()
    if index is None:
        raise Http404
    verified = has_verified_email(request.user)
    if request.method == "POST" and verified:
        if limited := limit(request, "suggest_case"):
            return limited
        form = CaseSuggestionForm(request.POST, user=request.user)
        if form.is_valid():
            page = submit_case(request.user, form.cleaned_data, index)
            request.session["cases_last_suggestion"] = page.pk
            return redirect("cases:suggestion_received")
    else:
        form = CaseSuggestionForm(user=request.user)
    return render(request, "cases/suggest.html", {"form": form, "verified": verified})


@login_required
@require_GET
def suggestion_received(request: HttpRequest) -> HttpResponse:
    page_id = request.session.get("cases_last_suggestion")
    page = get_object_or_404(CasePage, pk=page_id, submitted_by=request.user)
    draft = page.get_latest_revision_as_object()
    return render(request, "cases/suggestion_received.html", {"suggestion": draft})


@require_GET
def export_csv(request: HttpRequest) -> HttpResponse:
    """The filtered list (same parameters as the index) as semicolon-separated UTF-8 for Excel."""
    filters = CaseFilters.from_querydict(request.GET)
    cases = sort_cases(filter_cases(published_cases(), filters), filters.sort)[:CSV_LIMIT]
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="eksempler-{timezone.localdate():%Y-%m-%d}.csv"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(case_csv_rows(cases, request))
    return response
