"""Expressing interest in a post: who may, what is saved and e-mailed, blocks, rate limit and double posts."""

import uuid

import pytest

from django.core import mail
from django.urls import reverse

from innoplatform.accounts.factories import UserFactory
from innoplatform.organisations.factories import OrganisationFactory
from innoplatform.organisations.models import Membership
from partners.factories import publish_post
from partners.models import Block, CollaborationPost, Interest

pytestmark = pytest.mark.django_db


def member(organisation, role="member", status="approved", **fields):
    user = UserFactory(**fields)
    Membership.objects.create(organisation=organisation, user=user, role=role, status=status)
    return user


def admin_of(organisation):
    return Membership.objects.filter(organisation=organisation, role="admin", status="approved").first().user


def need_of(organisation):
    return publish_post(
        organisation,
        "need",
        "Forskningspartner til digitalt nattilsyn",
        "<p>Vi trenger følgeforskning på digitalt nattilsyn i hjemmetjenesten.</p>",
        service_areas=["helse-og-omsorg"],
        seeking=["fou"],
    )


def researcher_of(organisation):
    return member(organisation, first_name="Siri", last_name="Forsker", email="siri@usn.example.no")


@pytest.fixture
def post(skien):
    return need_of(skien)


@pytest.fixture
def sender(usn):
    return researcher_of(usn)


def new_url(post):
    return reverse("partners:interest_new", kwargs={"slug": post.slug})


def interest_form(client, post, **data):
    form = client.get(new_url(post)).context["form"]
    return {
        "form_token": form.initial["form_token"],
        "organisation": form.fields["organisation"].initial or "",
        "offer": "Vi har forsket på velferdsteknologi i ti år.",
        "wish": "Et første møte i januar.",
        "contact": "Ring 35 00 00 00",
        **data,
    }


def send(client, post, **data):
    return client.post(new_url(post), interest_form(client, post, **data))


def test_the_form_needs_a_login(client, post):
    response = client.get(new_url(post))
    assert response.status_code == 302 and reverse("account_login") in response.url


def test_the_form_asks_for_the_offer_the_wish_the_contact_and_sharing_the_address(client, post, sender):
    client.force_login(sender)
    response = client.get(new_url(post))
    page = response.content.decode()
    for label in ("Hva vi kan bidra med", "Hva vi ønsker oss", "Slik når dere oss", "Vis e-postadressen min"):
        assert label in page
    form = response.context["form"]
    assert form["share_email"].value() in (None, False)
    assert "Du skriver på vegne av Universitetet i Sørøst-Norge." in page


def test_an_unverified_address_must_be_confirmed_first(client, post, usn):
    unverified = member(usn, verified_email=False)
    client.force_login(unverified)
    page = client.get(new_url(post)).content.decode()
    assert "Du må bekrefte e-postadressen din" in page and '<form method="post" class="site-form"' not in page
    client.post(new_url(post), {"offer": "Hei", "organisation": usn.pk, "form_token": str(uuid.uuid4())})
    assert not Interest.objects.exists()


def test_someone_without_an_organisation_is_sent_to_join_or_register_one(client, post):
    client.force_login(UserFactory())
    response = client.get(new_url(post))
    page = response.content.decode()
    assert "form" not in response.context
    assert 'href="/organisasjoner/"' in page and f'href="{reverse("organisations:register")}"' in page


def test_a_member_of_only_the_posts_own_organisation_cannot_express_interest(client, post, skien):
    client.force_login(admin_of(skien))
    response = client.get(new_url(post))
    assert (
        "form" not in response.context
        and "annen organisasjon enn den som står bak innlegget" in response.content.decode()
    )
    client.post(new_url(post), {"offer": "Hei", "organisation": skien.pk, "form_token": str(uuid.uuid4())})
    assert not Interest.objects.exists()


def test_a_pending_membership_does_not_count(client, post, usn):
    client.force_login(member(usn, status="pending"))
    assert "form" not in client.get(new_url(post)).context


@pytest.mark.parametrize("status", ["draft", "closed", "hidden", "awaiting"])
def test_a_post_that_is_not_published_is_a_404(client, post, sender, status):
    CollaborationPost.objects.filter(pk=post.pk).update(status=status)
    client.force_login(sender)
    assert client.get(new_url(post)).status_code == 404


def test_an_unknown_post_is_a_404(client, sender):
    client.force_login(sender)
    assert client.get(reverse("partners:interest_new", kwargs={"slug": "finnes-ikke"})).status_code == 404


def test_sending_saves_the_interest_and_leads_to_the_thread(client, post, sender, usn):
    client.force_login(sender)
    response = send(client, post)
    interest = Interest.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("partners:interest_thread", kwargs={"interest_id": interest.pk})
    assert (interest.post, interest.organisation, interest.sender) == (post, usn, sender)
    assert (
        interest.offer == "Vi har forsket på velferdsteknologi i ti år." and interest.wish == "Et første møte i januar."
    )
    assert interest.contact == "Ring 35 00 00 00" and interest.share_email is False


def test_the_owners_approved_members_are_emailed_only_after_commit(
    client, post, sender, skien, django_capture_on_commit_callbacks
):
    colleague = member(skien, email="kollega@skien.kommune.no")
    member(skien, status="pending", email="venter@skien.kommune.no")
    client.force_login(sender)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        send(client, post)
    assert Interest.objects.count() == 1 and mail.outbox == [] and callbacks
    for callback in callbacks:
        callback()
    assert sorted(message.to[0] for message in mail.outbox) == sorted([admin_of(skien).email, colleague.email])
    interest = Interest.objects.get()
    for message in mail.outbox:
        assert len(message.to) == 1 and not message.cc and not message.bcc
        assert "Universitetet i Sørøst-Norge" in message.subject and post.title in message.subject
        assert "Siri Forsker" in message.body and "Vi har forsket på velferdsteknologi" in message.body
        assert reverse("partners:interest_thread", kwargs={"interest_id": interest.pk}) in message.body
        assert sender.email not in message.body


def test_the_email_shows_the_senders_address_when_they_chose_to_share_it(
    client, post, sender, django_capture_on_commit_callbacks
):
    client.force_login(sender)
    with django_capture_on_commit_callbacks(execute=True):
        send(client, post, share_email="on")
    assert Interest.objects.get().share_email is True
    assert mail.outbox and all(sender.email in message.body for message in mail.outbox)


def test_a_double_post_saves_one_interest_and_sends_one_email(client, post, sender, django_capture_on_commit_callbacks):
    client.force_login(sender)
    data = interest_form(client, post)
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(new_url(post), data)
        assert response.status_code == 302
    assert Interest.objects.count() == 1 and len(mail.outbox) == 1


def test_a_second_interest_from_the_same_organisation_leads_to_the_first_thread(client, post, sender, usn):
    client.force_login(sender)
    send(client, post)
    client.force_login(member(usn))
    response = send(client, post, offer="Vi igjen")
    first = Interest.objects.get()
    assert response.url == reverse("partners:interest_thread", kwargs={"interest_id": first.pk})
    assert first.offer != "Vi igjen"


def test_someone_in_several_organisations_chooses_which_one_writes(client, post, sender, usn):
    other = OrganisationFactory(name="Telemark Helseteknologi AS")
    Membership.objects.create(organisation=other, user=sender, status="approved")
    stranger = OrganisationFactory(name="Fremmed AS")
    client.force_login(sender)
    form = client.get(new_url(post)).context["form"]
    assert {choice.pk for choice in form.fields["organisation"].queryset} == {usn.pk, other.pk}
    assert "Vi skriver på vegne av" in client.get(new_url(post)).content.decode()
    response = send(client, post, organisation=stranger.pk)
    assert response.status_code == 200 and "organisation" in response.context["form"].errors
    send(client, post, organisation=other.pk)
    assert Interest.objects.get().organisation == other


def test_a_blocked_sender_is_told_why_and_nothing_is_saved(
    client, post, sender, skien, usn, django_capture_on_commit_callbacks
):
    client.force_login(sender)
    data = interest_form(client, post)
    Block.objects.create(organisation=skien, blocked_organisation=usn, reason="Gjentatte reklamehenvendelser.")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(new_url(post), data)
    page = response.content.decode()
    assert response.status_code == 403
    assert "Skien kommune har blokkert Universitetet i Sørøst-Norge" in page
    assert "Gjentatte reklamehenvendelser." in page
    assert not Interest.objects.exists() and mail.outbox == []


def test_a_block_by_another_organisation_does_not_stop_the_sender(client, post, sender, usn):
    other = OrganisationFactory()
    Block.objects.create(organisation=other, blocked_organisation=usn, reason="Annen sak")
    client.force_login(sender)
    send(client, post)
    assert Interest.objects.count() == 1


def test_expressions_of_interest_are_rate_limited(settings, client, post, sender):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "send_interest": "2/h/user"}
    client.force_login(sender)
    for _ in range(2):
        assert client.post(new_url(post), {"offer": ""}).status_code == 200
    response = send(client, post)
    assert response.status_code == 429 and "For mange forsøk" in response.content.decode()
    assert not Interest.objects.exists()


@pytest.mark.parametrize(
    "data",
    [
        {"offer": ""},
        {"offer": "x" * 5001},
        {"organisation": "abc"},
        {"organisation": "99999999999999999999"},
        {"contact": "to\nlinjer"},
        {"form_token": "ikke-en-nøkkel"},
    ],
)
def test_odd_input_is_a_form_error(client, post, sender, data):
    client.force_login(sender)
    response = send(client, post, **data)
    assert response.status_code == 200 and response.context["form"].errors
    assert not Interest.objects.exists()


def test_a_blocked_organisation_is_told_so_before_it_writes(client, post, sender, skien, usn):
    Block.objects.create(organisation=skien, blocked_organisation=usn, reason="Ikke relevant for oss.")
    client.force_login(sender)
    response = client.get(new_url(post))
    assert response.status_code == 403 and "Ikke relevant for oss." in response.content.decode()


def test_someone_blocked_in_one_organisation_may_write_for_another(client, post, sender, skien, usn):
    Block.objects.create(organisation=skien, blocked_organisation=usn, reason="Nei")
    other = OrganisationFactory(name="Telemark Helseteknologi AS")
    Membership.objects.create(organisation=other, user=sender, status="approved")
    client.force_login(sender)
    assert client.get(new_url(post)).status_code == 200
    send(client, post, organisation=usn.pk)
    assert not Interest.objects.exists()
    send(client, post, organisation=other.pk)
    assert Interest.objects.get().organisation == other


def test_the_personal_data_export_holds_the_users_own_interests_only(client, post, sender, usn):
    client.force_login(sender)
    send(client, post)
    client.force_login(member(usn))
    data = client.get(reverse("accounts:export")).json()["interesse_og_treff"]
    assert data["interessemeldinger"] == [] and data["ukentlig_e-post_om_treff"] is True
    client.force_login(sender)
    data = client.get(reverse("accounts:export")).json()["interesse_og_treff"]
    (written,) = data["interessemeldinger"]
    assert written["innlegg"] == post.title and written["på_vegne_av"] == usn.name
    assert written["hva_vi_kan_bidra_med"] == "Vi har forsket på velferdsteknologi i ti år."
