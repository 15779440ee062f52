"""Organisation pages: who the organisation is, its members (names only) and what it has done on the platform."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from .models import Membership, Organisation


@require_GET
def organisation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(Organisation.objects.select_related("kommune"), slug=slug)
    members = (
        Membership.objects.filter(organisation=organisation, status=Membership.Status.APPROVED)
        .select_related("user")
        .order_by("user__first_name", "user__last_name")
    )
    return render(request, "organisations/organisation_detail.html", {"organisation": organisation, "members": members})
