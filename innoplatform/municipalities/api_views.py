"""JSON of a kommune's demographic profile, for other systems; the same figures as the page.

The keys are documented in README.md under "API".
"""

from django.http import HttpRequest, JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from .demography.datasets import DatasetChoice
from .demography.presentation import age_rows, pyramid_rows, working_age
from .demography.profile import KommuneProfile, build_profile
from .models import AgeGroup, Kommune, PopulationDataset


def _dataset(dataset: PopulationDataset | None) -> dict | None:
    if dataset is None:
        return None
    return {
        "table": dataset.table,
        "kind": dataset.kind,
        "alternative": dataset.alternative,
        "base_year": dataset.base_year,
        "source": dataset.source,
        "is_demo": dataset.is_demo,
        "imported_at": dataset.imported_at.isoformat(),
    }


def _kommune(kommune: Kommune) -> dict:
    return {
        "number": kommune.number,
        "name": kommune.name,
        "fylke": {"number": kommune.fylke.number, "name": kommune.fylke.name},
        "url": kommune.get_absolute_url(),
    }


def profile_payload(profile: KommuneProfile) -> dict:
    """Everything the profile page shows, as plain JSON types."""
    choice: DatasetChoice = profile.choice
    sexes = ["M", "K"] if profile.pyramid_by_sex else ["T"]
    return {
        "kommune": _kommune(profile.kommune),
        "available": True,
        "demo": choice.is_demo,
        "datasets": {"observed": _dataset(choice.observed), "projection": _dataset(choice.projection)},
        "alternatives": [dataset.alternative for dataset in choice.alternatives],
        "base_year": profile.base_year,
        "population": profile.population,
        "indicators": profile.summary.indicators if profile.summary else {},
        "challenges": profile.challenges,
        "comparison": {
            "fylke": profile.fylke_summary.indicators if profile.fylke_summary else {},
            "country": profile.country_summary.indicators if profile.country_summary else {},
        },
        "age_groups": [
            {
                "year": row["year"],
                "kind": row["kind"],
                "groups": dict(zip(AgeGroup.values, row["groups"], strict=True)),
                "total": row["total"],
            }
            for row in age_rows(profile)
        ],
        "pyramid": {
            "year_now": profile.base_year,
            "year_then": profile.pyramid_year,
            "by_sex": profile.pyramid_by_sex,
            "rows": [
                {
                    "group": row["group"],
                    "now": dict(zip(sexes, row["now"], strict=True)),
                    "then": dict(zip(sexes, row["then"], strict=True)),
                }
                for row in pyramid_rows(profile)
            ],
        },
        "working_age": {str(year): value for year, value in sorted(working_age(profile).items())},
        "services": [
            {
                "code": item.service.code,
                "name": item.service.name,
                "user_label": item.service.user_label,
                "rates": "own" if item.uses_own_rates else "national",
                "rate_details": [
                    {
                        "age_group": rate.age_group,
                        "coverage_rate": rate.coverage_rate,
                        "fte_per_user": rate.fte_per_user,
                        "source": rate.source,
                        "own": rate.is_own,
                    }
                    for rate in item.rates
                ],
                "needs": [{"year": need.year, "users": need.users, "fte": need.fte} for need in needs],
            }
            for item, needs in profile.services
        ],
        "similar": [
            {
                "number": similar.kommune.number,
                "name": similar.kommune.name,
                "reason": similar.reason,
                "dimensions": list(similar.dimensions),
            }
            for similar in profile.similar
        ],
    }


@require_GET
def kommune_profile(request: HttpRequest, number: str) -> JsonResponse:
    kommune = get_object_or_404(Kommune.objects.select_related("fylke"), number=number)
    alternative = request.GET.get("alternativ", "").strip().upper()[:10] or None
    profile = build_profile(kommune, alternative)
    payload = profile_payload(profile) if profile else {"kommune": _kommune(kommune), "available": False}
    return JsonResponse(payload, json_dumps_params={"ensure_ascii": False})
