"""Joining, deciding, roles and leaving through the organisation's pages, with the e-mail to the requester."""

import pytest
from allauth.account.models import EmailAddress

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from innoplatform.accounts.factories import UserFactory
from innoplatform.organisations.factories import MembershipFactory, OrganisationFactory
from innoplatform.organisations.models import Membership, OrganisationDomain

pytestmark = pytest.mark.django_db


def join(client, organisation):
    return client.post(reverse("organisations:join", args=[organisation.slug]))


def act(client, membership, action):
    return client.post(
        reverse("organisations:member_action", args=[membership.organisation.slug, membership.pk]), {"action": action}
    )


def test_a_verified_user_asks_to_join_once_however_often_they_press(client, organisation, outsider):
    client.force_login(outsider)
    html = client.get(organisation.get_absolute_url()).content.decode()
    assert "Be om å bli medlem" in html
    assert join(client, organisation).status_code == 302
    join(client, organisation)
    membership = Membership.objects.get(user=outsider)
    assert membership.status == Membership.Status.PENDING and Membership.objects.filter(user=outsider).count() == 1
    html = client.get(organisation.get_absolute_url(), follow=True).content.decode()
    assert "Du har bedt om å bli medlem" in html and "Be om å bli medlem" not in html


def test_a_matching_verified_domain_joins_at_once(client, organisation):
    OrganisationDomain.objects.create(organisation=organisation, domain="skien.kommune.no")
    user = UserFactory(email="kari.nordmann@skien.kommune.no")
    client.force_login(user)
    response = client.post(reverse("organisations:join", args=[organisation.slug]), follow=True)
    assert "Du er medlem av Skien kommune" in response.content.decode()
    assert Membership.objects.get(user=user).status == Membership.Status.APPROVED


def test_an_unverified_address_in_the_domain_does_not_join_and_is_told_why(client, organisation):
    OrganisationDomain.objects.create(organisation=organisation, domain="skien.kommune.no")
    user = UserFactory(email="falsk@skien.kommune.no", verified_email=False)
    EmailAddress.objects.create(user=user, email=user.email, verified=False, primary=True)
    client.force_login(user)
    assert "må du først bekrefte e-postadressen" in client.get(organisation.get_absolute_url()).content.decode()
    response = client.post(reverse("organisations:join", args=[organisation.slug]), follow=True)
    assert not Membership.objects.filter(user=user).exists()
    assert "Du må bekrefte e-postadressen din" in response.content.decode()


def test_anonymous_join_is_sent_to_login(client, organisation):
    response = join(client, organisation)
    assert response.status_code == 302 and "next=" in response.url
    assert not Membership.objects.exists()
    assert "Logg inn for å bli medlem" in client.get(organisation.get_absolute_url()).content.decode()


def test_join_needs_post(client, organisation, outsider):
    client.force_login(outsider)
    assert client.get(reverse("organisations:join", args=[organisation.slug])).status_code == 405
    assert not Membership.objects.filter(user=outsider).exists()


def test_join_without_csrf_token_is_refused(organisation, outsider):
    client = Client(enforce_csrf_checks=True)
    client.force_login(outsider)
    assert join(client, organisation).status_code == 403
    assert not Membership.objects.filter(user=outsider).exists()


@pytest.mark.parametrize("approve", [True, False])
def test_an_admin_decides_and_the_requester_is_emailed(
    client, organisation, org_admin, approve, mailoutbox, django_capture_on_commit_callbacks
):
    pending = MembershipFactory(organisation=organisation, status=Membership.Status.PENDING)
    client.force_login(org_admin)
    html = client.get(reverse("organisations:members", args=[organisation.slug])).content.decode()
    assert pending.user.email in html and "Godkjenn" in html
    with django_capture_on_commit_callbacks(execute=True):
        act(client, pending, "godkjenn" if approve else "avsla")
    pending.refresh_from_db()
    assert pending.status == (Membership.Status.APPROVED if approve else Membership.Status.REJECTED)
    assert pending.decided_by == org_admin
    assert len(mailoutbox) == 1 and mailoutbox[0].to == [pending.user.email]
    message = mailoutbox[0]
    assert ("Du er nå medlem av Skien kommune" if approve else "er avslått") in message.subject
    assert "http://testserver" + organisation.get_absolute_url() in message.body


def test_deciding_twice_sends_no_second_mail(
    client, organisation, org_admin, mailoutbox, django_capture_on_commit_callbacks
):
    pending = MembershipFactory(organisation=organisation, status=Membership.Status.PENDING)
    client.force_login(org_admin)
    with django_capture_on_commit_callbacks(execute=True):
        act(client, pending, "godkjenn")
        act(client, pending, "avsla")
    pending.refresh_from_db()
    assert pending.status == Membership.Status.APPROVED and len(mailoutbox) == 1


def test_a_moderator_decides_for_any_organisation(client, organisation, moderator):
    pending = MembershipFactory(organisation=organisation, status=Membership.Status.PENDING)
    client.force_login(moderator)
    act(client, pending, "godkjenn")
    pending.refresh_from_db()
    assert pending.status == Membership.Status.APPROVED


def test_an_admin_changes_roles_but_the_last_admin_keeps_the_role(client, organisation, org_admin, member):
    client.force_login(org_admin)
    own = Membership.objects.get(user=org_admin)
    response = act(client, own, "gjor-til-medlem")
    assert "minst én administrator" in client.get(response.url).content.decode()
    assert Membership.objects.get(pk=own.pk).role == Membership.Role.ADMIN
    other = Membership.objects.get(user=member)
    act(client, other, "gjor-til-administrator")
    assert Membership.objects.get(pk=other.pk).role == Membership.Role.ADMIN
    act(client, own, "gjor-til-medlem")
    assert Membership.objects.get(pk=own.pk).role == Membership.Role.MEMBER


def test_an_admin_removes_a_member_but_never_the_last_admin(client, organisation, org_admin, member, moderator):
    client.force_login(org_admin)
    act(client, Membership.objects.get(user=member), "fjern")
    assert not Membership.objects.filter(user=member).exists()
    client.force_login(moderator)
    act(client, Membership.objects.get(user=org_admin), "fjern")
    assert Membership.objects.filter(user=org_admin).exists()


def test_an_unknown_action_or_another_organisations_membership_changes_nothing(client, organisation, org_admin, member):
    client.force_login(org_admin)
    membership = Membership.objects.get(user=member)
    act(client, membership, "slett-alt")
    assert Membership.objects.get(pk=membership.pk).role == Membership.Role.MEMBER
    elsewhere = MembershipFactory(status=Membership.Status.PENDING)
    url = reverse("organisations:member_action", args=[organisation.slug, elsewhere.pk])
    assert client.post(url, {"action": "godkjenn"}).status_code == 404
    assert Membership.objects.get(pk=elsewhere.pk).status == Membership.Status.PENDING


def test_a_member_leaves_and_the_last_admin_cannot(client, organisation, org_admin, member):
    client.force_login(member)
    assert "Meld deg ut" in client.get(organisation.get_absolute_url()).content.decode()
    client.post(reverse("organisations:leave", args=[organisation.slug]))
    assert not Membership.objects.filter(user=member).exists()
    client.force_login(org_admin)
    response = client.post(reverse("organisations:leave", args=[organisation.slug]), follow=True)
    assert "minst én administrator" in response.content.decode()
    assert Membership.objects.filter(user=org_admin).exists()


def test_a_requester_withdraws_a_pending_request(client, organisation, outsider):
    client.force_login(outsider)
    join(client, organisation)
    client.post(reverse("organisations:leave", args=[organisation.slug]))
    assert not Membership.objects.filter(user=outsider).exists()


def test_leaving_without_a_membership_is_404(client, organisation, outsider):
    client.force_login(outsider)
    assert client.post(reverse("organisations:leave", args=[organisation.slug])).status_code == 404


def test_a_turned_down_user_may_ask_again(client, organisation, outsider):
    MembershipFactory(organisation=organisation, user=outsider, status=Membership.Status.REJECTED)
    client.force_login(outsider)
    assert "ble avslått" in client.get(organisation.get_absolute_url()).content.decode()
    join(client, organisation)
    assert Membership.objects.get(user=outsider).status == Membership.Status.PENDING


def test_moderators_verify_and_unverify(client, organisation, moderator):
    organisation.verified = False
    organisation.save()
    client.force_login(moderator)
    assert "Merk som verifisert" in client.get(organisation.get_absolute_url()).content.decode()
    client.post(reverse("organisations:verify", args=[organisation.slug]), {"verified": "ja"})
    organisation.refresh_from_db()
    assert organisation.verified and organisation.verified_at
    client.post(reverse("organisations:verify", args=[organisation.slug]), {"verified": "nei"})
    organisation.refresh_from_db()
    assert not organisation.verified and organisation.verified_at is None


def test_the_members_page_counts_waiting_requests_in_constant_queries(
    client, organisation, org_admin, django_assert_max_num_queries
):
    url = reverse("organisations:members", args=[organisation.slug])
    client.force_login(org_admin)
    client.get(url)
    MembershipFactory.create_batch(2, organisation=organisation, status=Membership.Status.PENDING)
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    MembershipFactory.create_batch(40, organisation=organisation, status=Membership.Status.PENDING)
    MembershipFactory.create_batch(40, organisation=organisation)
    with django_assert_max_num_queries(len(small)):
        html = client.get(url).content.decode()
    assert html.count('value="godkjenn"') == 42


def test_the_admins_are_emailed_once_when_someone_asks_to_join(
    client, organisation, org_admin, member, outsider, mailoutbox, django_capture_on_commit_callbacks
):
    second_admin = MembershipFactory(organisation=organisation, role=Membership.Role.ADMIN).user
    client.force_login(outsider)
    with django_capture_on_commit_callbacks(execute=True):
        join(client, organisation)
        join(client, organisation)
    assert sorted(message.to[0] for message in mailoutbox) == sorted([org_admin.email, second_admin.email])
    message = mailoutbox[0]
    assert outsider.get_full_name() in message.subject and "Skien kommune" in message.subject
    assert outsider.email in message.body
    assert "http://testserver" + reverse("organisations:members", args=[organisation.slug]) in message.body


def test_no_mail_to_the_admins_when_the_domain_approves_at_once(
    client, organisation, org_admin, mailoutbox, django_capture_on_commit_callbacks
):
    OrganisationDomain.objects.create(organisation=organisation, domain="skien.kommune.no")
    client.force_login(UserFactory(email="per@skien.kommune.no"))
    with django_capture_on_commit_callbacks(execute=True):
        join(client, organisation)
    assert mailoutbox == []


def test_asking_to_join_is_rate_limited(client, organisation, outsider, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "organisation_action": "2/h/user"}
    client.force_login(outsider)
    assert join(client, organisation).status_code == 302
    client.post(reverse("organisations:leave", args=[organisation.slug]))  # leaving counts too
    assert join(client, organisation).status_code == 429
    assert not Membership.objects.filter(user=outsider).exists()


def test_a_domain_of_an_unverified_organisation_does_not_approve_at_once(db):
    """An unverified organisation's domains are only its own claim: joining it waits for an admin."""
    from innoplatform.organisations.membership import request_membership
    from innoplatform.organisations.models import OrganisationDomain

    claimant = OrganisationFactory(name="Skien kommune (ny)", sector="kommune", verified=False)
    OrganisationDomain.objects.create(organisation=claimant, domain="skien.kommune.no")
    user = UserFactory(email="ola@skien.kommune.no")
    assert request_membership(user, claimant).status == Membership.Status.PENDING
    claimant.verified = True
    claimant.save()
    other = UserFactory(email="kari@skien.kommune.no")
    assert request_membership(other, claimant).status == Membership.Status.APPROVED
