"""The cohort pages under /kurs/kull/: joining with an invitation code, and the facilitator's page and message.

Joining needs a logged-in user with a confirmed address; every code tried counts
against a rate limit. The facilitator's page is a 404 for everyone but the
cohort's facilitator and superusers, so a cohort's existence is not given away.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from innoplatform.accounts.services import has_verified_email
from innoplatform.core.once import run_once
from innoplatform.core.ratelimit import limit

from .cohorts import cohort_overview, default_group, facilitated_cohort, join_cohort, send_cohort_message
from .forms import CohortCodeForm, CohortGroupForm, CohortMessageForm
from .models import Cohort, CohortGroup

RATE_LIMITED_ACTION = "cohort_action"
GROUP_STEP = "gruppe"


@login_required
@require_http_methods(["GET", "POST"])
def join_view(request: HttpRequest) -> HttpResponse:
    """Step one asks for the code; step two, when the cohort has groups, for the group (the own kommune's first)."""
    verified = has_verified_email(request.user)
    if request.method == "GET" or not verified:
        return render(request, "courses/cohort_join.html", {"form": CohortCodeForm(), "verified": verified})
    if limited := limit(request, RATE_LIMITED_ACTION):
        return limited
    code_form = CohortCodeForm(request.POST)
    if not code_form.is_valid():
        return render(request, "courses/cohort_join.html", {"form": code_form, "verified": True})
    cohort = code_form.cohort
    groups = list(cohort.groups.all())
    if not groups:
        return _join(request, cohort, None)
    if request.POST.get("step") == GROUP_STEP:
        group_form = CohortGroupForm(request.POST, cohort=cohort)
        if group_form.is_valid():
            return _join(request, cohort, group_form.cleaned_data["group"])
    else:
        initial = {"code": code_form.cleaned_data["code"], "group": default_group(groups, request.user)}
        group_form = CohortGroupForm(cohort=cohort, initial=initial)
    return render(
        request,
        "courses/cohort_join.html",
        {"form": group_form, "cohort": cohort, "verified": True, "group_step": GROUP_STEP},
    )


def _join(request: HttpRequest, cohort: Cohort, group: CohortGroup | None) -> HttpResponse:
    join_cohort(request.user, cohort, group)
    if group is None:
        text = _("Du er med i kullet «%(cohort)s».") % {"cohort": cohort.name}
    else:
        text = _("Du er med i kullet «%(cohort)s», i gruppen «%(group)s».") % {"cohort": cohort.name, "group": group}
    messages.success(request, text)
    return redirect(cohort.course.url)


def _facilitated(request: HttpRequest, cohort_id: int) -> Cohort:
    cohort = facilitated_cohort(request.user, cohort_id)
    if cohort is None:
        raise Http404
    return cohort


def _cohort_page(request: HttpRequest, cohort: Cohort, form: CohortMessageForm) -> HttpResponse:
    return render(
        request,
        "courses/cohort_detail.html",
        {
            "overview": cohort_overview(cohort),
            "form": form,
            "join_url": settings.SITE_URL + reverse("courses:join_cohort"),
        },
    )


@login_required
@require_GET
def cohort_view(request: HttpRequest, cohort_id: int) -> HttpResponse:
    return _cohort_page(request, _facilitated(request, cohort_id), CohortMessageForm())


@login_required
@require_POST
def cohort_message_view(request: HttpRequest, cohort_id: int) -> HttpResponse:
    """Send the message once per rendered form: a double click or a resent request reports the first sending."""
    cohort = _facilitated(request, cohort_id)
    if limited := limit(request, RATE_LIMITED_ACTION):
        return limited
    form = CohortMessageForm(request.POST)
    if not form.is_valid():
        return _cohort_page(request, cohort, form)
    data = form.cleaned_data
    count, _new = run_once(
        data["form_token"],
        f"cohort_message:{cohort.pk}",
        request.user,
        lambda: send_cohort_message(cohort, request.user, data["subject"], data["text"]),
        result=str,
    )
    messages.success(
        request,
        ngettext(
            "Meldingen er sendt til %(count)s deltaker.", "Meldingen er sendt til %(count)s deltakere.", int(count)
        )
        % {"count": count},
    )
    return redirect("courses:cohort", cohort_id=cohort.pk)
