"""The partner demo: organisations of every sector, live posts whose matches make sense, members, two threads;
loaded twice without a change."""

from datetime import timedelta

import pytest

from django.utils import timezone

from wagtail import hooks

from innoplatform.accounts.demo import DEMO_PASSWORD
from innoplatform.accounts.factories import UserFactory
from innoplatform.core.vocabularies import Sector
from innoplatform.organisations.models import Membership, Organisation
from innoplatform.organisations.validators import orgnr_is_valid
from partners import demo
from partners.demo import load_demo_partners
from partners.matching import match_posts
from partners.models import CollaborationPost, Interest, InterestMessage, PostCode

pytestmark = pytest.mark.django_db


def snapshot() -> tuple:
    """Every row the demo writes, with its timestamps, so that a second run that writes anything shows."""
    return (
        sorted(
            Organisation.objects.values_list("orgnr", "name", "sector", "kommune__number", "verified", "updated_at")
        ),
        sorted(CollaborationPost.objects.values_list("slug", "title", "status", "expires_on", "updated_at")),
        sorted(PostCode.objects.values_list("post__slug", "dimension", "code")),
        sorted(Membership.objects.values_list("organisation__orgnr", "user__email", "role", "status")),
        sorted(Interest.objects.values_list("post__slug", "organisation__orgnr", "created_at")),
        sorted(InterestMessage.objects.values_list("interest__post__slug", "author__email", "text", "created_at")),
    )


@pytest.fixture
def loaded():
    load_demo_partners()


def test_the_loader_is_registered_for_load_demo_data():
    assert load_demo_partners in hooks.get_hooks("register_demo_loader")


def test_organisations_of_every_sector_with_valid_numbers(loaded):
    organisations = list(Organisation.objects.select_related("kommune"))
    assert len(organisations) >= 25
    assert {organisation.sector for organisation in organisations} == set(Sector.values)
    assert all(orgnr_is_valid(organisation.orgnr) for organisation in organisations)
    assert all(organisation.verified and organisation.kommune for organisation in organisations)
    seats = {organisation.kommune.name for organisation in organisations}
    assert {"Skien", "Porsgrunn", "Bergen", "Tromsø"} <= seats


def test_forty_live_posts_of_both_kinds_with_codes(loaded):
    posts = list(CollaborationPost.objects.published().prefetch_related("codes"))
    assert len(posts) == 40 == CollaborationPost.objects.count()
    kinds = [post.kind for post in posts]
    assert kinds.count("offer") >= 15 and kinds.count("need") >= 15
    assert all(post.codes_of("service_area") and post.codes_of("seeking") for post in posts)
    assert all(post.search_text and "<script" not in post.description for post in posts)
    assert min(post.expires_on for post in posts) > timezone.localdate() + timedelta(days=30)


@pytest.mark.parametrize(
    ("need", "offer"),
    [
        ("digitalt-nattilsyn-i-hjemmetjenesten", "nattilsyn-med-sensorer-uten-kamera"),
        ("energikartlegging-av-skolebygg", "energioppfolging-og-solceller"),
        ("leksehjelp-og-aktiviteter-i-arstad", "leksehjelp-og-fritidsaktiviteter"),
        ("chatbot-for-byggesaksveiledning", "ki-assistent-for-byggesak"),
        ("boliger-for-unge-i-vinje", "startlan-og-tilskudd-til-utleieboliger"),
        ("overvann-i-bergen-sentrum", "kunnskap-om-overvann-og-klimatilpasning"),
    ],
)
def test_the_matches_make_sense_to_a_reader(loaded, need, offer):
    matches = match_posts(CollaborationPost.objects.get(slug=need), limit=3)
    assert matches[0].slug == offer, [(match.title, match.score) for match in matches]
    back = match_posts(CollaborationPost.objects.get(slug=offer), limit=3)
    assert need in [match.slug for match in back]


def test_members_can_log_in_and_act_for_their_organisations(loaded):
    kari = Membership.objects.select_related("user", "organisation").get(
        user__email="kari.nordmann@skien.kommune.example"
    )
    assert kari.organisation.name == "Skien kommune" and kari.role == "admin" and kari.status == "approved"
    assert kari.user.check_password(DEMO_PASSWORD) and kari.user.emailaddress_set.get().verified
    members = Membership.objects.filter(status="approved")
    assert members.count() == len(demo.MEMBERS) and members.values("organisation").distinct().count() >= 5


def test_two_threads_with_replies_from_both_sides(loaded):
    interests = list(Interest.objects.select_related("post__organisation", "organisation").order_by("created_at"))
    assert len(interests) == 2
    for interest in interests:
        messages = list(interest.messages.select_related("author"))
        assert len(messages) >= 2 and interest.created_at < messages[0].created_at
        for message in messages:
            own = interest.post.organisation if message.from_owner else interest.organisation
            assert Membership.objects.filter(organisation=own, user=message.author, status="approved").exists()
        assert messages[0].from_owner and {message.from_owner for message in messages} == {True, False}


def test_an_existing_person_is_kept_and_made_a_member(db):
    kari = UserFactory(email="kari.nordmann@skien.kommune.example", first_name="Kari")
    load_demo_partners()
    assert Membership.objects.get(user=kari).organisation.name == "Skien kommune"


def test_loading_twice_changes_nothing(loaded):
    before = snapshot()
    load_demo_partners()
    assert snapshot() == before


def test_a_later_day_moves_the_dates_and_keeps_the_rest(loaded, monkeypatch):
    first = dict(CollaborationPost.objects.values_list("slug", "expires_on"))
    later = timezone.localdate() + timedelta(days=10)
    monkeypatch.setattr(timezone, "localdate", lambda: later)
    load_demo_partners()
    moved = dict(CollaborationPost.objects.values_list("slug", "expires_on"))
    assert moved == {slug: expires + timedelta(days=10) for slug, expires in first.items()}
    assert Interest.objects.count() == 2
