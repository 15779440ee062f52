"""Projected service needs and staffing from population and coverage rates.

need(year) = Σ over the service's age groups of persons × coverage rate;
staffing (FTE) = users × full-time equivalents per user. A kommune's own rate
for a service and age group replaces the national default for that group.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Q

from ..models import AgeGroup, Kommune, Service, ServiceRate


@dataclass(frozen=True)
class EffectiveRate:
    age_group: str
    coverage_rate: float
    fte_per_user: float
    source: str
    is_own: bool


@dataclass
class ServiceRates:
    """The rates one kommune uses for one service, and whether any of them are its own."""

    service: Service
    rates: list[EffectiveRate] = field(default_factory=list)

    @property
    def uses_own_rates(self) -> bool:
        return any(rate.is_own for rate in self.rates)

    @property
    def sources(self) -> list[str]:
        """Each distinct source once, in age-group order: most services have one for all their groups."""
        return list(dict.fromkeys(rate.source for rate in self.rates))


@dataclass(frozen=True)
class ServiceNeed:
    year: int
    users: float
    fte: float


def rates_for(kommune: Kommune | None) -> list[ServiceRates]:
    """Effective rates per service for a kommune (own over national), from one query."""
    condition = Q(kommune__isnull=True)
    if kommune is not None:
        condition |= Q(kommune=kommune)
    rows = ServiceRate.objects.filter(condition).select_related("service").order_by("service__order", "service__name")
    return resolve_rates(rows)


def resolve_rates(rows: Iterable[ServiceRate]) -> list[ServiceRates]:
    """Merge national and own rate rows: per service and age group, an own rate wins."""
    by_service: dict[int, tuple[Service, dict[str, EffectiveRate]]] = {}
    for row in rows:
        _service, groups = by_service.setdefault(row.service_id, (row.service, {}))
        is_own = row.kommune_id is not None
        if is_own or row.age_group not in groups:
            groups[row.age_group] = EffectiveRate(
                row.age_group, float(row.coverage_rate), float(row.fte_per_user), row.source, is_own
            )
    order = {code: index for index, code in enumerate(AgeGroup.values)}
    return [
        ServiceRates(service, sorted(groups.values(), key=lambda rate: order.get(rate.age_group, len(order))))
        for service, groups in by_service.values()
    ]


def service_need(groups: dict[str, int], rates: Iterable[EffectiveRate], year: int) -> ServiceNeed:
    """Users and FTE in one year from persons per functional group."""
    users = 0.0
    fte = 0.0
    for rate in rates:
        group_users = groups.get(rate.age_group, 0) * rate.coverage_rate
        users += group_users
        fte += group_users * rate.fte_per_user
    return ServiceNeed(year, round(users, 1), round(fte, 1))


def project_service_needs(
    yearly_groups: dict[int, dict[str, int]], services: Iterable[ServiceRates]
) -> list[tuple[ServiceRates, list[ServiceNeed]]]:
    """Needs per service for every year given, in year order."""
    years = sorted(yearly_groups)
    return [(item, [service_need(yearly_groups[year], item.rates, year) for year in years]) for item in services]
