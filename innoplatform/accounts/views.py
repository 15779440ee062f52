"""Profile, profile editing, personal data export and account deletion."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from innoplatform.core.ratelimit import limit

from .extensions import profile_sections
from .forms import DeleteAccountForm, ProfileForm
from .services import delete_account, export_personal_data


@login_required
@require_GET
def profile(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/profile.html", {"sections": profile_sections(request)})


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        if limited := limit(request, "edit_profile"):
            return limited
        form = ProfileForm(request.POST, instance=request.user)
        if form.is_valid():
            form.save()
            messages.success(request, _("Profilen er oppdatert."))
            return redirect("accounts:profile")
    else:
        form = ProfileForm(instance=request.user)
    return render(request, "accounts/profile_edit.html", {"form": form})


@login_required
@require_GET
def export_data(request: HttpRequest) -> HttpResponse:
    if limited := limit(request, "export_data"):
        return limited
    payload = json.dumps(export_personal_data(request.user), ensure_ascii=False, indent=2)
    filename = f"innovasjonsplattformen-mine-data-{timezone.localdate():%Y-%m-%d}.json"
    response = HttpResponse(payload, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def delete(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        if limited := limit(request, "delete_account"):
            return limited
        form = DeleteAccountForm(request.POST, user=request.user)
        if form.is_valid():
            delete_account(request, request.user)
            messages.success(request, _("Kontoen din er slettet. Takk for at du brukte Innovasjonsplattformen."))
            return redirect("/")
    else:
        form = DeleteAccountForm(user=request.user)
    return render(request, "accounts/delete.html", {"form": form})
