"""The kommune list, each kommune's demographic profile with its CSV downloads, and the compare view."""

from itertools import groupby

from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from innoplatform.core import derived
from innoplatform.core.csv_export import csv_response

from .demography import presentation
from .demography.compare import MAX_COMPARED, compare_kommuner, parse_kommune_inputs
from .demography.indicators import CHALLENGE_YEAR
from .demography.profile import KommuneProfile, build_profile
from .demography.provenance import source_text
from .demography.states import NO_DATA
from .extensions import kommune_sections
from .models import AgeGroup, Fylke, Kommune

PROFILE_SOURCES = ("municipalities",)


@require_GET
def kommune_list(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:100]
    if query:
        groups = _kommune_groups(query)
    else:
        groups = derived.remember("kommune-groups", (), PROFILE_SOURCES, lambda: _kommune_groups(""))
    return render(
        request,
        "municipalities/kommune_list.html",
        {
            "groups": groups,
            "query": query,
            "count": sum(len(members) for _fylke, members in groups),
            # The whole list (357 links) is rendered once per language while the registry stands.
            "list_fragment": (0, "") if query else derived.fragment_seconds(PROFILE_SOURCES),
        },
    )


def _kommune_groups(query: str) -> list[tuple[Fylke, list[Kommune]]]:
    kommuner = Kommune.objects.select_related("fylke").order_by("fylke__number", "name")
    if query:
        kommuner = kommuner.filter(Q(name__icontains=query) | Q(number__startswith=query))
    return [(fylke, list(members)) for fylke, members in groupby(kommuner, key=lambda kommune: kommune.fylke)]


def _alternative(request: HttpRequest) -> str | None:
    value = request.GET.get("alternativ", "").strip().upper()
    return value[:10] or None


def _profile_context(profile: KommuneProfile) -> dict:
    service_rows, working_age = presentation.service_rows(profile)
    columns, comparison_rows = presentation.comparison(profile, CHALLENGE_YEAR)
    return {
        "state": profile.state,
        "source_line": source_text(profile.state),
        "age_chart": presentation.age_chart(profile),
        "age_rows": presentation.age_rows(profile),
        "age_groups": AgeGroup.choices,
        "pyramid": presentation.pyramid_chart(profile),
        "pyramid_rows": presentation.pyramid_rows(profile),
        "service_chart": presentation.service_chart(profile),
        "service_rows": service_rows,
        "working_age": working_age,
        "comparison_columns": columns,
        "comparison_rows": comparison_rows,
        "challenges": presentation.challenge_explanations(profile),
        "challenge_year": CHALLENGE_YEAR,
        "key_figures": presentation.key_figures(profile),
        "available_csv": presentation.available_csv(profile),
        "alternative_query": profile.choice.projection.alternative
        if profile.state.has_projection and len(profile.choice.alternatives) > 1
        else "",
    }


@require_GET
def kommune_detail(request: HttpRequest, number: str, slug: str | None = None) -> HttpResponse:
    kommune = get_object_or_404(Kommune.objects.select_related("fylke"), number=number)
    if slug != kommune.slug:
        return redirect(kommune, permanent=True)
    neighbours = Kommune.objects.filter(fylke=kommune.fylke).exclude(pk=kommune.pk).order_by("name")
    alternative = _alternative(request)
    context = {
        "kommune": kommune,
        "neighbours": neighbours,
        "sections": kommune_sections(request, kommune),
        "profile": None,
        "state": NO_DATA,
        # The charts and tables are rendered once per kommune, alternative and language while the figures stand.
        "profile_fragment": (*derived.fragment_seconds(PROFILE_SOURCES), alternative or ""),
    }
    context.update(_derived_profile(kommune, alternative) or {})
    return render(request, "municipalities/kommune_detail.html", context)


def _derived_profile(kommune: Kommune, alternative: str | None) -> dict | None:
    """The profile with everything its charts show, as derived data until the figures change."""

    def compute() -> dict | None:
        profile = build_profile(kommune, alternative)
        return None if profile is None else {"profile": profile, **_profile_context(profile)}

    return derived.remember("kommune-profile", (kommune.pk, alternative, get_language()), PROFILE_SOURCES, compute)


@require_GET
def kommune_csv(request: HttpRequest, number: str, chart: str) -> HttpResponse:
    """The figures behind one chart of the profile, as semicolon-separated CSV that starts with its source."""
    kommune = get_object_or_404(Kommune.objects.select_related("fylke"), number=number)
    profile = build_profile(kommune, _alternative(request))
    if profile is None or chart not in presentation.available_csv(profile):
        raise Http404
    header, rows = presentation.csv_table(profile, chart)
    return csv_response(f"{kommune.number}-{kommune.slug}-{chart}.csv", header, rows, source=source_text(profile.state))


@require_GET
def kommune_compare(request: HttpRequest) -> HttpResponse:
    """Two or more kommuner side by side: key indicators in 2040 and derived challenges."""
    kommuner = list(Kommune.objects.select_related("fylke").order_by("name"))
    inputs = [value.strip() for value in request.GET.getlist("k") if value.strip()][:MAX_COMPARED]
    chosen, unknown = parse_kommune_inputs(inputs, kommuner)
    comparison = compare_kommuner(chosen, _alternative(request)) if chosen else None
    slots = [*inputs, *[""] * max(0, max(2, len(inputs) + 1) - len(inputs))][:MAX_COMPARED]
    return render(
        request,
        "municipalities/kommune_compare.html",
        {
            "kommuner": kommuner,
            "slots": slots,
            "unknown": unknown,
            "comparison": comparison,
            "max_compared": MAX_COMPARED,
            "title": _("Sammenlign kommuner"),
        },
    )
