"""The index follows the content: publish, change, unpublish, move and delete of each indexed type."""

import datetime

import pytest

from django.utils import timezone

from innoplatform.municipalities.models import Kommune
from innoplatform.organisations.factories import MembershipFactory, OrganisationFactory
from partners import posts
from partners.factories import publish_post
from search.models import SearchDocument, SearchFacet, SearchTerm

pytestmark = pytest.mark.django_db


def document(doc_type, object_id):
    return SearchDocument.objects.filter(doc_type=doc_type, object_id=object_id).first()


def test_a_published_case_is_indexed_with_its_text_and_facets(add_case):
    skien = Kommune.objects.get(number="4003")
    case = add_case(
        "Digitalt tilsyn om natta",
        "Sensorer i stedet for nattlige runder.",
        "Hjemmetjenesten prøvde velferdsteknologi hos 40 brukere.",
        service_areas=["helse-og-omsorg"],
        challenges=["aldring"],
        kommuner=[skien],
    )
    row = document("case", case.pk)
    assert row.title == "Digitalt tilsyn om natta"
    assert row.url == case.url
    assert "velferdsteknologi" in row.body and "Skien" in row.body
    assert row.facets["tjenesteomrade"] == ["helse-og-omsorg"]
    assert row.facets["fylke"] == [skien.fylke.number]
    assert set(SearchFacet.objects.filter(document=row).values_list("key", "value")) >= {
        ("utfordring", "aldring"),
        ("fase", "pilotering"),
        ("ar", "2022"),
    }
    assert "teknologi" in row.body_terms.split()  # the compound's part, indexed beside it


def test_a_new_revision_replaces_the_document_and_its_words(add_case):
    case = add_case("Frivillige sjåfører", "Kjøring til dagsenteret.")
    case.title = "Frivillige bilførere"
    case.save_revision().publish()
    row = document("case", case.pk)
    assert row.title == "Frivillige bilførere"
    assert SearchDocument.objects.filter(doc_type="case", object_id=case.pk).count() == 1
    assert not SearchTerm.objects.filter(term="sjåfør", documents__gt=0).exists()
    assert SearchTerm.objects.get(term="bilfør").documents == 1


def test_an_unpublished_case_leaves_the_index(add_case):
    case = add_case("Felles barnehageopptak", "Ett opptak for tre kommuner.")
    case.unpublish()
    assert document("case", case.pk) is None


def test_a_deleted_case_leaves_the_index_and_the_vocabulary(add_case):
    case = add_case("Lesekurs for foreldre", "Kurs på kveldstid.")
    case.delete()
    assert document("case", case.pk) is None
    assert not SearchTerm.objects.filter(term="lesekur", documents__gt=0).exists()


def test_a_moved_page_gets_its_new_address(add_case, library, home_page):
    from cases.factories import CaseIndexPageFactory

    case = add_case("Matsvinn i sykehjemskjøkkenet", "Målte svinnet hver dag.")
    other = CaseIndexPageFactory(parent=home_page, title="Arkiv", slug="arkiv")
    case.move(other, pos="last-child")
    assert document("case", case.pk).url == "/arkiv/" + case.slug + "/"


@pytest.fixture
def organisation(db):
    organisation = OrganisationFactory(name="Frivilligsentralen i Skien", sector="frivillig")
    MembershipFactory(organisation=organisation, role="admin", status="approved", user__email="leder@example.no")
    return organisation


def test_a_post_is_in_the_index_only_while_it_is_public(organisation):
    post = publish_post(
        organisation, "offer", "Besøksvenner for eldre", "Vi har 30 besøksvenner.", service_areas=["helse-og-omsorg"]
    )
    row = document("post", post.pk)
    assert row.facets["art"] == ["offer"]
    assert row.facets["tjenesteomrade"] == ["helse-og-omsorg"]
    assert row.facets["sektor"] == ["frivillig"]
    assert row.expires_on == post.expires_on

    author = organisation.memberships.first().user
    posts.close(author, post)
    assert document("post", post.pk) is None


def test_a_changed_post_goes_back_to_draft_and_out_of_the_index(organisation):
    post = publish_post(organisation, "need", "Vi trenger sjåfører", "Til dagsenteret.")
    author = organisation.memberships.first().user
    data = posts.PostData(
        kind="need", title="Vi trenger flere sjåfører", description="Til dagsenteret.", expires_on=post.expires_on
    )
    posts.save_post(author, organisation, data, post)
    assert document("post", post.pk) is None
    posts.submit(author, post)
    assert document("post", post.pk).title == "Vi trenger flere sjåfører"


def test_an_organisation_is_indexed_renamed_and_removed(organisation):
    assert document("organisation", organisation.pk).title == "Frivilligsentralen i Skien"
    organisation.name = "Frivilligsentralen Skien"
    organisation.save()
    assert document("organisation", organisation.pk).title == "Frivilligsentralen Skien"
    pk = organisation.pk
    organisation.delete()
    assert document("organisation", pk) is None


def test_the_kommune_registry_is_indexed_when_the_database_is_created():
    assert SearchDocument.objects.filter(doc_type="kommune").count() == Kommune.objects.count() > 300
    assert document("kommune", Kommune.objects.get(number="4003").pk).title == "Skien"


def test_with_tasks_the_document_is_written_after_commit(settings, add_case, django_capture_on_commit_callbacks):
    settings.SEARCH_SYNC = "task"
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        case = add_case("Sommerjobb for ungdom", "15-åringer i kommunale virksomheter.")
        assert document("case", case.pk) is None  # nothing written inside the editor's transaction
    for callback in callbacks:
        callback()
    assert document("case", case.pk).title == "Sommerjobb for ungdom"


def test_an_expired_post_is_not_found_although_its_document_remains(organisation, client):
    post = publish_post(organisation, "offer", "Kurs i ernæring for eldre", "Kostholdskurs.")
    assert client.get("/api/search/", {"q": "ernæring", "type": "post"}).json()["count"] == 1
    SearchDocument.objects.filter(doc_type="post", object_id=post.pk).update(
        expires_on=timezone.localdate() - datetime.timedelta(days=1)
    )
    assert client.get("/api/search/", {"q": "ernæring", "type": "post"}).json()["count"] == 0


def test_a_view_restriction_takes_the_case_out_and_lifting_it_brings_it_back(add_case):
    from wagtail.models import PageViewRestriction

    case = add_case("Tilsyn for innloggede", "Bare for ansatte.")
    restriction = PageViewRestriction.objects.create(page=case, restriction_type=PageViewRestriction.LOGIN)
    assert document("case", case.pk) is None
    restriction.delete()
    assert document("case", case.pk).title == "Tilsyn for innloggede"
