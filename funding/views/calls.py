"""The calls: the list anyone reads, one call with how to apply, and writing a call for an office."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from innoplatform.municipalities.models import Kommune

from ..assessing import ranking
from ..calls import criteria_locked, default_criteria, save_call
from ..forms import CallForm, CriterionFormSet
from ..lifecycle import FundingError
from ..messages import error_message
from ..models import Application, FundingCall
from ..offices import Office
from ..permissions import Roles
from .loading import call_by_slug


@require_GET
def call_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    calls = list(FundingCall.objects.order_by("closes_on", "title"))
    roles = Roles.of(request.user)
    return render(
        request,
        "funding/call_list.html",
        {
            "open_calls": [c for c in calls if c.opens_on <= today <= c.closes_on],
            "coming_calls": [c for c in calls if c.opens_on > today],
            "closed_calls": sorted((c for c in calls if c.closes_on < today), key=lambda c: c.closes_on, reverse=True),
            "can_write_calls": roles.editor or bool(roles.offices),
        },
    )


@require_GET
def call_detail(request: HttpRequest, slug: str) -> HttpResponse:
    call = call_by_slug(slug)
    roles = Roles.of(request.user)
    kommuner = Kommune.objects.filter(pk__in=roles.kommune_ids).order_by("name")
    own = (
        Application.objects.filter(call=call, lead_kommune__in=roles.kommune_ids)
        .exclude(status=Application.Status.WITHDRAWN)
        .select_related("lead_kommune")
        if roles.kommune_ids
        else []
    )
    return render(
        request,
        "funding/call_detail.html",
        {
            "call": call,
            "criteria": list(call.criteria.all()),
            "applicant_kommuner": list(kommuner),
            "own_applications": list(own),
            "can_manage": roles.can_manage_office(call.office),
        },
    )


def _office_choices(roles: Roles) -> list[tuple[str, str]]:
    return [(code, label) for code, label in Office.choices if roles.editor or code in roles.offices]


@login_required
@require_http_methods(["GET", "POST"])
def call_edit(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    roles = Roles.of(request.user)
    offices = _office_choices(roles)
    call = call_by_slug(slug) if slug else FundingCall()
    if not offices or (call.pk and not roles.can_manage_office(call.office)):
        raise PermissionDenied
    initial_criteria = (
        [{"name": c.name, "description": c.description, "weight": c.weight} for c in call.criteria.all()]
        if call.pk
        else default_criteria()
    )
    form = CallForm(request.POST or None, instance=call, offices=offices)
    criteria = CriterionFormSet(request.POST or None, initial=initial_criteria, prefix="kriterier")
    if request.method == "POST" and form.is_valid() and criteria.is_valid():
        try:
            saved = save_call(request.user, form.save(commit=False), criteria.criteria())
        except FundingError as error:
            messages.error(request, error_message(error))
            for name, message in error.fields.items():
                form.add_error(name, message)
        else:
            messages.success(request, _("Utlysningen er lagret."))
            return redirect(saved.get_absolute_url())
    return render(
        request,
        "funding/call_form.html",
        {
            "form": form,
            "criteria": criteria,
            "call": call if call.pk else None,
            "criteria_locked": criteria_locked(call),
        },
    )


@login_required
@require_GET
def call_ranking(request: HttpRequest, slug: str) -> HttpResponse:
    call = call_by_slug(slug)
    roles = Roles.of(request.user)
    if not roles.can_manage_office(call.office):
        raise PermissionDenied
    result = ranking(call)
    conflicted = {row.application.pk for row in result.rows if roles.has_conflict(row.application)}
    return render(request, "funding/call_ranking.html", {"call": call, "ranking": result, "conflicted": conflicted})
