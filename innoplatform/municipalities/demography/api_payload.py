"""The JSON of a kommune's demographic profile: the same figures as the page, as plain JSON types.

Pure functions from a KommuneProfile (or a kommune without figures) to a dict,
so the view stays thin and can move to another API framework without the
response changing. Every key is documented in README.md under "API".
"""

from ..models import AgeGroup, Kommune, PopulationDataset
from .presentation import age_rows, pyramid_rows, working_age
from .profile import KommuneProfile
from .provenance import dataset_source
from .states import NO_DATA, DataState


def dataset_payload(dataset: PopulationDataset | None) -> dict | None:
    """A dataset's provenance; `source` names SSB's table and file, never a path on the server."""
    if dataset is None:
        return None
    return {
        "table": dataset.table,
        "kind": dataset.kind,
        "alternative": dataset.alternative,
        "base_year": dataset.base_year,
        "source": dataset_source(dataset),
        "is_demo": dataset.is_demo,
        "ssb_years": sorted(dataset.ssb_years) if dataset.is_demo else None,
        "imported_at": dataset.imported_at.isoformat(),
    }


def kommune_payload(kommune: Kommune) -> dict:
    return {
        "number": kommune.number,
        "name": kommune.name,
        "fylke": {"number": kommune.fylke.number, "name": kommune.fylke.name},
        "url": kommune.get_absolute_url(),
    }


def state_payload(state: DataState) -> dict:
    """`state`, `note` and `missing`: which figures the kommune has, said plainly, and how to load the rest."""
    return {"state": str(state.kind), "note": state.note, "missing": state.missing}


def unavailable_payload(kommune: Kommune) -> dict:
    """The answer for a kommune without any imported figures."""
    return {"kommune": kommune_payload(kommune), "available": False, **state_payload(NO_DATA)}


def _services(profile: KommuneProfile) -> list[dict]:
    return [
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
    ]


def _pyramid(profile: KommuneProfile) -> dict:
    sexes = ["M", "K"] if profile.pyramid_by_sex else ["T"]
    return {
        "year_now": profile.base_year,
        "year_then": profile.pyramid_year,
        "by_sex": profile.pyramid_by_sex,
        "bands": "five_year" if profile.pyramid_in_bands else "functional",
        "rows": [
            {
                "group": row["group"],
                "now": dict(zip(sexes, row["now"], strict=True)),
                "then": dict(zip(sexes, row["then"], strict=True)) if row["then"] else None,
            }
            for row in pyramid_rows(profile)
        ],
    }


def profile_payload(profile: KommuneProfile) -> dict:
    """Everything the profile page shows, as plain JSON types."""
    state = profile.state
    choice = profile.choice
    observed = observed_dataset if state.has_observed and (observed_dataset := choice.observed) else None
    return {
        "kommune": kommune_payload(profile.kommune),
        "available": True,
        **state_payload(state),
        "demo": state.is_demo,
        "datasets": {
            "observed": dataset_payload(observed),
            "projection": dataset_payload(choice.projection if state.has_projection else None),
        },
        "alternatives": [dataset.alternative for dataset in choice.alternatives] if state.has_projection else [],
        "base_year": profile.base_year,
        "population": profile.population,
        "indicators": profile.own_indicators,
        "challenges": profile.challenges,
        "comparison": {
            "fylke": profile.fylke_summary.indicators if profile.fylke_summary else {},
            "country": profile.country_summary.indicators if profile.country_summary else {},
        },
        "age_groups": [
            {
                "year": row["year"],
                "kind": row["kind"],
                "generated": bool(
                    (row["kind"] == "observed" and observed and observed.is_generated(row["year"]))
                    or (row["kind"] == "projected" and state.projection_is_demo)
                ),
                "groups": dict(zip(AgeGroup.values, row["groups"], strict=True)),
                "total": row["total"],
            }
            for row in age_rows(profile)
        ],
        "pyramid": _pyramid(profile),
        "working_age": {str(year): value for year, value in sorted(working_age(profile).items())},
        "services": _services(profile),
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
