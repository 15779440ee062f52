"""Service needs and staffing with the national default rates and with a kommune's own rates."""

from decimal import Decimal

import pytest

from innoplatform.municipalities.demography.services import project_service_needs, rates_for, service_need
from innoplatform.municipalities.models import Kommune, Service, ServiceRate

from .demography_helpers import BASE_2025

pytestmark = pytest.mark.django_db


def test_migration_created_the_four_national_services_with_sources():
    services = {service.code: service for service in Service.objects.all()}
    assert list(services) == ["barnehage", "grunnskole", "hjemmetjenester", "sykehjem"]
    national = ServiceRate.objects.filter(kommune__isnull=True)
    assert national.count() == 9
    barnehage = national.get(service__code="barnehage", age_group="1-5")
    assert (barnehage.coverage_rate, barnehage.fte_per_user) == (Decimal("0.93"), Decimal("0.2"))
    assert national.get(service__code="sykehjem", age_group="90+").coverage_rate == Decimal("0.27")
    for rate in national:
        assert "2024" in rate.source and "avrundet" in rate.source
        assert len(rate.source) <= 300


def test_need_with_national_rates():
    rates = {item.service.code: item for item in rates_for(None)}
    barnehage = service_need(BASE_2025, rates["barnehage"].rates, 2025)
    assert (barnehage.users, barnehage.fte) == (46.5, 9.3)  # 50 × 0.93; × 0.2
    home = service_need(BASE_2025, rates["hjemmetjenester"].rates, 2025)
    assert home.users == pytest.approx(150 * 0.06 + 80 * 0.22 + 20 * 0.45)  # 35.6
    assert home.fte == pytest.approx(35.6 * 0.3, abs=0.05)
    assert not rates["barnehage"].uses_own_rates


def test_own_rate_replaces_the_national_one_for_that_age_group_only():
    skien = Kommune.objects.get(number="4003")
    ServiceRate.objects.create(
        service=Service.objects.get(code="sykehjem"),
        kommune=skien,
        age_group="90+",
        coverage_rate=Decimal("0.5"),
        fte_per_user=Decimal("1.2"),
        source="Skien kommune 2025",
    )
    rates = {item.service.code: item for item in rates_for(skien)}
    assert rates["sykehjem"].uses_own_rates
    assert not rates["barnehage"].uses_own_rates
    need = service_need(BASE_2025, rates["sykehjem"].rates, 2025)
    assert need.users == pytest.approx(150 * 0.01 + 80 * 0.07 + 20 * 0.5)  # 17.1
    assert need.fte == pytest.approx(1.5 + 5.6 + 12.0)
    assert "Skien kommune 2025" in rates["sykehjem"].sources
    # Other kommuner keep the national rate.
    porsgrunn = {item.service.code: item for item in rates_for(Kommune.objects.get(number="4001"))}
    assert not porsgrunn["sykehjem"].uses_own_rates


def test_project_service_needs_orders_years():
    yearly = {2040: BASE_2025, 2025: BASE_2025}
    [(item, needs), *_rest] = project_service_needs(yearly, rates_for(None))
    assert item.service.code == "barnehage"
    assert [need.year for need in needs] == [2025, 2040]


def test_rates_for_uses_one_query(django_assert_num_queries):
    with django_assert_num_queries(1):
        rates_for(Kommune(pk=1, number="4003"))
