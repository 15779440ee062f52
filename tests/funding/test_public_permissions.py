"""The public insight's URLs for the same seven people: granted projects are for everyone, nothing else is."""

import pytest

from django.urls import reverse

from funding.factories import grant
from funding.models import Application

from .test_permissions import PEOPLE

PUBLIC_ROWS = ("grants", "grant", "grants_csv")


@pytest.mark.parametrize("person", PEOPLE)
@pytest.mark.parametrize(
    ("name", "granted", "expected"),
    [("grants", False, 200), ("grants_csv", False, 200), ("grant", True, 200), ("grant", False, 404)],
)
def test_public_pages(client, world, home_page, person, name, granted, expected):
    if granted:
        grant(world.application, 400_000)
    if person != "anonymous":
        client.force_login(getattr(world, person))
    args = [world.application.pk] if name == "grant" else []
    assert client.get(reverse(f"funding:{name}", args=args)).status_code == expected


@pytest.mark.parametrize(
    "status",
    [s for s in Application.Status if s not in ("granted", "partly_granted", "reporting_due", "reported", "closed")],
)
def test_no_unpublic_status_has_a_public_page_for_anyone(client, world, home_page, status):
    Application.objects.filter(pk=world.application.pk).update(status=status)
    for person in PEOPLE:
        client.logout()
        if person != "anonymous":
            client.force_login(getattr(world, person))
        assert client.get(reverse("funding:grant", args=[world.application.pk])).status_code == 404, person
