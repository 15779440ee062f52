"""Marking a case as taken into use: only for a kommune the user acts for, and where it shows."""

import pytest
from allauth.account.models import EmailAddress

from django.urls import reverse

from cases.factories import CasePageFactory
from cases.models import CaseReuse
from innoplatform.accounts.factories import UserFactory
from innoplatform.organisations.factories import MembershipFactory, OrganisationFactory
from innoplatform.organisations.models import Membership

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(case_index, kommuner):
    return CasePageFactory(parent=case_index, title="Felles innkjøp av trygghetsalarmer", kommuner=[kommuner[0]])


def mark(client, case, kommune=None, **data):
    if kommune is not None:
        data.setdefault("kommune", kommune.pk)
    return client.post(reverse("cases:reuse", args=[case.pk]), data)


def member_for(kommune, user=None, **membership):
    """A user who acts for `kommune`: an approved member of its kommune organisation (made once per kommune)."""
    organisation = kommune.organisations.filter(sector="kommune").first() or OrganisationFactory(
        name=f"{kommune.name} kommune", sector="kommune", kommune=kommune
    )
    user = user or UserFactory()
    MembershipFactory(organisation=organisation, user=user, **membership)
    return user


def test_anonymous_is_sent_to_login(client, case):
    response = mark(client, case)
    assert response.status_code == 302 and response.url.startswith(reverse("account_login"))
    assert not CaseReuse.objects.exists()
    assert "Logg inn for å markere det" in client.get(case.url).content.decode()


def test_a_kommune_on_the_profile_without_membership_gives_no_right_to_mark(client, case, kommuners_second):
    user = UserFactory(kommune=kommuners_second)
    client.force_login(user)
    response = mark(client, case, kommuners_second)
    assert response.status_code == 302
    assert not CaseReuse.objects.exists()
    html = client.get(case.url).content.decode()
    assert "Bare godkjente medlemmer av en kommune" in html and 'href="/organisasjoner/"' in html
    assert "Vi har tatt dette i bruk i" not in html


def test_a_pending_membership_gives_no_right_to_mark(client, case, kommuners_second):
    client.force_login(member_for(kommuners_second, status=Membership.Status.PENDING))
    mark(client, case, kommuners_second)
    assert not CaseReuse.objects.exists()
    assert "Bare godkjente medlemmer av en kommune" in client.get(case.url).content.decode()


def test_membership_in_an_organisation_of_another_sector_gives_no_right_to_mark(client, case, kommuners_second):
    organisation = OrganisationFactory(sector="naeringsliv", kommune=kommuners_second)
    client.force_login(MembershipFactory(organisation=organisation).user)
    mark(client, case, kommuners_second)
    assert not CaseReuse.objects.exists()


def test_a_forged_post_for_another_kommune_is_refused(client, case, kommuners_second, kommuner):
    nordby = kommuner[0]
    client.force_login(member_for(kommuners_second))
    response = mark(client, case, nordby)
    assert response.status_code == 302
    assert not CaseReuse.objects.exists()
    assert "Du kan bare markere for en kommune du er godkjent medlem for" in client.get(case.url).content.decode()
    CaseReuse.objects.create(page=case, kommune=nordby)
    mark(client, case, nordby, action="fjern")
    assert CaseReuse.objects.filter(kommune=nordby).exists()


@pytest.mark.parametrize("kommune", ["", "abc", "99999999999999999999999", "-1"])
def test_a_malformed_kommune_is_a_form_error_not_a_500(client, case, kommuners_second, kommune):
    client.force_login(member_for(kommuners_second))
    response = client.post(reverse("cases:reuse", args=[case.pk]), {"kommune": kommune})
    assert response.status_code == 302
    assert not CaseReuse.objects.exists()


def test_a_member_of_two_kommuner_marks_each_separately(client, case, kommuner):
    user = member_for(kommuner[2], member_for(kommuner[3]))
    client.force_login(user)
    html = client.get(case.url).content.decode()
    assert "Vi har tatt dette i bruk i Sørvåg" in html and "Vi har tatt dette i bruk i Dalen" in html
    mark(client, case, kommuner[3])
    assert list(CaseReuse.objects.values_list("kommune__name", flat=True)) == ["Dalen"]
    html = client.get(case.url).content.decode()
    assert "Fjern Dalen fra lista" in html and "Vi har tatt dette i bruk i Sørvåg" in html


def test_unverified_email_is_refused_even_for_an_approved_member(client, case, kommuners_second):
    user = UserFactory(verified_email=False)
    EmailAddress.objects.create(user=user, email=user.email, verified=False, primary=True)
    client.force_login(member_for(kommuners_second, user))
    mark(client, case, kommuners_second)
    assert not CaseReuse.objects.exists()
    assert "må du først bekrefte e-postadressen" in client.get(case.url).content.decode()


def test_member_marks_and_unmarks(client, case, kommuners_second):
    user = member_for(kommuners_second)
    client.force_login(user)
    response = mark(client, case, kommuners_second)
    assert response.url == case.url + "#gjenbruk"
    reuse = CaseReuse.objects.get()
    assert (reuse.kommune, reuse.marked_by, reuse.page_id) == (kommuners_second, user, case.pk)
    mark(client, case, kommuners_second)  # twice is still once
    assert CaseReuse.objects.count() == 1
    html = client.get(case.url).content.decode()
    assert "Fjern Fjellvik fra lista" in html and kommuners_second.get_absolute_url() in html
    kommune_page = client.get(kommuners_second.get_absolute_url()).content.decode()
    assert "Eksempler Fjellvik har tatt i bruk" in kommune_page and case.title in kommune_page
    mark(client, case, kommuners_second, action="fjern")
    assert not CaseReuse.objects.exists()


def test_reuse_of_unpublished_case_is_404(client, case, kommuners_second):
    client.force_login(member_for(kommuners_second))
    case.unpublish()
    assert mark(client, case, kommuners_second).status_code == 404


def test_get_is_not_allowed(client, case):
    assert client.get(reverse("cases:reuse", args=[case.pk])).status_code == 405


@pytest.fixture
def kommuners_second(kommuner):
    return kommuner[1]


def test_a_user_can_withdraw_only_their_own_kommunes_mark(client, case, kommuners_second, kommuner):
    nordby = kommuner[0]
    CaseReuse.objects.create(page=case, kommune=nordby)
    CaseReuse.objects.create(page=case, kommune=kommuners_second)
    client.force_login(member_for(kommuners_second))
    mark(client, case, kommuners_second, action="fjern")
    mark(client, case, nordby, action="fjern")
    assert list(CaseReuse.objects.values_list("kommune__name", flat=True)) == ["Nordby"]
    html = client.get(case.url).content.decode()
    assert "Fjern Nordby fra lista" not in html and "Vi har tatt dette i bruk i Fjellvik" in html


def test_colleagues_in_the_same_kommune_may_withdraw_a_mark(client, case, kommuners_second):
    first, colleague = member_for(kommuners_second), member_for(kommuners_second)
    client.force_login(first)
    mark(client, case, kommuners_second)
    client.force_login(colleague)
    mark(client, case, kommuners_second, action="fjern")
    assert not CaseReuse.objects.exists()


def test_marking_is_rate_limited(client, case, kommuners_second, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "mark_case_reuse": "3/h/user"}
    client.force_login(member_for(kommuners_second))
    for action in ("", "fjern", ""):
        assert mark(client, case, kommuners_second, action=action).status_code == 302
    response = mark(client, case, kommuners_second, action="fjern")
    assert response.status_code == 429
    assert CaseReuse.objects.count() == 1


def test_the_mark_stays_with_the_kommune_when_its_author_deletes_the_account(client, case, kommuners_second, password):
    user = member_for(kommuners_second)
    client.force_login(user)
    mark(client, case, kommuners_second)
    client.post(reverse("accounts:delete"), {"password": password, "confirm": "on"})
    reuse = CaseReuse.objects.get()
    assert reuse.kommune == kommuners_second and reuse.marked_by is None
    assert "Fjellvik" in client.get(case.url).content.decode()


def test_a_page_id_beyond_64_bits_is_404_not_500(client, case, kommuners_second):
    client.force_login(member_for(kommuners_second))
    assert client.post("/casebibliotek/99999999999999999999999/gjenbruk/").status_code == 404
    assert client.post("/casebibliotek/999999999999999999/gjenbruk/").status_code == 404


def test_an_unverified_kommune_organisation_gives_no_right_to_mark(client, case, kommuner):
    """Anyone may register «X kommune»; it acts for the kommune only once a moderator has verified it."""
    nordby = kommuner[0]
    impostor = OrganisationFactory(name="Nordby kommune (falsk)", sector="kommune", kommune=nordby, verified=False)
    user = UserFactory()
    MembershipFactory(organisation=impostor, user=user, role="admin")
    client.force_login(user)
    mark(client, case, nordby)
    assert not CaseReuse.objects.exists()
    CaseReuse.objects.create(page=case, kommune=nordby)
    mark(client, case, nordby, action="fjern")
    assert CaseReuse.objects.filter(kommune=nordby).exists()
