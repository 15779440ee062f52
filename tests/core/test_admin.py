"""Editors reach the Wagtail admin; the kommune registry and users are manageable there."""

import pytest

from innoplatform.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_admin_requires_login_on_the_one_sign_in_page(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/konto/login/?next=/admin/"


@pytest.mark.parametrize("path", ["/admin/login/?next=/admin/pages/", "/_util/login/?next=/lukket/"])
def test_wagtails_own_sign_in_forms_send_visitors_to_allauth_with_their_destination(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"] == "/konto/login/?" + path.split("?")[1]
    assert client.post(path, {"username": "redaktor@example.no", "password": "x"})["Location"].startswith(
        "/konto/login/"
    )


@pytest.mark.parametrize(
    "path",
    ["/admin/", "/admin/users/", "/admin/pages/", "/admin/settings/core/sitesettings/"],
)
def test_admin_pages_render_for_superuser(admin_client, path):
    response = admin_client.get(path, follow=True)
    assert response.status_code == 200


def test_kommune_registry_is_listed_and_searchable_in_admin(admin_client):
    response = admin_client.get("/admin/kommune/", {"q": "Skien"})
    assert response.status_code == 200
    assert "Skien" in response.content.decode()
    assert "Bergen" not in response.content.decode()


def test_ordinary_user_cannot_enter_admin(client):
    client.force_login(UserFactory())
    response = client.get("/admin/")
    assert response.status_code == 302
