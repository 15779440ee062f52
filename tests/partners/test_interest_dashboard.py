"""The dashboard of threads received and sent: order by latest activity, «Ny» marks, and its query count."""

from datetime import timedelta

import pytest

from django.urls import reverse
from django.utils import timezone

from innoplatform.organisations.factories import OrganisationFactory
from partners.factories import publish_post
from partners.interest import InterestData, dashboard, mark_read, send_interest
from partners.models import Interest, InterestMessage
from tests.partners.test_interest import admin_of, member, need_of

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("partners:interest_dashboard")


def interest_from(organisation, post, offer="Vi kan bidra."):
    return send_interest(admin_of(organisation), post, organisation, InterestData(offer=offer))


def at(moment, interest=None, message=None):
    """Move an interest or a message in time (created_at is set on save)."""
    if interest is not None:
        Interest.objects.filter(pk=interest.pk).update(created_at=moment)
    if message is not None:
        InterestMessage.objects.filter(pk=message.pk).update(created_at=moment)


def organisation(name):
    made = OrganisationFactory(name=name)
    member(made, role="admin")
    return made


def test_the_dashboard_needs_a_login(client):
    response = client.get(DASHBOARD)
    assert response.status_code == 302 and reverse("account_login") in response.url


def test_received_and_sent_threads_newest_activity_first(client, skien, usn):
    now = timezone.now()
    need = need_of(skien)
    porsgrunn = organisation("Porsgrunn kommune")
    offer = publish_post(usn, "offer", "Følgeforskning på velferdsteknologi", "<p>Vi forsker.</p>")
    older = interest_from(usn, need)
    newer = interest_from(porsgrunn, need)
    sent = interest_from(skien, offer)
    at(now - timedelta(days=3), interest=older)
    at(now - timedelta(days=2), interest=newer)
    at(now - timedelta(days=5), interest=sent)
    reply = InterestMessage.objects.create(interest=older, author=admin_of(usn), from_owner=False, text="Hei igjen")
    at(now - timedelta(days=1), message=reply)

    board = dashboard(admin_of(skien))
    assert [row.interest for row in board.received] == [older, newer]
    assert [row.other for row in board.received] == [usn, porsgrunn]
    assert [row.interest for row in board.sent] == [sent] and board.sent[0].other == usn

    client.force_login(admin_of(skien))
    page = client.get(DASHBOARD).content.decode()
    assert page.index("Mottatt") < page.index("Porsgrunn kommune") < page.index("Sendt")
    assert page.index("Universitetet i Sørøst-Norge") < page.index("Porsgrunn kommune")
    assert "Følgeforskning på velferdsteknologi" in page[page.index("Sendt") :]


def test_a_thread_is_new_until_read_and_again_when_the_other_side_writes(client, skien, usn):
    need = need_of(skien)
    interest = interest_from(usn, need)
    owner, sender = admin_of(skien), admin_of(usn)
    assert dashboard(owner).received[0].is_new is True
    assert dashboard(sender).sent[0].is_new is False
    mark_read(owner, interest)
    assert dashboard(owner).received[0].is_new is False
    InterestMessage.objects.create(interest=interest, author=owner, from_owner=True, text="Takk")
    assert dashboard(owner).received[0].is_new is False
    assert dashboard(sender).sent[0].is_new is True
    mark_read(sender, interest)
    assert dashboard(sender).sent[0].is_new is False
    InterestMessage.objects.create(interest=interest, author=sender, from_owner=False, text="Bra")
    assert dashboard(owner).received[0].is_new is True


def test_the_page_marks_new_threads_in_words(client, skien, usn):
    interest = interest_from(usn, need_of(skien))
    client.force_login(admin_of(skien))
    assert ">Ny</span>" in client.get(DASHBOARD).content.decode()
    client.get(reverse("partners:interest_thread", kwargs={"interest_id": interest.pk}))
    assert ">Ny</span>" not in client.get(DASHBOARD).content.decode()


def test_the_dashboard_shows_only_the_users_own_organisations_threads(client, skien, usn):
    interest_from(usn, need_of(skien))
    outsider = organisation("Bamble kommune")
    client.force_login(admin_of(outsider))
    page = client.get(DASHBOARD).content.decode()
    assert "Forskningspartner til digitalt nattilsyn" not in page
    assert "Ingen har meldt interesse for innleggene deres ennå." in page


@pytest.mark.parametrize("size", [1, 8])
def test_the_dashboard_reads_a_constant_number_of_queries(client, skien, usn, size, django_assert_max_num_queries):
    need = need_of(skien)
    for n in range(size):
        interest = interest_from(organisation(f"Samarbeidspartner {n}"), need)
        InterestMessage.objects.create(interest=interest, author=admin_of(skien), from_owner=True, text="Svar")
        offer = publish_post(usn, "offer", f"Tilbud {n}", "<p>Vi tilbyr.</p>")
        interest_from(skien, offer)
    client.force_login(admin_of(skien))
    with django_assert_max_num_queries(14):
        response = client.get(DASHBOARD)
    assert len(response.context["dashboard"].received) == size and len(response.context["dashboard"].sent) == size
