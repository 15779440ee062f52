"""Marking a case as taken into use: who may, and where it shows."""

import pytest
from allauth.account.models import EmailAddress

from django.urls import reverse

from cases.factories import CasePageFactory
from cases.models import CaseReuse
from innoplatform.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(case_index, kommuner):
    return CasePageFactory(parent=case_index, title="Felles innkjøp av trygghetsalarmer", kommuner=[kommuner[0]])


def mark(client, case, **data):
    return client.post(reverse("cases:reuse", args=[case.pk]), data)


def test_anonymous_is_sent_to_login(client, case):
    response = mark(client, case)
    assert response.status_code == 302 and response.url.startswith(reverse("account_login"))
    assert not CaseReuse.objects.exists()
    assert "Logg inn for å markere det" in client.get(case.url).content.decode()


def test_user_without_kommune_is_told_to_set_it(client, case):
    user = UserFactory()
    client.force_login(user)
    mark(client, case)
    assert not CaseReuse.objects.exists()
    html = client.get(case.url).content.decode()
    assert "Legg inn kommunen du jobber i på profilen din" in html


def test_unverified_email_is_refused(client, case, kommuners_second):
    user = UserFactory(kommune=kommuners_second, verified_email=False)
    EmailAddress.objects.create(user=user, email=user.email, verified=False, primary=True)
    client.force_login(user)
    mark(client, case)
    assert not CaseReuse.objects.exists()
    assert "må du først bekrefte e-postadressen" in client.get(case.url).content.decode()


def test_member_marks_and_unmarks(client, case, kommuners_second):
    user = UserFactory(kommune=kommuners_second)
    client.force_login(user)
    response = mark(client, case)
    assert response.url == case.url + "#gjenbruk"
    reuse = CaseReuse.objects.get()
    assert (reuse.kommune, reuse.marked_by, reuse.page_id) == (kommuners_second, user, case.pk)
    mark(client, case)  # twice is still once
    assert CaseReuse.objects.count() == 1
    html = client.get(case.url).content.decode()
    assert "Fjern Fjellvik fra lista" in html and kommuners_second.get_absolute_url() in html
    kommune_page = client.get(kommuners_second.get_absolute_url()).content.decode()
    assert "Eksempler Fjellvik har tatt i bruk" in kommune_page and case.title in kommune_page
    mark(client, case, action="fjern")
    assert not CaseReuse.objects.exists()


def test_reuse_of_unpublished_case_is_404(client, case, kommuners_second):
    client.force_login(UserFactory(kommune=kommuners_second))
    case.unpublish()
    assert mark(client, case).status_code == 404


def test_get_is_not_allowed(client, case):
    assert client.get(reverse("cases:reuse", args=[case.pk])).status_code == 405


@pytest.fixture
def kommuners_second(kommuner):
    return kommuner[1]


def test_a_user_can_withdraw_only_their_own_kommunes_mark(client, case, kommuners_second, kommuner):
    nordby = kommuner[0]
    CaseReuse.objects.create(page=case, kommune=nordby)
    CaseReuse.objects.create(page=case, kommune=kommuners_second)
    client.force_login(UserFactory(kommune=kommuners_second))
    mark(client, case, action="fjern")
    assert list(CaseReuse.objects.values_list("kommune__name", flat=True)) == ["Nordby"]
    html = client.get(case.url).content.decode()
    assert "Fjern Nordby fra lista" not in html and "Vi har tatt dette i bruk i Fjellvik" in html


def test_colleagues_in_the_same_kommune_may_withdraw_a_mark(client, case, kommuners_second):
    first, colleague = UserFactory(kommune=kommuners_second), UserFactory(kommune=kommuners_second)
    client.force_login(first)
    mark(client, case)
    client.force_login(colleague)
    mark(client, case, action="fjern")
    assert not CaseReuse.objects.exists()


def test_marking_is_rate_limited(client, case, kommuners_second, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "mark_case_reuse": "3/h/user"}
    client.force_login(UserFactory(kommune=kommuners_second))
    for action in ("", "fjern", ""):
        assert mark(client, case, action=action).status_code == 302
    response = mark(client, case, action="fjern")
    assert response.status_code == 429
    assert CaseReuse.objects.count() == 1


def test_the_mark_stays_with_the_kommune_when_its_author_deletes_the_account(client, case, kommuners_second, password):
    user = UserFactory(kommune=kommuners_second)
    client.force_login(user)
    mark(client, case)
    client.post(reverse("accounts:delete"), {"password": password, "confirm": "on"})
    reuse = CaseReuse.objects.get()
    assert reuse.kommune == kommuners_second and reuse.marked_by is None
    assert "Fjellvik" in client.get(case.url).content.decode()


def test_a_page_id_beyond_64_bits_is_404_not_500(client, case, kommuners_second):
    client.force_login(UserFactory(kommune=kommuners_second))
    assert client.post("/casebibliotek/99999999999999999999999/gjenbruk/").status_code == 404
    assert client.post("/casebibliotek/999999999999999999/gjenbruk/").status_code == 404
