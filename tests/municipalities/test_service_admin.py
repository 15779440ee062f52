"""Editors manage services and a kommune's own coverage rates in the Wagtail admin."""

from decimal import Decimal

import pytest

from innoplatform.municipalities.models import Kommune, Service, ServiceRate

pytestmark = pytest.mark.django_db


def test_services_are_listed(admin_client):
    content = admin_client.get("/admin/service/").content.decode()
    assert "Barnehage" in content and "Sykehjem og institusjon" in content


def test_rates_can_be_filtered_by_kommune(admin_client):
    skien = Kommune.objects.get(number="4003")
    ServiceRate.objects.create(
        service=Service.objects.get(code="barnehage"),
        kommune=skien,
        age_group="1-5",
        coverage_rate="0.9",
        fte_per_user="0.21",
        source="Skien kommune, egne tall 2025",
    )
    response = admin_client.get("/admin/servicerate/", {"kommune": skien.pk})
    assert response.status_code == 200
    content = response.content.decode()
    assert "Skien kommune, egne tall 2025" in content
    assert "KOSTRA" not in content  # national rows are filtered out


def test_editor_adds_an_own_rate(admin_client):
    skien = Kommune.objects.get(number="4003")
    response = admin_client.post(
        "/admin/servicerate/new/",
        {
            "service": Service.objects.get(code="sykehjem").pk,
            "kommune": skien.pk,
            "age_group": "90+",
            "coverage_rate": "0.3",
            "fte_per_user": "1.1",
            "source": "Skien kommune 2025",
        },
    )
    assert response.status_code == 302
    assert ServiceRate.objects.get(kommune=skien).fte_per_user == Decimal("1.1")


@pytest.mark.parametrize(("typed", "stored"), [("0,30", "0.30"), ("0.30", "0.30"), (" 0,3 ", "0.3")])
def test_admin_accepts_decimal_comma_and_point(admin_client, typed, stored):
    skien = Kommune.objects.get(number="4003")
    response = admin_client.post(
        "/admin/servicerate/new/",
        {
            "service": Service.objects.get(code="hjemmetjenester").pk,
            "kommune": skien.pk,
            "age_group": "80-89",
            "coverage_rate": typed,
            "fte_per_user": "0,25",
            "source": "Skien kommune 2025",
        },
    )
    assert response.status_code == 302
    rate = ServiceRate.objects.get(kommune=skien)
    assert (rate.coverage_rate, rate.fte_per_user) == (Decimal(stored), Decimal("0.25"))
    assert rate.imported_from == ""


def test_admin_rejects_a_rate_above_one_in_norwegian(admin_client):
    response = admin_client.post(
        "/admin/servicerate/new/",
        {
            "service": Service.objects.get(code="barnehage").pk,
            "kommune": Kommune.objects.get(number="4003").pk,
            "age_group": "1-5",
            "coverage_rate": "1,5",
            "fte_per_user": "0,2",
            "source": "Skien",
        },
    )
    assert response.status_code == 200
    assert "kan ikke være over 1 (100 %)" in response.content.decode()
    assert not ServiceRate.objects.filter(kommune__number="4003").exists()


def test_admin_form_uses_a_decimal_keyboard_and_shows_the_source(admin_client):
    content = admin_client.get("/admin/servicerate/new/").content.decode()
    assert 'inputmode="decimal"' in content and "for eksempel 0,30" in content
    listing = admin_client.get("/admin/servicerate/").content.decode()
    assert "13502" in listing and "12292" in listing  # every national default names its source
