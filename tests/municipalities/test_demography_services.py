"""Service needs and staffing with the national default rates and with a kommune's own rates."""

from decimal import Decimal

import pytest

from innoplatform.municipalities.demo.base import read_base
from innoplatform.municipalities.demography.aggregation import GROUP_BOUNDS
from innoplatform.municipalities.demography.services import project_service_needs, rates_for, service_need
from innoplatform.municipalities.models import Kommune, Service, ServiceRate

from .demography_helpers import BASE_2025

pytestmark = pytest.mark.django_db


def test_migration_created_the_four_national_services_with_sources():
    services = {service.code: service for service in Service.objects.all()}
    assert list(services) == ["barnehage", "grunnskole", "hjemmetjenester", "sykehjem"]
    national = ServiceRate.objects.filter(kommune__isnull=True)
    groups = {code: set(national.filter(service__code=code).values_list("age_group", flat=True)) for code in services}
    assert groups["barnehage"] == {"1-5"} and groups["grunnskole"] == {"6-12", "13-15"}
    assert groups["hjemmetjenester"] == {"1-5", "6-12", "13-15", "16-19", "20-44", "45-66", "67-79", "80-89", "90+"}
    assert groups["sykehjem"] == {"20-44", "45-66", "67-79", "80-89", "90+"}
    barnehage = national.get(service__code="barnehage", age_group="1-5")
    assert (barnehage.coverage_rate, barnehage.fte_per_user) == (Decimal("0.94"), Decimal("0.2"))
    assert "13502" in barnehage.source and "94,3 %" in barnehage.source
    assert national.get(service__code="sykehjem", age_group="90+").coverage_rate == Decimal("0.25")
    for rate in national:
        assert "2024" in rate.source and ("avrundet" in rate.source.lower())
        assert len(rate.source) <= 300


def test_need_with_national_rates():
    rates = {item.service.code: item for item in rates_for(None)}
    barnehage = service_need(BASE_2025, rates["barnehage"].rates, 2025)
    assert (barnehage.users, barnehage.fte) == (47.0, 9.4)  # 50 × 0.94; × 0.2
    home = service_need(BASE_2025, rates["hjemmetjenester"].rates, 2025)
    expected = 50 * 0.002 + 70 * 0.003 + 30 * 0.004 + 40 * 0.006 + 300 * 0.013 + 250 * 0.027
    expected += 150 * 0.065 + 80 * 0.22 + 20 * 0.5
    assert home.users == pytest.approx(expected, abs=0.05)  # 48.9, of whom 11.3 under 67
    assert home.fte == pytest.approx(expected * 0.3, abs=0.05)
    assert not rates["barnehage"].uses_own_rates


def test_skiens_home_care_from_national_defaults_matches_kostra():
    """KOSTRA (table 12292) reports 2 103 home-care users in Skien in 2024, 672 of them 80 or older;
    the national defaults applied to SSB's 2024 population of Skien must give the same order of magnitude."""
    ages = read_base()["4003"]
    groups = {
        code: sum(ages["M"][age] + ages["K"][age] for age in range(low, (high if high is not None else 105) + 1))
        for code, (low, high) in GROUP_BOUNDS.items()
    }
    assert groups["80-89"] == 2_368 and groups["90+"] == 479  # SSB 07459, as SOURCES.md quotes it
    rates = {item.service.code: item for item in rates_for(None)}
    home = service_need(groups, rates["hjemmetjenester"].rates, 2024)
    assert 2_103 * 0.8 <= home.users <= 2_103 * 1.25
    oldest = service_need(groups, [r for r in rates["hjemmetjenester"].rates if r.age_group in ("80-89", "90+")], 2024)
    assert 672 * 0.8 <= oldest.users <= 672 * 1.25
    institution = service_need(groups, rates["sykehjem"].rates, 2024)
    assert 414 * 0.8 <= institution.users <= 414 * 1.25  # KOSTRA: 414 sykehjemsbeboere


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
    by_group = {rate.age_group: rate for rate in rates["sykehjem"].rates}
    assert by_group["90+"].is_own and not by_group["80-89"].is_own
    need = service_need(BASE_2025, rates["sykehjem"].rates, 2025)
    assert need.users == pytest.approx(300 * 0.0002 + 250 * 0.0015 + 150 * 0.011 + 80 * 0.065 + 20 * 0.5, abs=0.05)
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
