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
