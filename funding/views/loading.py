"""Loading what a funding page shows, with the same few queries whatever the data size, and refusing what it may not."""

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from ..models import Application, FundingCall
from ..permissions import Roles


def applications_for_page():
    return Application.objects.select_related(
        "call", "lead_kommune", "allocation", "created_by", "case"
    ).prefetch_related("co_kommuner", "partners__organisation", "budget_lines", "codes", "reports", "call__criteria")


def visible_application(request: HttpRequest, pk: int) -> tuple[Application, Roles]:
    """The application and the user's roles, or 404 for one the user may not see (its existence is not told)."""
    application = get_object_or_404(applications_for_page(), pk=pk, imported=False)
    roles = Roles.of(request.user)
    if not roles.can_view(application):
        raise Http404
    return application, roles


def call_by_slug(slug: str) -> FundingCall:
    return get_object_or_404(FundingCall.objects.prefetch_related("criteria"), slug=slug)
