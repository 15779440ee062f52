"""The thread of an expression of interest: who sees it, what it shows, replies, reads and blocks."""

import pytest

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from innoplatform.accounts.factories import UserFactory
from innoplatform.organisations.factories import OrganisationFactory
from partners.interest import InterestData, send_interest
from partners.models import Block, Interest, InterestMessage, InterestRead
from tests.partners.test_interest import admin_of, member, need_of, researcher_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def post(skien):
    return need_of(skien)


@pytest.fixture
def sender(usn):
    return researcher_of(usn)


@pytest.fixture
def interest(post, sender, usn):
    return send_interest(sender, post, usn, InterestData(offer="Vi kan følge piloten.", wish="Et møte."))


@pytest.fixture
def owner(skien):
    return admin_of(skien)


def thread_url(interest):
    return reverse("partners:interest_thread", kwargs={"interest_id": interest.pk})


def reply_url(interest):
    return reverse("partners:interest_reply", kwargs={"interest_id": interest.pk})


def reply_form(client, interest, **data):
    form = client.get(thread_url(interest)).context["form"]
    return {"form_token": form.initial["form_token"], "text": "Takk, vi tar gjerne et møte.", **data}


def write(client, interest, **data):
    return client.post(reply_url(interest), reply_form(client, interest, **data))


def test_only_approved_members_of_the_two_sides_see_the_thread(client, interest, owner, sender, skien, usn):
    assert client.get(thread_url(interest)).status_code == 302
    for allowed in (owner, sender, member(skien), member(usn)):
        client.force_login(allowed)
        assert client.get(thread_url(interest)).status_code == 200
    outsider = member(OrganisationFactory(name="Porsgrunn kommune"))
    for refused in (outsider, member(skien, status="pending"), UserFactory(), UserFactory(is_staff=True)):
        client.force_login(refused)
        assert client.get(thread_url(interest)).status_code == 404
        assert client.post(reply_url(interest), {"text": "Hei"}).status_code == 404
    assert not InterestMessage.objects.exists()


@pytest.mark.parametrize("interest_id", ["999999", "9" * 18])
def test_an_unknown_thread_is_a_404(client, sender, interest_id):
    client.force_login(sender)
    assert client.get(f"/partnere/interesse/{interest_id}/").status_code == 404


def test_a_too_long_id_is_a_404(client, sender):
    client.force_login(sender)
    assert client.get("/partnere/interesse/" + "9" * 19 + "/").status_code == 404


def test_the_thread_shows_the_post_the_interest_and_the_messages_in_order(client, interest, owner, sender, post):
    owner.first_name, owner.last_name = "Ola", "Kommune"
    owner.save()
    InterestMessage.objects.create(interest=interest, author=owner, from_owner=True, text="Første svar")
    InterestMessage.objects.create(interest=interest, author=sender, from_owner=False, text="Andre svar")
    client.force_login(owner)
    page = client.get(thread_url(interest)).content.decode()
    assert post.title in page and post.get_absolute_url() in page
    assert "Vi kan følge piloten." in page and "Et møte." in page
    assert page.index("Vi kan følge piloten.") < page.index("Første svar") < page.index("Andre svar")
    first, second = page.index("Første svar"), page.index("Andre svar")
    assert "Ola Kommune</strong>, Skien kommune" in page[:first]
    assert "Siri Forsker</strong>, Universitetet i Sørøst-Norge" in page[first:second]


def test_addresses_are_shown_only_for_those_who_shared_them(client, interest, owner, sender, skien):
    sharing = member(skien, email="deler@skien.kommune.no")
    InterestMessage.objects.create(interest=interest, author=owner, from_owner=True, text="Uten adresse")
    InterestMessage.objects.create(interest=interest, author=sharing, from_owner=True, text="Med", share_email=True)
    client.force_login(sender)
    page = client.get(thread_url(interest)).content.decode()
    assert "deler@skien.kommune.no" in page
    assert owner.email not in page and sender.email not in page
    Interest.objects.filter(pk=interest.pk).update(share_email=True)
    client.force_login(owner)
    assert sender.email in client.get(thread_url(interest)).content.decode()


def test_a_writer_without_a_name_is_named_by_their_organisation_not_their_address(client, interest, sender, skien):
    nameless = member(skien, first_name="", last_name="", email="anonym@skien.kommune.no")
    InterestMessage.objects.create(interest=interest, author=nameless, from_owner=True, text="Hei")
    client.force_login(sender)
    page = client.get(thread_url(interest)).content.decode()
    assert "Et medlem av Skien kommune" in page and "anonym@skien.kommune.no" not in page


def test_opening_the_thread_records_when_the_user_read_it(client, interest, owner):
    client.force_login(owner)
    before = timezone.now()
    client.get(thread_url(interest))
    read = InterestRead.objects.get(interest=interest, user=owner)
    assert read.read_at >= before
    client.get(thread_url(interest))
    assert InterestRead.objects.filter(interest=interest, user=owner).count() == 1
    assert InterestRead.objects.get(pk=read.pk).read_at >= read.read_at


def test_a_reply_is_saved_and_emailed_to_the_other_side_after_commit(
    client, interest, owner, sender, skien, usn, django_capture_on_commit_callbacks
):
    colleague = member(usn, email="kollega@usn.example.no")
    member(skien, email="annen@skien.kommune.no")
    client.force_login(owner)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = write(client, interest)
    assert response.status_code == 302 and response.url == thread_url(interest)
    message = InterestMessage.objects.get()
    assert (message.author, message.from_owner, message.text) == (owner, True, "Takk, vi tar gjerne et møte.")
    assert mail.outbox == []
    for callback in callbacks:
        callback()
    assert sorted(m.to[0] for m in mail.outbox) == sorted([sender.email, colleague.email, admin_of(usn).email])
    for sent in mail.outbox:
        assert "Takk, vi tar gjerne et møte." in sent.body and thread_url(interest) in sent.body
        assert "Skien kommune" in sent.subject and owner.email not in sent.body


def test_the_sender_side_replies_to_the_owners(client, interest, owner, sender, django_capture_on_commit_callbacks):
    client.force_login(sender)
    with django_capture_on_commit_callbacks(execute=True):
        write(client, interest, share_email="on")
    message = InterestMessage.objects.get()
    assert message.from_owner is False and message.share_email is True
    assert [m.to for m in mail.outbox] == [[owner.email]]
    assert sender.email in mail.outbox[0].body


def test_a_double_post_of_a_reply_saves_it_once(client, interest, sender, django_capture_on_commit_callbacks):
    client.force_login(sender)
    data = reply_form(client, interest)
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            client.post(reply_url(interest), data)
    assert InterestMessage.objects.count() == 1 and len(mail.outbox) == 1


def test_an_empty_reply_is_a_form_error(client, interest, owner):
    client.force_login(owner)
    response = write(client, interest, text="")
    assert response.status_code == 200 and "text" in response.context["form"].errors
    assert not InterestMessage.objects.exists()


def test_replies_are_rate_limited(settings, client, interest, owner):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "reply_interest": "1/h/user"}
    client.force_login(owner)
    assert write(client, interest).status_code == 302
    response = write(client, interest, text="En til")
    assert response.status_code == 429 and InterestMessage.objects.count() == 1


def test_a_blocked_sender_cannot_reply_and_is_told_why(
    client, interest, sender, skien, usn, django_capture_on_commit_callbacks
):
    client.force_login(sender)
    data = reply_form(client, interest)
    Block.objects.create(organisation=skien, blocked_organisation=usn, reason="Vi avslutter dialogen.")
    page = client.get(thread_url(interest)).content.decode()
    assert "Vi avslutter dialogen." in page and 'name="text"' not in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reply_url(interest), data)
    assert response.status_code == 403 and "Vi avslutter dialogen." in response.content.decode()
    assert not InterestMessage.objects.exists() and mail.outbox == []


def test_the_owner_still_replies_to_a_blocked_organisation(client, interest, owner, skien, usn):
    Block.objects.create(organisation=skien, blocked_organisation=usn, reason="Slutt")
    client.force_login(owner)
    assert write(client, interest).status_code == 302
    assert InterestMessage.objects.count() == 1


def block_url(interest, name="interest_block"):
    return reverse(f"partners:{name}", kwargs={"interest_id": interest.pk})


def test_only_an_admin_of_the_owner_blocks_and_only_with_a_reason(client, interest, owner, sender, skien, usn):
    for refused in (member(skien), sender, admin_of(usn)):
        client.force_login(refused)
        assert client.post(block_url(interest), {"reason": "Nei"}).status_code == 404
        assert "Blokker Universitetet" not in client.get(thread_url(interest)).content.decode()
    client.force_login(owner)
    assert "Blokker Universitetet i Sørøst-Norge" in client.get(thread_url(interest)).content.decode()
    response = client.post(block_url(interest), {"reason": ""})
    assert response.status_code == 200 and "reason" in response.context["block_form"].errors
    assert not Block.objects.exists()
    client.post(block_url(interest), {"reason": "Reklame"})
    block = Block.objects.get()
    assert (block.organisation, block.blocked_organisation, block.reason, block.created_by) == (
        skien,
        usn,
        "Reklame",
        owner,
    )
    assert "Opphev blokkeringen" in client.get(thread_url(interest)).content.decode()


def test_an_admin_unblocks(client, interest, owner, sender, skien, usn):
    Block.objects.create(organisation=skien, blocked_organisation=usn, reason="Slutt")
    client.force_login(sender)
    assert client.post(block_url(interest, "interest_unblock")).status_code == 404
    assert Block.objects.exists()
    client.force_login(owner)
    assert client.post(block_url(interest, "interest_unblock")).status_code == 302
    assert not Block.objects.exists()


def test_blocking_is_post_only(client, interest, owner):
    client.force_login(owner)
    assert client.get(block_url(interest)).status_code == 405
    assert client.get(block_url(interest, "interest_unblock")).status_code == 405


@pytest.mark.parametrize("replies", [1, 12])
def test_the_thread_reads_a_constant_number_of_queries(
    client, interest, owner, sender, skien, replies, django_assert_max_num_queries
):
    for n in range(replies):
        author = member(skien) if n % 2 else sender
        InterestMessage.objects.create(
            interest=interest,
            author=author,
            from_owner=bool(n % 2),
            text=f"Melding {n}",
            share_email=True,
        )
    client.force_login(owner)
    with django_assert_max_num_queries(22):
        response = client.get(thread_url(interest))
    assert response.content.decode().count("Melding ") == replies


def test_an_unverified_member_reads_but_cannot_reply(client, interest, skien):
    unverified = member(skien, verified_email=False)
    client.force_login(unverified)
    page = client.get(thread_url(interest)).content.decode()
    assert "Vi kan følge piloten." in page and 'name="text"' not in page
    assert "Du må bekrefte e-postadressen din før du kan svare." in page
    data = {"form_token": "6e442680-4055-46fb-b8e7-9d0cf5537505", "text": "Hei"}
    response = client.post(reply_url(interest), data, follow=True)
    assert "Du må bekrefte e-postadressen din før du kan svare." in response.content.decode()
    assert not InterestMessage.objects.exists()


@pytest.mark.parametrize("data", [{"reason": "x" * 1001}, {"reason": "   "}])
def test_a_block_reason_that_is_too_long_or_blank_is_a_form_error(client, interest, owner, data):
    client.force_login(owner)
    response = client.post(block_url(interest), data)
    assert response.status_code == 200 and "reason" in response.context["block_form"].errors
    assert not Block.objects.exists()


def test_a_deleted_account_leaves_the_thread_with_a_former_user(client, interest, owner, sender):
    InterestMessage.objects.create(interest=interest, author=sender, from_owner=False, text="Før sletting")
    sender.delete()
    client.force_login(owner)
    page = client.get(thread_url(interest)).content.decode()
    assert page.count("Tidligere bruker") == 2 and "Før sletting" in page


def test_an_unverified_senders_organisation_is_marked_in_the_thread_and_the_email(
    client, post, sender, usn, owner, mailoutbox, django_capture_on_commit_callbacks
):
    usn.verified = False
    usn.save()
    with django_capture_on_commit_callbacks(execute=True):
        interest = send_interest(sender, post, usn, InterestData(offer="Vi kan følge piloten.", wish=""))
    assert all("En moderator har ikke sjekket organisasjonen ennå." in message.body for message in mailoutbox)
    client.force_login(owner)
    assert 'data-unverified="true"' in client.get(thread_url(interest)).content.decode()
    usn.verified = True
    usn.save()
    assert 'data-unverified="true"' not in client.get(thread_url(interest)).content.decode()
