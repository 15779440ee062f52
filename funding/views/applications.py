"""The applicants' pages: starting an application from a call, writing it (saved as one writes), submitting, withdrawing,
and «Mine søknader», which also lists what the user's organisation is a partner in and what their office assesses."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from innoplatform.municipalities.models import Kommune

from .. import applications as services
from ..forms import (
    ApplicationForm,
    BudgetFormSet,
    PartnerFormSet,
    StartApplicationForm,
    application_data,
    initial_forms,
)
from ..lifecycle import FundingError
from ..messages import error_message
from ..models import Application
from ..permissions import Roles
from .detail import detail_context
from .loading import applications_for_page, call_by_slug, visible_application

AUTOSAVE_HEADER = "X-Autosave"


@login_required
@require_POST
def start_application(request: HttpRequest, slug: str) -> HttpResponse:
    call = call_by_slug(slug)
    roles = Roles.of(request.user)
    if not roles.kommune_ids or request.POST.get("kommune", "").strip() not in {"", *map(str, roles.kommune_ids)}:
        raise PermissionDenied
    form = StartApplicationForm(request.POST, kommuner=Kommune.objects.filter(pk__in=roles.kommune_ids))
    if not form.is_valid():
        messages.error(request, _("Velg kommunen som søker."))
        return redirect(call.get_absolute_url())
    try:
        application = services.start_application(request.user, call, form.cleaned_data["kommune"])
    except FundingError as error:
        messages.error(request, error_message(error))
        return redirect(call.get_absolute_url())
    messages.success(
        request,
        _("Søknaden er opprettet. Vi har fylt inn kommunens demografiske utfordringer og nøkkeltall – skriv videre."),
    )
    return redirect("funding:application_edit", pk=application.pk)


@login_required
@require_GET
def my_applications(request: HttpRequest) -> HttpResponse:
    roles = Roles.of(request.user)
    base = applications_for_page().filter(imported=False)
    own = base.filter(Q(lead_kommune__in=roles.kommune_ids) | Q(co_kommuner__in=roles.kommune_ids)).distinct()
    partnered = (
        base.filter(partners__organisation__in=roles.organisation_ids)
        .exclude(status=Application.Status.DRAFT)
        .exclude(pk__in=own.values("pk"))
        .distinct()
    )
    assessing = base.filter(office__in=roles.offices).exclude(
        status__in=(Application.Status.DRAFT, Application.Status.WITHDRAWN)
    )
    return render(
        request,
        "funding/my_applications.html",
        {
            "own": list(own.order_by("-updated_at")[:100]) if roles.kommune_ids else [],
            "partnered": list(partnered.order_by("-updated_at")[:100]) if roles.organisation_ids else [],
            "assessing": list(assessing.order_by("-submitted_at")[:100]) if roles.offices else [],
            "roles": roles,
        },
    )


@require_GET
def application_detail(request: HttpRequest, pk: int) -> HttpResponse:
    application, roles = visible_application(request, pk)
    return render(request, "funding/application_detail.html", detail_context(request, application, roles))


def _forms(request: HttpRequest, application: Application):
    initial, partners, budget = initial_forms(application)
    data = request.POST if request.method == "POST" else None
    form = ApplicationForm(data, initial=initial, call=application.call)
    if data is not None and data.get("handling") == "legg-til" and "co_kommuner" in form.fields:
        form.fields["co_kommuner"].grow(len([v for v in data.getlist("co_kommuner") if v.strip()]))
    if data is not None:  # a posted row is what the applicant wrote, never compared with what was saved
        return form, PartnerFormSet(data, prefix="partnere"), BudgetFormSet(data, prefix="budsjett")
    return form, PartnerFormSet(initial=partners, prefix="partnere"), BudgetFormSet(initial=budget, prefix="budsjett")


def _show_service_errors(form, partners, budget, error: FundingError) -> None:
    for name, message in error.fields.items():
        if name in form.fields:
            form.add_error(name, message)
        elif name == "budget":
            budget._non_form_errors = budget.error_class([message])
        elif name == "partners":
            partners._non_form_errors = partners.error_class([message])
        elif name == "co_kommuner":
            form.add_error(None, message)


@login_required
@require_http_methods(["GET", "POST"])
def application_edit(request: HttpRequest, pk: int) -> HttpResponse:
    application, roles = visible_application(request, pk)
    if not roles.is_applicant(application):
        raise PermissionDenied
    if not services.is_editable(application):
        messages.info(request, error_message(FundingError("not_editable")))
        return redirect(application.get_absolute_url())
    form, partners, budget = _forms(request, application)
    autosave = request.headers.get(AUTOSAVE_HEADER) == "1"
    if request.method == "POST":
        action = request.POST.get("handling", "lagre")
        if action == "send-inn" and application.status != Application.Status.DRAFT:
            messages.error(
                request,
                _(
                    "Søknaden er allerede sendt inn, og ingenting er endret. "
                    "Bruk «Lagre endringene» for å lagre det du har skrevet."
                ),
            )
        elif form.is_valid() and partners.is_valid() and budget.is_valid():
            try:
                services.save_application(request.user, application, application_data(form, partners, budget))
                if action == "send-inn":
                    services.submit_application(request.user, application)
            except FundingError as error:
                if autosave:
                    return HttpResponse(status=409 if error.reason != "incomplete" else 422)
                messages.error(request, error_message(error))
                _show_service_errors(form, partners, budget, error)
            else:
                if autosave:
                    return HttpResponse(status=204)
                if action == "send-inn":
                    messages.success(request, _("Søknaden er sendt inn. Du får en kvittering på e-post."))
                    return redirect(application.get_absolute_url())
                if action != "legg-til":  # «Legg til kommune» shows one more input on the saved form
                    messages.success(request, _("Søknaden er lagret."))
                    return redirect("funding:application_edit", pk=application.pk)
        elif autosave:
            return HttpResponse(status=400)
    return render(
        request,
        "funding/application_form.html",
        {"application": application, "form": form, "partners": partners, "budget": budget},
    )


@login_required
@require_POST
def application_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    application, roles = visible_application(request, pk)
    if not roles.is_applicant(application):
        raise PermissionDenied
    try:
        services.withdraw_application(request.user, application)
    except FundingError as error:
        messages.error(request, error_message(error))
    else:
        messages.success(request, _("Søknaden er trukket."))
    return redirect(application.get_absolute_url())
