"""Moderation in the admin, reminders before a post expires, and the posts on the kommune and organisation pages."""

from datetime import timedelta

import pytest

from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from innoplatform.accounts.factories import UserFactory
from partners.factories import publish_post
from partners.models import CollaborationPost, PostReport
from tests.partners.conftest import organisation_with_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(client):
    """A Wagtail «Moderators» user: the group has the admin and the moderation permission."""
    user = UserFactory()
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.fixture
def awaiting():
    organisation, member = organisation_with_member("Ny frivilligsentral", "frivillig", "4003", verified=False)
    return publish_post(organisation, "offer", "Frivillige besøksvenner", "Vi har besøksvenner.", author=member)


def test_unverified_post_waits_in_the_queue(client, moderator, awaiting):
    assert awaiting.status == CollaborationPost.Status.AWAITING
    client.force_login(moderator)
    html = client.get(reverse("partnermoderering:index")).content.decode()
    assert "Frivillige besøksvenner" in html and "ikke verifisert" in html
    # The organisation itself is listed for verification, with a link to its page.
    assert awaiting.organisation.get_absolute_url() in html.split('id="uverifiserte"', 1)[1]


def test_approving_publishes_and_tells_the_organisation(
    client, moderator, awaiting, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("partnermoderering:moderate", args=[awaiting.pk]), {f"p{awaiting.pk}-decision": "approve"})
    awaiting.refresh_from_db()
    assert awaiting.status == CollaborationPost.Status.PUBLISHED and awaiting.published_at
    assert len(mailoutbox) == 1 and "godkjent" in mailoutbox[0].subject


def test_each_member_gets_the_decision_alone(
    client, moderator, awaiting, mailoutbox, django_capture_on_commit_callbacks
):
    """One message per member, so no member sees the others' addresses; deactivated users get none."""
    from innoplatform.organisations.models import Membership

    colleague, gone = UserFactory(), UserFactory(is_active=False)
    for user in (colleague, gone):
        Membership.objects.create(organisation=awaiting.organisation, user=user, status="approved")
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("partnermoderering:moderate", args=[awaiting.pk]), {f"p{awaiting.pk}-decision": "approve"})
    assert sorted(len(message.to) for message in mailoutbox) == [1, 1]
    assert gone.email not in [address for message in mailoutbox for address in message.to]


def test_rejecting_needs_a_reason_the_organisation_reads(
    client, moderator, awaiting, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(moderator)
    url = reverse("partnermoderering:moderate", args=[awaiting.pk])
    client.post(url, {f"p{awaiting.pk}-decision": "reject"})
    awaiting.refresh_from_db()
    assert awaiting.status == CollaborationPost.Status.AWAITING
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {f"p{awaiting.pk}-decision": "reject", f"p{awaiting.pk}-reason": "Mangler kontaktinfo."})
    awaiting.refresh_from_db()
    assert awaiting.status == CollaborationPost.Status.REJECTED
    assert "Mangler kontaktinfo." in mailoutbox[0].body


def test_hiding_a_reported_post_handles_its_reports(client, moderator, skien):
    post = publish_post(skien, "need", "Et innlegg noen meldte", "Tekst.")
    PostReport.objects.create(post=post, reporter=UserFactory(), reason="Reklame for eget firma")
    client.force_login(moderator)
    assert "Reklame for eget firma" in client.get(reverse("partnermoderering:index")).content.decode()
    client.post(
        reverse("partnermoderering:moderate", args=[post.pk]),
        {f"p{post.pk}-decision": "hide", f"p{post.pk}-reason": "Reklame."},
    )
    post.refresh_from_db()
    assert post.status == CollaborationPost.Status.HIDDEN
    assert not PostReport.objects.filter(handled_at__isnull=True).exists()
    assert post.get_absolute_url() not in client.get(reverse("partners:list")).content.decode()


def test_an_editor_without_the_moderation_permission_is_refused(client, awaiting):
    editor = UserFactory(is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    response = client.get(reverse("partnermoderering:index"), follow=True)
    assert response.redirect_chain[0][1] == 302
    assert "Frivillige besøksvenner" not in response.content.decode()
    client.post(reverse("partnermoderering:moderate", args=[awaiting.pk]), {f"p{awaiting.pk}-decision": "approve"})
    awaiting.refresh_from_db()
    assert awaiting.status == CollaborationPost.Status.AWAITING


def test_reminder_goes_once_a_week_before_expiry(skien, mailoutbox, django_capture_on_commit_callbacks):
    soon = publish_post(
        skien, "need", "Utløper om fem dager", "Tekst.", expires_on=timezone.localdate() + timedelta(days=5)
    )
    publish_post(skien, "need", "Utløper om en måned", "Tekst.", expires_on=timezone.localdate() + timedelta(days=30))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("remind_expiring_posts")
        call_command("remind_expiring_posts")
    assert len(mailoutbox) == 1
    assert "Utløper om fem dager" in mailoutbox[0].subject
    assert soon.get_absolute_url() in mailoutbox[0].body


def test_organisation_page_lists_its_open_posts(client, skien):
    publish_post(skien, "need", "Skien søker leksehjelpere", "Tekst.")
    html = client.get(skien.get_absolute_url()).content.decode()
    assert "Skien søker leksehjelpere" in html


def test_kommune_page_shows_open_posts_on_its_challenges(client, skien):
    from innoplatform.municipalities import public
    from innoplatform.municipalities.models import Kommune
    from innoplatform.municipalities.signals import population_imported
    from tests.municipalities.demography_helpers import load_population

    population_imported.send(sender=None, datasets=list(load_population(["4003"])))
    kommune = Kommune.objects.get(number="4003")
    challenges = public.kommune_challenges(kommune)
    assert challenges
    publish_post(skien, "need", "Behov om kommunens utfordring", "Tekst.", challenges=challenges[:1])
    publish_post(skien, "need", "Behov om noe helt annet", "Tekst.", challenges=[])
    html = client.get(kommune.get_absolute_url()).content.decode()
    assert "Behov om kommunens utfordring" in html
    assert "Behov om noe helt annet" not in html


def test_kommune_page_without_projection_says_why_no_posts_are_shown(client, skien):
    from innoplatform.municipalities.models import Kommune

    publish_post(skien, "need", "Behov om aldring", "Tekst.", challenges=["aldring"])
    html = client.get(Kommune.objects.get(number="4003").get_absolute_url()).content.decode()
    assert "Derfor vises ingen samarbeidsinnlegg" in html
    assert "Behov om aldring" not in html


@pytest.mark.parametrize("size", [2, 15])
def test_my_posts_reads_a_constant_number_of_queries(client, skien, django_assert_max_num_queries, size):
    from innoplatform.organisations.models import Membership

    for n in range(size):
        publish_post(skien, "need", f"Behov {n}", "Tekst.", service_areas=["skole"])
    client.force_login(Membership.objects.filter(organisation=skien).first().user)
    with django_assert_max_num_queries(16):
        response = client.get(reverse("partners:mine"))
    assert response.content.decode().count("Behov ") >= size


def test_own_data_download_holds_only_the_users_posts_and_messages(client, skien, usn):
    import json

    from innoplatform.organisations.models import Membership
    from partners.interest import InterestData, send_interest

    need = publish_post(skien, "need", "Behov fra Skien", "Tekst.")
    researcher = Membership.objects.filter(organisation=usn).first().user
    send_interest(researcher, need, usn, InterestData(offer="Vi kan måle gevinster.", wish=""))
    publish_post(usn, "offer", "Tilbud fra USN", "Tekst.")
    client.force_login(researcher)
    data = json.loads(client.get(reverse("accounts:export")).content)["samarbeid"]
    assert [post["tittel"] for post in data["innlegg"]] == ["Tilbud fra USN"]
    assert [item["hva_vi_kan_bidra_med"] for item in data["interesse_sendt"]] == ["Vi kan måle gevinster."]
