"""What the database backend finds and how it ranks, counts and marks, on a small known corpus."""

import pytest

from search import service
from search.backends.base import SearchRequest
from search.query import parse

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus(add_case):
    return {
        "tilsyn": add_case(
            "Digitalt tilsyn om natta i hjemmetjenesten",
            "Sensorer og kamera erstattet nattlige runder.",
            "Velferdsteknologien ga brukerne roligere netter, og sykehjemmene fikk færre innleggelser.",
            service_areas=["helse-og-omsorg"],
            challenges=["aldring"],
        ),
        "ensomhet": add_case(
            "Mindre einsemd blant eldre",
            "Frivillige besøksvenner i kommunane på Sunnmøre.",
            "Eldre som bur heime åleine fekk fast besøk kvar veke.",
            service_areas=["helse-og-omsorg"],
            challenges=["folkehelse"],
            phase="ny-praksis",
        ),
        "foreldre": add_case(
            "Lesekurs for foreldre",
            "Foreldre lærte å lese med barna.",
            "Skolen inviterte foreldrene til kurs på kveldstid.",
            service_areas=["skole"],
            challenges=["inkludering"],
            phase="ny-praksis",
        ),
        "omsorg": add_case(
            "Omsorg for eldre med demens",
            "Dagtilbud tilpasset personer med demens.",
            "Pårørende fikk avlastning.",
            service_areas=["helse-og-omsorg"],
            challenges=["aldring"],
        ),
        "vann": add_case(
            "Lekkasjesøk i vannledningene",
            "Sensorer fant lekkasjene før de ble brudd.",
            "Teknisk drift sparte vann og penger.",
            service_areas=["teknisk-drift"],
            challenges=["klima"],
        ),
    }


def found(text, doc_type="case", **filters):
    results = service.search(SearchRequest(query=parse(text), doc_type=doc_type, filters=filters, limit=10))
    return [hit.slug for hit in results.hits]


def slugs(corpus, *keys):
    return [corpus[key].slug for key in keys]


def test_inflected_forms_find_each_other(corpus):
    assert found("sykehjem") == slugs(corpus, "tilsyn")
    assert found("hjemmetjeneste") == slugs(corpus, "tilsyn")
    assert set(found("kommunene")) == set(slugs(corpus, "ensomhet"))


def test_nynorsk_and_bokmal_find_each_other(corpus):
    assert found("ensomhet") == slugs(corpus, "ensomhet")
    assert corpus["ensomhet"].slug in found("hjemme alene")


def test_a_part_finds_the_compound_and_a_compound_finds_its_parts(corpus):
    assert found("teknologi") == slugs(corpus, "tilsyn")
    assert set(found("eldreomsorg")) == set(slugs(corpus, "omsorg", "ensomhet"))  # «omsorg for eldre», tagged omsorg


def test_eldre_does_not_find_foreldre(corpus):
    assert corpus["foreldre"].slug not in found("eldre")
    assert corpus["ensomhet"].slug in found("eldre")


def test_the_title_weighs_more_than_the_summary_and_the_summary_more_than_the_body(add_case):
    in_body = add_case("Dagtilbud", "Aktiviteter hver dag.", "Mange har demens, og noen har hørselstap.")
    in_summary = add_case("Avlastning", "Avlastning for pårørende til personer med demens.", "Se kommunens side.")
    in_title = add_case("Demens og musikk", "Sang i fellesskap.", "Ukentlige samlinger.")
    assert found("demens") == [in_title.slug, in_summary.slug, in_body.slug]


def test_every_word_must_match_until_none_does_then_any(corpus):
    every = service.search(SearchRequest(query=parse("sensorer natta"), doc_type="case"))
    assert [hit.slug for hit in every.hits] == slugs(corpus, "tilsyn") and not every.any_word
    some = service.search(SearchRequest(query=parse("demens lekkasje"), doc_type="case"))
    assert some.any_word and {hit.slug for hit in some.hits} == set(slugs(corpus, "omsorg", "vann"))


def test_one_typo_in_a_long_word_is_tolerated_and_corrected(corpus):
    assert found("sykehejm") == slugs(corpus, "tilsyn")
    assert parse("sykehejm").suggestion == "sykehjemmene"
    assert found("demnes") == []  # five letters: taken as typed
    assert parse("sykehjem").suggestion == ""  # a known word is not corrected


def test_facets_filter_and_count_with_the_other_facets_applied(corpus):
    request = SearchRequest(
        query=parse("eldre"),
        doc_type="case",
        filters={"fase": ("ny-praksis",)},
        facet_params=("fase", "utfordring"),
    )
    results = service.search(request)
    assert [hit.slug for hit in results.hits] == slugs(corpus, "ensomhet")
    assert results.facet_counts["fase"] == {"ny-praksis": 1, "pilotering": 1}  # its own filter left out
    assert results.facet_counts["utfordring"] == {"folkehelse": 1}
    assert results.type_counts["case"] == 2


def test_type_counts_cover_every_type(corpus, db):
    results = service.search(SearchRequest(query=parse("Skien")))
    assert results.type_counts.get("kommune") == 1
    assert results.hits[0].doc_type == "kommune"


def test_type_ahead_matches_the_beginning_of_the_last_word(corpus):
    titles = [suggestion.title for suggestion in service.suggest("velferdstek")]
    assert titles == ["Digitalt tilsyn om natta i hjemmetjenesten"]
    assert service.suggest("lekkasj")[0].title == "Lekkasjesøk i vannledningene"


def test_queries_with_search_syntax_or_no_words_are_harmless(corpus):
    for text in ['"', "*", "NEAR(a b)", "a:b", "-", "og i på", "'; DROP TABLE x; --", "(((", "^", "ÆØÅ æøå"]:
        service.search(SearchRequest(query=parse(text)))  # no error
    assert found("og i på") == []


def test_ranked_ids_give_one_types_objects_best_first(corpus):
    assert service.ranked_ids("case", "tilsyn")[0] == corpus["tilsyn"].pk
    assert service.ranked_ids("case", "og") is None


def test_an_expired_post_is_not_suggested(db):
    import datetime

    from django.utils import timezone

    from innoplatform.organisations.factories import MembershipFactory, OrganisationFactory
    from partners.factories import publish_post
    from search.models import SearchDocument

    organisation = OrganisationFactory()
    MembershipFactory(organisation=organisation, role="admin", status="approved")
    post = publish_post(organisation, "offer", "Besøksvenner for eldre", "Vi har besøksvenner.")
    assert [s.title for s in service.suggest("besøksven")] == ["Besøksvenner for eldre"]
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    SearchDocument.objects.filter(doc_type="post", object_id=post.pk).update(expires_on=yesterday)
    assert service.suggest("besøksven") == []
