"""The organisation list (search, sector filter, pages) and one organisation's page, in constant queries."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from innoplatform.accounts.factories import UserFactory
from innoplatform.core.page_sections import PageSection
from innoplatform.organisations.directory import PAGE_SIZE
from innoplatform.organisations.factories import MembershipFactory, OrganisationFactory
from innoplatform.organisations.models import Membership, Organisation, OrganisationDomain

pytestmark = pytest.mark.django_db

LIST = reverse("organisations:list")
LIST_QUERY_BUDGET = 8
DETAIL_QUERY_BUDGET = 18


def _query_count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_list_searches_by_name_and_filters_by_sector(client, skien):
    OrganisationFactory(name="Skien kommune", sector="kommune", kommune=skien)
    OrganisationFactory(name="Skien Fritidspark", sector="naeringsliv")
    OrganisationFactory(name="Universitetet i Sørøst-Norge", sector="fou")
    html = client.get(LIST, {"q": "skien"}).content.decode()
    assert "Skien kommune" in html and "Skien Fritidspark" in html and "Universitetet" not in html
    assert "2 organisasjoner" in html
    html = client.get(LIST, {"q": "skien", "sektor": "kommune"}).content.decode()
    assert "Skien kommune" in html and "Skien Fritidspark" not in html
    assert '<option value="kommune" selected>' in html


def test_the_list_finds_an_organisation_number_with_spaces(client):
    organisation = OrganisationFactory(name="Telemark fylkeskommune", sector="fylkeskommune")
    OrganisationFactory(name="Annen")
    spaced = f"{organisation.orgnr[:3]} {organisation.orgnr[3:6]} {organisation.orgnr[6:]}"
    html = client.get(LIST, {"q": spaced}).content.decode()
    assert "Telemark fylkeskommune" in html and "Annen" not in html


@pytest.mark.parametrize("params", [{"sektor": "ukjent"}, {"side": "x"}, {"side": "999"}, {"q": "a" * 5000}])
def test_junk_in_the_search_is_ignored_not_an_error(client, params):
    OrganisationFactory(name="Frivilligsentralen")
    response = client.get(LIST, params)
    assert response.status_code == 200
    if "q" not in params:
        assert "Frivilligsentralen" in response.content.decode()


def test_the_list_is_paginated_and_keeps_the_search(client):
    Organisation.objects.bulk_create(
        [
            Organisation(name=f"Lag {n:03d}", slug=f"lag-{n:03d}", orgnr=f"{n:09d}", sector="frivillig")
            for n in range(PAGE_SIZE + 5)
        ]
    )
    html = client.get(LIST, {"sektor": "frivillig"}).content.decode()
    assert "Lag 000" in html and f"Lag {PAGE_SIZE:03d}" not in html
    assert "sektor=frivillig&amp;side=2" in html
    second = client.get(LIST, {"sektor": "frivillig", "side": 2}).content.decode()
    assert f"Lag {PAGE_SIZE:03d}" in second and "Lag 000" not in second


def test_list_queries_are_constant_at_5_and_200_organisations(client, skien, django_assert_max_num_queries):
    def add(count: int, start: int) -> None:
        Organisation.objects.bulk_create(
            [
                Organisation(
                    name=f"Org {n}", slug=f"org-{n}", orgnr=f"{n:09d}", sector="kommune", kommune=skien, verified=True
                )
                for n in range(start, start + count)
            ]
        )

    add(5, 0)
    client.get(LIST)  # the first request of a test also caches the site's root paths
    small = _query_count(client, LIST)
    add(195, 5)
    with django_assert_max_num_queries(LIST_QUERY_BUDGET):
        client.get(LIST, {"sektor": "kommune"})
    assert small == _query_count(client, LIST)


def test_the_page_shows_who_the_organisation_is_and_its_members_by_name_only(client, organisation, org_admin, member):
    organisation.website = "https://www.skien.kommune.no"
    organisation.description = "Kommunen i Telemark med Ibsens fødeby."
    organisation.save()
    pending = MembershipFactory(organisation=organisation, status=Membership.Status.PENDING).user
    html = client.get(organisation.get_absolute_url()).content.decode()
    assert "<h1" in html and "Skien kommune" in html and "938583986" in html
    assert "Kommune" in html and "Skien" in html and "https://www.skien.kommune.no" in html
    assert "Ibsens fødeby" in html and "Verifisert" in html
    assert "Anne Admin" in html and "Morten Medlem" in html
    assert pending.get_full_name() not in html
    for user in (org_admin, member, pending):
        assert user.email not in html


def test_an_unverified_organisation_says_so(client, organisation):
    organisation.verified = False
    organisation.save()
    html = client.get(organisation.get_absolute_url()).content.decode()
    assert "Ikke verifisert" in html and ">Verifisert<" not in html


def test_the_page_says_that_a_matching_domain_joins_at_once(client, organisation):
    OrganisationDomain.objects.create(organisation=organisation, domain="skien.kommune.no")
    html = client.get(organisation.get_absolute_url()).content.decode()
    assert "blir du medlem med en gang" in html and "skien.kommune.no" in html
    organisation.verified = False
    organisation.save()
    assert "blir du medlem med en gang" not in client.get(organisation.get_absolute_url()).content.decode()


def test_an_unknown_slug_is_404(client):
    assert client.get(reverse("organisations:detail", args=["finnes-ikke"])).status_code == 404


def test_other_apps_add_sections_through_the_hook(client, organisation):
    from wagtail import hooks

    def section(request, shown):
        return PageSection(
            title="Innlegg fra organisasjonen",
            template_name="cases/includes/organisation_section.html",
            context={"cases": []},
            order=5,
        )

    def nothing(request, shown):
        return None

    with (
        hooks.register_temporarily("register_organisation_section", section),
        hooks.register_temporarily("register_organisation_section", nothing),
    ):
        html = client.get(organisation.get_absolute_url()).content.decode()
    assert 'aria-label="Innlegg fra organisasjonen"' in html and "<h2" in html


def test_detail_queries_are_constant_at_2_and_60_members(
    client, organisation, org_admin, moderator, django_assert_max_num_queries
):
    MembershipFactory(organisation=organisation)
    OrganisationDomain.objects.create(organisation=organisation, domain="skien.kommune.no")
    url = organisation.get_absolute_url()
    client.get(url)  # the first request of a test also caches the site's root paths
    small = {"anonymous": _query_count(client, url)}
    client.force_login(org_admin)
    small["admin"] = _query_count(client, url)
    client.force_login(moderator)
    small["moderator"] = _query_count(client, url)
    for user in UserFactory.create_batch(58):
        MembershipFactory(organisation=organisation, user=user)
    MembershipFactory.create_batch(20, organisation=organisation, status=Membership.Status.PENDING)
    OrganisationDomain.objects.create(organisation=organisation, domain="skien.no")
    with django_assert_max_num_queries(DETAIL_QUERY_BUDGET):
        client.get(url)
    large = {"moderator": _query_count(client, url)}
    client.force_login(org_admin)
    large["admin"] = _query_count(client, url)
    client.logout()
    large["anonymous"] = _query_count(client, url)
    assert small == large, (small, large)
