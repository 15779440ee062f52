"""Who may open or post to every partner URL: anonymous, a member of the owning organisation A, a member of
another organisation B, A's admin, and a moderator. Each cell is checked on the server's answer and, for
writes, on what was (not) written."""

from datetime import timedelta

import pytest

from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from innoplatform.accounts.factories import UserFactory
from innoplatform.organisations.models import Membership
from partners.factories import publish_post
from partners.interest import InterestData, send_interest
from partners.models import Block, CollaborationPost, Interest, InterestMessage, PostReport
from tests.partners.conftest import organisation_with_member

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "member_a", "member_b", "admin_a", "moderator")
LOGIN = "login"
"""The answer for anonymous visitors to pages that need a login: a redirect to the login page."""


@pytest.fixture
def world():
    a, admin_a = organisation_with_member("Skien kommune", "kommune", "4003")
    b, admin_b = organisation_with_member("Universitetet i Sørøst-Norge", "fou", "4003")
    member_a = UserFactory()
    Membership.objects.create(organisation=a, user=member_a, role="member", status="approved")
    member_b = UserFactory()
    Membership.objects.create(organisation=b, user=member_b, role="member", status="approved")
    moderator = UserFactory()
    moderator.groups.add(Group.objects.get(name="Moderators"))
    need = publish_post(a, "need", "Forskningspartner til nattilsyn", "Vi trenger forskere.", seeking=["fou"])
    offer = publish_post(b, "offer", "Følgeforskning", "Vi forsker.", seeking=["kommune"])
    draft = publish_post(a, "need", "Et utkast", "Ikke ferdig.")
    draft.status = CollaborationPost.Status.DRAFT
    draft.save()
    interest = send_interest(admin_b, need, b, InterestData(offer="Vi kan følge piloten.", wish="Et møte."))
    return {
        "users": {
            "anonymous": None,
            "member_a": member_a,
            "member_b": member_b,
            "admin_a": admin_a,
            "moderator": moderator,
        },
        "a": a,
        "b": b,
        "need": need,
        "offer": offer,
        "draft": draft,
        "interest": interest,
    }


def answer(client, world, role, method, url, data=None):
    user = world["users"][role]
    if user is not None:
        client.force_login(user)
    response = getattr(client, method)(url, data or {})
    if response.status_code == 302 and reverse("account_login") in response["Location"]:
        return LOGIN
    if response.status_code == 302 and response["Location"].startswith("/admin/login/"):
        return LOGIN
    return response.status_code


# URL (built from the world), method, data, expected answer per role in ROLES order.
READS = [
    ("list", lambda w: reverse("partners:list"), (200, 200, 200, 200, 200)),
    ("published post", lambda w: w["need"].get_absolute_url(), (200, 200, 200, 200, 200)),
    ("draft post", lambda w: w["draft"].get_absolute_url(), (404, 200, 404, 200, 200)),
    ("new post form", lambda w: reverse("partners:create"), (LOGIN, 200, 200, 200, 200)),
    ("edit form", lambda w: reverse("partners:edit", args=[w["need"].slug]), (LOGIN, 200, 404, 200, 404)),
    ("edit draft", lambda w: reverse("partners:edit", args=[w["draft"].slug]), (LOGIN, 200, 404, 200, 404)),
    ("report form", lambda w: reverse("partners:report", args=[w["need"].slug]), (LOGIN, 200, 200, 200, 200)),
    ("report a draft", lambda w: reverse("partners:report", args=[w["draft"].slug]), (LOGIN, 404, 404, 404, 404)),
    ("my posts", lambda w: reverse("partners:mine"), (LOGIN, 200, 200, 200, 200)),
    ("interest form", lambda w: reverse("partners:interest_new", args=[w["need"].slug]), (LOGIN, 200, 200, 200, 200)),
    ("dashboard", lambda w: reverse("partners:interest_dashboard"), (LOGIN, 200, 200, 200, 200)),
    ("thread", lambda w: reverse("partners:interest_thread", args=[w["interest"].pk]), (LOGIN, 200, 200, 200, 404)),
    ("moderation queue", lambda w: reverse("partnermoderering:index"), (LOGIN, LOGIN, LOGIN, LOGIN, 200)),
]


@pytest.mark.parametrize(("name", "url", "expected"), READS, ids=[row[0] for row in READS])
@pytest.mark.parametrize("role", ROLES)
def test_reads(client, world, role, name, url, expected):
    assert answer(client, world, role, "get", url(world)) == expected[ROLES.index(role)]


@pytest.mark.parametrize("role", ROLES)
def test_only_the_owners_members_close_a_post(client, world, role):
    result = answer(client, world, role, "post", reverse("partners:close", args=[world["need"].slug]))
    world["need"].refresh_from_db()
    closed = world["need"].status == CollaborationPost.Status.CLOSED
    expected = {"anonymous": LOGIN, "member_a": 302, "admin_a": 302, "member_b": 404, "moderator": 404}[role]
    assert (result, closed) == (expected, role in ("member_a", "admin_a"))


@pytest.mark.parametrize("role", ROLES)
def test_only_the_owners_members_renew_a_post(client, world, role):
    until = timezone.localdate() + timedelta(days=200)
    answer(
        client, world, role, "post", reverse("partners:renew", args=[world["need"].slug]), {"fornye-expires_on": until}
    )
    world["need"].refresh_from_db()
    assert (world["need"].expires_on == until) == (role in ("member_a", "admin_a"))


@pytest.mark.parametrize("role", ROLES)
def test_only_the_owners_members_change_a_post(client, world, role):
    need = world["need"]
    data = {
        "form_token": "5f14e45f-ceea-4672-9a1b-5b0e2f6a1c16",
        "organisation": world["a"].pk,
        "kind": "need",
        "title": "Overtatt tittel",
        "description": "Tekst.",
        "service_areas": ["skole"],
        "kommuner": [""],
        "expires_on": (timezone.localdate() + timedelta(days=30)).isoformat(),
        "handling": "publiser",
    }
    answer(client, world, role, "post", reverse("partners:edit", args=[need.slug]), data)
    need.refresh_from_db()
    assert (need.title == "Overtatt tittel") == (role in ("member_a", "admin_a"))


@pytest.mark.parametrize("role", ROLES)
def test_only_moderators_moderate(client, world, role):
    need = world["need"]
    answer(
        client,
        world,
        role,
        "post",
        reverse("partnermoderering:moderate", args=[need.pk]),
        {f"p{need.pk}-decision": "hide", f"p{need.pk}-reason": "Skjult."},
    )
    need.refresh_from_db()
    assert (need.status == CollaborationPost.Status.HIDDEN) == (role == "moderator")


@pytest.mark.parametrize("role", ROLES)
def test_anyone_logged_in_may_report_a_published_post(client, world, role):
    answer(
        client,
        world,
        role,
        "post",
        reverse("partners:report", args=[world["need"].slug]),
        {"form_token": "6f14e45f-ceea-4672-9a1b-5b0e2f6a1c17", "reason": "Feil."},
    )
    assert PostReport.objects.exists() == (role != "anonymous")


@pytest.mark.parametrize("role", ROLES)
def test_only_the_two_sides_reply_in_a_thread(client, world, role):
    interest = world["interest"]
    thread = reverse("partners:interest_thread", args=[interest.pk])
    token = "7f14e45f-ceea-4672-9a1b-5b0e2f6a1c18"
    answer(
        client,
        world,
        role,
        "post",
        reverse("partners:interest_reply", args=[interest.pk]),
        {"form_token": token, "text": "Svar."},
    )
    replied = InterestMessage.objects.filter(interest=interest, text="Svar.").exists()
    assert replied == (role in ("member_a", "admin_a", "member_b")), thread


@pytest.mark.parametrize("role", ROLES)
def test_only_the_owners_admin_blocks(client, world, role):
    interest = world["interest"]
    answer(client, world, role, "post", reverse("partners:interest_block", args=[interest.pk]), {"reason": "Nok nå."})
    assert Block.objects.exists() == (role == "admin_a")


@pytest.mark.parametrize("role", ROLES)
def test_an_interest_is_sent_only_by_a_member_of_another_organisation(client, world, role):
    data = {
        "form_token": "8f14e45f-ceea-4672-9a1b-5b0e2f6a1c19",
        "organisation": world["b"].pk,
        "offer": "Vi kan hjelpe.",
        "wish": "",
        "contact": "",
    }
    other_need = publish_post(world["a"], "need", "Frivillige til dagsenteret", "Vi trenger sjåfører.")
    answer(client, world, role, "post", reverse("partners:interest_new", args=[other_need.slug]), data)
    assert Interest.objects.filter(post=other_need).count() == (1 if role == "member_b" else 0)
