"""Every organisation address, asked by each kind of visitor: the server decides, whatever the page shows."""

import pytest

from django.urls import reverse

from innoplatform.organisations.factories import MembershipFactory
from innoplatform.organisations.membership import is_moderator
from innoplatform.organisations.models import Membership, Organisation

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "outsider", "member", "org_admin", "moderator")
LOGIN = "login"
"""Expected for an anonymous visitor on a page that needs an account: a redirect to the login page."""

# (name, method, {role: expected status or LOGIN}, changes: whether an allowed request writes)
MATRIX = [
    ("list", "get", dict.fromkeys(ROLES, 200)),
    ("detail", "get", dict.fromkeys(ROLES, 200)),
    ("register", "get", {"anonymous": LOGIN, "outsider": 200, "member": 200, "org_admin": 200, "moderator": 200}),
    ("register", "post", {"anonymous": LOGIN, "outsider": 200, "member": 200, "org_admin": 200, "moderator": 200}),
    ("edit", "get", {"anonymous": LOGIN, "outsider": 403, "member": 403, "org_admin": 200, "moderator": 200}),
    ("edit", "post", {"anonymous": LOGIN, "outsider": 403, "member": 403, "org_admin": 302, "moderator": 302}),
    ("join", "post", {"anonymous": LOGIN, "outsider": 302, "member": 302, "org_admin": 302, "moderator": 302}),
    ("leave", "post", {"anonymous": LOGIN, "outsider": 404, "member": 302, "org_admin": 302, "moderator": 404}),
    ("verify", "post", {"anonymous": LOGIN, "outsider": 403, "member": 403, "org_admin": 403, "moderator": 302}),
    ("members", "get", {"anonymous": LOGIN, "outsider": 403, "member": 403, "org_admin": 200, "moderator": 200}),
    ("member_action", "post", {"anonymous": LOGIN, "outsider": 403, "member": 403, "org_admin": 302, "moderator": 302}),
]


def _snapshot():
    return (
        sorted(Membership.objects.values_list("user_id", "organisation_id", "role", "status")),
        sorted(Organisation.objects.values_list("pk", "name", "orgnr", "verified")),
    )


@pytest.fixture
def people(organisation, org_admin, member, outsider, moderator):
    return {"anonymous": None, "outsider": outsider, "member": member, "org_admin": org_admin, "moderator": moderator}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "method", "expected"), MATRIX, ids=[f"{m[0]}-{m[1]}" for m in MATRIX])
def test_every_organisation_url_for_every_role(client, organisation, people, role, name, method, expected):
    pending = MembershipFactory(organisation=organisation, status=Membership.Status.PENDING)
    args = {
        "list": [],
        "register": [],
        "member_action": [organisation.slug, pending.pk],
    }.get(name, [organisation.slug])
    url = reverse(f"organisations:{name}", args=args)
    data = {
        "edit": {"name": "Skien kommune", "orgnr": organisation.orgnr, "sector": "kommune", "kommune": "4003"},
        "verify": {"verified": "nei"},
        "member_action": {"action": "godkjenn"},
    }.get(name, {})
    if people[role] is not None:
        client.force_login(people[role])
    before = _snapshot()
    response = getattr(client, method)(url, data)
    want = expected[role]
    if want == LOGIN:
        assert response.status_code == 302 and response.url.startswith(reverse("account_login"))
    else:
        assert response.status_code == want
    if method == "post" and want in (LOGIN, 403, 404):
        assert _snapshot() == before
    if name == "detail" and role != "anonymous":
        html = response.content.decode()
        assert ("Medlemmer og forespørsler" in html) == (role in ("org_admin", "moderator"))
        assert ("Merk som verifisert" in html or "Ta bort verifiseringen" in html) == (role == "moderator")


def test_an_inactive_moderator_is_no_moderator(moderator):
    moderator.is_active = False
    moderator.save()
    assert not is_moderator(moderator)


def test_a_pending_member_is_not_an_admin_even_with_the_role(client, organisation):
    pending_admin = MembershipFactory(
        organisation=organisation, role=Membership.Role.ADMIN, status=Membership.Status.PENDING
    ).user
    client.force_login(pending_admin)
    assert client.get(reverse("organisations:members", args=[organisation.slug])).status_code == 403
    assert client.get(reverse("organisations:edit", args=[organisation.slug])).status_code == 403
