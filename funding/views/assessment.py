"""The office's pages: scoring an application, and deciding on it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from .. import allocation, assessing
from ..forms import AssessmentForm, DecisionForm
from ..lifecycle import FundingError
from ..messages import error_message
from ..models import Assessment
from .detail import detail_context
from .loading import visible_application


@login_required
@require_http_methods(["GET", "POST"])
def assess(request: HttpRequest, pk: int) -> HttpResponse:
    application, roles = visible_application(request, pk)
    if not (roles.editor or roles.is_assessor(application)):
        raise PermissionDenied
    if roles.has_conflict(application):
        messages.error(request, error_message(FundingError("conflict")))
        return redirect(application.get_absolute_url())
    criteria = list(application.call.criteria.all()) if application.call else []
    mine = Assessment.objects.filter(application=application, assessor=request.user).prefetch_related("scores").first()
    initial = {}
    if mine:
        initial = {"no_conflict": mine.no_conflict, "comment": mine.comment}
        for score in mine.scores.all():
            initial[f"score_{score.criterion_id}"] = score.score
            initial[f"comment_{score.criterion_id}"] = score.comment
    form = AssessmentForm(request.POST or None, initial=initial, criteria=criteria)
    if request.method == "POST" and form.is_valid():
        scores = [
            assessing.ScoreInput(c, form.cleaned_data[f"score_{c.pk}"], form.cleaned_data[f"comment_{c.pk}"])
            for c in criteria
        ]
        try:
            assessing.save_assessment(
                request.user,
                application,
                no_conflict=form.cleaned_data["no_conflict"],
                scores=scores,
                comment=form.cleaned_data["comment"],
            )
        except FundingError as error:
            messages.error(request, error_message(error))
        else:
            messages.success(request, _("Vurderingen er lagret."))
            return redirect(application.get_absolute_url())
    return render(request, "funding/assess.html", {"application": application, "form": form})


@login_required
@require_POST
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    application, roles = visible_application(request, pk)
    if not (roles.editor or roles.is_assessor(application)):
        raise PermissionDenied
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            allocation.decide(request.user, application, amount_nok=form.amount(), reason=form.cleaned_data["reason"])
        except FundingError as error:
            if error.fields.get("amount_nok") == "above_sought":
                form.add_error("amount_nok", _("Beløpet kan ikke være høyere enn det som er søkt om."))
            messages.error(request, error_message(error))
        else:
            messages.success(request, _("Vedtaket er lagret, og søkerne får det på e-post."))
            return redirect(application.get_absolute_url())
    context = detail_context(request, application, roles, decision_form=form)
    return render(request, "funding/application_detail.html", context, status=400)
