"""The kommune list (grouped by fylke, filterable) and the page of each kommune."""

from itertools import groupby

from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET

from .extensions import kommune_sections
from .models import Kommune


@require_GET
def kommune_list(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:100]
    kommuner = Kommune.objects.select_related("fylke").order_by("fylke__number", "name")
    if query:
        kommuner = kommuner.filter(Q(name__icontains=query) | Q(number__startswith=query))
    kommuner = list(kommuner)
    groups = [(fylke, list(members)) for fylke, members in groupby(kommuner, key=lambda kommune: kommune.fylke)]
    return render(
        request,
        "municipalities/kommune_list.html",
        {"groups": groups, "query": query, "count": len(kommuner)},
    )


@require_GET
def kommune_detail(request: HttpRequest, number: str, slug: str | None = None) -> HttpResponse:
    kommune = get_object_or_404(Kommune.objects.select_related("fylke"), number=number)
    if slug != kommune.slug:
        return redirect(kommune, permanent=True)
    neighbours = Kommune.objects.filter(fylke=kommune.fylke).exclude(pk=kommune.pk).order_by("name")
    return render(
        request,
        "municipalities/kommune_detail.html",
        {"kommune": kommune, "neighbours": neighbours, "sections": kommune_sections(request, kommune)},
    )
