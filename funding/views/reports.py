"""Reports: the applicants write and submit them, the office approves or returns them, and a closed project can
be published as a case in the library."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from .. import publishing, reporting
from ..forms import ReportForm, ReviewForm
from ..lifecycle import FundingError
from ..messages import error_message
from ..models import Report
from .loading import visible_application

KINDS = {"delrapport": Report.Kind.INTERIM, "sluttrapport": Report.Kind.FINAL}


def _kind(slug: str) -> str:
    if slug not in KINDS:
        raise Http404
    return KINDS[slug]


@login_required
@require_http_methods(["GET", "POST"])
def report_edit(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    application, roles = visible_application(request, pk)
    kind = _kind(kind)
    if not roles.is_applicant(application):
        raise PermissionDenied
    report = reporting.report_for(application, kind)
    locked = report.status in (Report.Status.SUBMITTED, Report.Status.APPROVED)
    form = ReportForm(None if locked else (request.POST or None), instance=report)
    if request.method == "POST" and not locked and form.is_valid():
        submit = request.POST.get("handling") == "lever"
        try:
            reporting.save_report(request.user, application, kind, form.cleaned_data, submit=submit)
        except FundingError as error:
            for name in error.fields:
                if name in form.fields:
                    form.add_error(name, _("Fyll ut dette før rapporten leveres."))
            messages.error(request, error_message(error))
        else:
            messages.success(request, _("Rapporten er levert.") if submit else _("Rapporten er lagret som utkast."))
            return redirect(application.get_absolute_url() if submit else request.path)
    return render(
        request,
        "funding/report_form.html",
        {
            "application": application,
            "report": report,
            "form": form,
            "locked": locked,
            "kind_slug": request.resolver_match.kwargs["kind"],
        },
    )


@login_required
@require_POST
def report_review(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    application, roles = visible_application(request, pk)
    kind = _kind(kind)
    report = next((r for r in application.reports.all() if r.kind == kind), None)
    if not (roles.editor or roles.is_assessor(application)):
        raise PermissionDenied
    if report is None:
        raise Http404
    form = ReviewForm(request.POST)
    approve = request.POST.get("handling") == "godkjenn"
    if form.is_valid():
        try:
            reporting.review_report(request.user, report, approve=approve, comment=form.cleaned_data["comment"])
        except FundingError as error:
            if error.fields:
                messages.error(request, _("Skriv en tilbakemelding når rapporten sendes tilbake."))
            else:
                messages.error(request, error_message(error))
        else:
            messages.success(
                request, _("Rapporten er godkjent.") if approve else _("Rapporten er sendt tilbake til søkerne.")
            )
    return redirect(application.get_absolute_url())


@login_required
@require_POST
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    application, roles = visible_application(request, pk)
    if not (roles.editor or roles.is_applicant(application)):
        raise PermissionDenied
    try:
        publishing.publish_as_case(request.user, application)
    except FundingError as error:
        messages.error(request, error_message(error))
    else:
        messages.success(
            request,
            _(
                "Et utkast til eksempel er sendt til redaksjonen. Når det er godkjent, ligger det i eksempelbiblioteket."
            ),
        )
    return redirect(application.get_absolute_url())
