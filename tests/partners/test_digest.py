"""The weekly e-mail of new matches: who gets it, what it lists, once a week, and turning it off."""

from datetime import timedelta
from io import StringIO

import pytest

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from partners.digest import recipients, send_digests, unsubscribe_token
from partners.factories import publish_post
from partners.models import CollaborationPost, DigestPreference
from tests.partners.test_interest import admin_of, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def need(skien):
    return publish_post(
        skien,
        "need",
        "Forskningspartner til digitalt nattilsyn",
        "<p>Vi trenger følgeforskning på digitalt nattilsyn i hjemmetjenesten.</p>",
        service_areas=["helse-og-omsorg"],
        challenges=["aldring"],
        seeking=["fou"],
        kommuner=["4003"],
    )


@pytest.fixture
def offer(usn):
    return publish_post(
        usn,
        "offer",
        "Følgeforskning på velferdsteknologi",
        "<p>Vi forsker på digitalt tilsyn i hjemmetjenesten og følger piloter.</p>",
        service_areas=["helse-og-omsorg"],
        challenges=["aldring"],
        seeking=["kommune"],
    )


def published_ago(post, days):
    CollaborationPost.objects.filter(pk=post.pk).update(published_at=timezone.now() - timedelta(days=days))


def run(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_partner_digest", stdout=StringIO())


def to(address):
    return [message for message in mail.outbox if message.to == [address]]


def test_each_member_gets_the_new_matches_of_their_organisations_posts(
    skien, usn, need, offer, django_capture_on_commit_callbacks
):
    run(django_capture_on_commit_callbacks)
    owner, researcher = admin_of(skien), admin_of(usn)
    assert sorted(message.to[0] for message in mail.outbox) == sorted([owner.email, researcher.email])
    (message,) = to(owner.email)
    body = message.body
    assert "Nye treff" in message.subject
    assert body.index("Forskningspartner til digitalt nattilsyn") < body.index("Følgeforskning på velferdsteknologi")
    assert reverse("partners:detail", kwargs={"slug": need.slug}) in body
    assert reverse("partners:detail", kwargs={"slug": offer.slug}) in body
    assert "Universitetet i Sørøst-Norge" in body and "helse og omsorg" in body.lower()
    assert "treff " in body and " av 100" in body
    assert reverse("partners:digest_unsubscribe", kwargs={"token": unsubscribe_token(owner)}) in body


def test_the_digest_is_queued_only_when_the_run_commits(need, offer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert send_digests() == 2
    assert mail.outbox == [] and callbacks
    for callback in callbacks:
        callback()
    assert len(mail.outbox) == 2


def test_a_second_run_in_the_same_week_sends_nothing(skien, need, offer, django_capture_on_commit_callbacks):
    run(django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 2
    assert DigestPreference.objects.get(user=admin_of(skien)).digest_sent_at is not None
    run(django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 2


def test_a_match_published_after_the_last_digest_is_sent_next_time(
    skien, usn, need, offer, django_capture_on_commit_callbacks
):
    run(django_capture_on_commit_callbacks)
    published_ago(need, 3)
    published_ago(offer, 3)
    DigestPreference.objects.update(digest_sent_at=timezone.now() - timedelta(days=2))
    later = publish_post(
        usn,
        "offer",
        "Gevinstrealisering for velferdsteknologi i hjemmetjenesten",
        "<p>Vi forsker på digitalt nattilsyn og gevinster i hjemmetjenesten.</p>",
        service_areas=["helse-og-omsorg"],
        challenges=["aldring"],
        seeking=["kommune"],
    )
    mail.outbox.clear()
    run(django_capture_on_commit_callbacks)
    (message,) = to(admin_of(skien).email)
    assert later.title in message.body and offer.title not in message.body


def test_nothing_is_sent_when_nothing_is_new(skien, usn, need, offer, django_capture_on_commit_callbacks):
    published_ago(need, 10)
    published_ago(offer, 8)
    run(django_capture_on_commit_callbacks)
    assert mail.outbox == []
    assert DigestPreference.objects.filter(digest_sent_at__isnull=False).count() == 0


def test_only_the_side_with_a_new_match_hears_of_it(skien, usn, need, offer, django_capture_on_commit_callbacks):
    published_ago(need, 30)
    run(django_capture_on_commit_callbacks)
    assert [message.to for message in mail.outbox] == [[admin_of(skien).email]]


def test_closed_posts_are_neither_matched_nor_listed(skien, usn, need, offer, django_capture_on_commit_callbacks):
    CollaborationPost.objects.filter(pk=offer.pk).update(status="closed")
    run(django_capture_on_commit_callbacks)
    assert mail.outbox == []


def test_who_gets_it_approved_members_unless_they_turned_it_off(skien, usn, need, offer):
    owner, researcher = admin_of(skien), admin_of(usn)
    pending = member(skien, status="pending")
    colleague = member(skien)
    assert set(recipients()) == {owner, researcher, colleague}
    DigestPreference.objects.create(user=colleague, weekly_digest=False)
    DigestPreference.objects.create(user=researcher, weekly_digest=True)
    assert set(recipients()) == {owner, researcher}
    assert pending not in recipients()


def test_a_user_who_turned_it_off_gets_nothing(skien, usn, need, offer, django_capture_on_commit_callbacks):
    DigestPreference.objects.create(user=admin_of(usn), weekly_digest=False)
    run(django_capture_on_commit_callbacks)
    assert [message.to for message in mail.outbox] == [[admin_of(skien).email]]


def test_the_unsubscribe_link_asks_on_get_and_turns_the_digest_off_on_post(client, skien, need):
    owner = admin_of(skien)
    url = reverse("partners:digest_unsubscribe", kwargs={"token": unsubscribe_token(owner)})
    response = client.get(url)
    assert response.status_code == 200 and "Meld meg av" in response.content.decode()
    assert not DigestPreference.objects.filter(user=owner, weekly_digest=False).exists()
    response = client.post(url)
    assert "Du er meldt av" in response.content.decode()
    assert DigestPreference.objects.get(user=owner).weekly_digest is False
    assert owner not in recipients()


@pytest.mark.parametrize("token", ["tull", "MQ:1v2:abc", "x" * 300])
def test_a_tampered_unsubscribe_link_is_a_404(client, skien, token):
    url = reverse("partners:digest_unsubscribe", kwargs={"token": token})
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    assert not DigestPreference.objects.exists()


def test_a_token_for_another_purpose_is_refused(client, skien):
    from django.core import signing

    token = signing.dumps(admin_of(skien).pk)
    assert client.post(reverse("partners:digest_unsubscribe", kwargs={"token": token})).status_code == 404


def digest_checkbox(client) -> str:
    sections = client.get(reverse("accounts:profile")).context["sections"]
    section = next(section for section in sections if section.title == "Samarbeid og treff")
    return section.context["form"]["weekly_digest"].as_widget()


def test_the_profile_has_the_setting_and_it_turns_the_digest_off_and_on(client, skien):
    owner = admin_of(skien)
    client.force_login(owner)
    assert "Send meg en ukentlig e-post med nye treff" in client.get(reverse("accounts:profile")).content.decode()
    assert "checked" in digest_checkbox(client)
    url = reverse("partners:digest_preference")
    assert client.get(url).status_code == 405
    response = client.post(url, {})
    assert response.status_code == 302 and response.url == reverse("accounts:profile")
    assert DigestPreference.objects.get(user=owner).weekly_digest is False
    assert "checked" not in digest_checkbox(client)
    client.post(url, {"weekly_digest": "on"})
    assert DigestPreference.objects.get(user=owner).weekly_digest is True
    assert "checked" in digest_checkbox(client)


def test_the_profile_section_is_only_for_members_of_an_organisation(client, user):
    client.force_login(user)
    assert "Samarbeid og treff" not in client.get(reverse("accounts:profile")).content.decode()
