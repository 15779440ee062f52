"""The public grant pages under /tilskudd/: the list with facets and sums, one grant, and the list as CSV."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from innoplatform.core.csv_export import csv_response

from .insight import grant_detail
from .insight_context import CSV_COLUMNS, CSV_SOURCE, csv_grants, csv_rows, detail_context, list_context


@require_GET
def grant_list(request: HttpRequest) -> HttpResponse:
    return render(request, "funding/insight/grant_list.html", list_context(request))


@require_GET
def grant(request: HttpRequest, pk: int) -> HttpResponse:
    """A granted project; any other application is a 404, so not even its existence is told."""
    application = grant_detail(pk)
    if application is None:
        raise Http404
    return render(request, "funding/insight/grant_detail.html", detail_context(request, application))


@require_GET
def grants_csv(request: HttpRequest) -> HttpResponse:
    """The filtered grants (at most 10 000) as a spreadsheet that starts with its source; no cell is a formula."""
    return csv_response(
        f"tilskudd-{timezone.localdate():%Y-%m-%d}.csv",
        [str(column) for column in CSV_COLUMNS],
        csv_rows(csv_grants(request), request),
        source=str(CSV_SOURCE),
    )
