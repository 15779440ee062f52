"""Matching on hand-made cases where a reader sees at once which offer answers which need."""

import pytest

from partners.factories import publish_post
from partners.matching import WEIGHTS, match_organisations, match_posts
from tests.partners.conftest import organisation_with_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def market():
    """Three needs and their obvious answers, plus offers that fit none of them well."""
    skien = organisation_with_member("Skien kommune", "kommune", "4003")[0]
    bodo = organisation_with_member("Bodø kommune", "kommune", "1804")[0]
    usn = organisation_with_member("Universitetet i Sørøst-Norge", "fou", "4003")[0]
    frivillig = organisation_with_member("Frivilligsentralen i Bodø", "frivillig", "1804")[0]
    sensor = organisation_with_member("Nattvakt Sensor AS", "naeringsliv", "0301")[0]
    bygg = organisation_with_member("Byggrådgiverne AS", "naeringsliv", "4601")[0]
    needs = {
        "research": publish_post(
            skien,
            "need",
            "Forskningspartner til pilot med digitalt nattilsyn",
            "Hjemmetjenesten i Skien vil prøve ut sensorer og digitalt nattilsyn hos eldre. Vi trenger en "
            "forskningspartner som kan følge opp effekter og gevinster.",
            service_areas=["helse-og-omsorg"],
            challenges=["aldring", "arbeidskraft"],
            seeking=["fou"],
        ),
        "volunteers": publish_post(
            bodo,
            "need",
            "Frivillige sjåfører til dagsenteret",
            "Mange eldre takker nei til dagsenteret fordi de ikke har skyss. Vi søker samarbeid med frivillige "
            "om transport.",
            service_areas=["helse-og-omsorg"],
            challenges=["aldring", "inkludering"],
            seeking=["frivillig"],
        ),
        "sensors": publish_post(
            bodo,
            "need",
            "Leverandør av sensorer for fallvarsling",
            "Vi vil kjøpe sensorer som varsler fall hjemme hos eldre og trenger en leverandør med erfaring fra "
            "hjemmetjenesten.",
            service_areas=["helse-og-omsorg"],
            challenges=["aldring"],
            seeking=["naeringsliv"],
        ),
    }
    offers = {
        "research": publish_post(
            usn,
            "offer",
            "Følgeforskning på velferdsteknologi",
            "Vi forsker på velferdsteknologi og digitalt tilsyn i hjemmetjenesten og følger gjerne en kommunal "
            "pilot med effektmåling.",
            service_areas=["helse-og-omsorg"],
            challenges=["aldring"],
            seeking=["kommune"],
        ),
        "volunteers": publish_post(
            frivillig,
            "offer",
            "Frivillige som kjører eldre",
            "Frivilligsentralen har sjåfører som kan kjøre eldre til aktiviteter og dagsenter.",
            service_areas=["helse-og-omsorg", "kultur"],
            challenges=["inkludering"],
            seeking=["kommune"],
        ),
        "sensors": publish_post(
            sensor,
            "offer",
            "Sensorer for fall og nattilsyn",
            "Vi leverer sensorer som varsler fall og uro om natta, tilpasset hjemmetjenesten.",
            service_areas=["helse-og-omsorg"],
            challenges=["aldring"],
            seeking=["kommune"],
            whole_country=True,
        ),
        "noise": publish_post(
            bygg,
            "offer",
            "Energirådgivning for kommunale bygg",
            "Vi hjelper kommuner å kutte energibruken i skoler og barnehager.",
            service_areas=["teknisk-drift"],
            challenges=["klima"],
            seeking=["kommune"],
        ),
    }
    return needs, offers


@pytest.mark.parametrize("which", ["research", "volunteers", "sensors"])
def test_the_obvious_offer_comes_first(market, which):
    needs, offers = market
    matches = match_posts(needs[which], limit=5)
    assert matches[0].slug == offers[which].slug, [(m.title, m.score) for m in matches]
    assert offers["noise"].slug not in [m.slug for m in matches[:2]]


def test_an_offer_finds_its_need_the_other_way_round(market):
    needs, offers = market
    assert match_posts(offers["research"], limit=3)[0].slug == needs["research"].slug


def test_reasons_are_plain_norwegian(market):
    needs, _offers = market
    best = match_posts(needs["research"], limit=1)[0]
    assert "begge gjelder helse og omsorg" in best.reasons
    assert "begge handler om aldring" in best.reasons
    assert "dere søker forskning og utdanning – de er forskning og utdanning" in best.reasons
    assert "de søker kommune – dere er kommune" in best.reasons
    assert "samme kommune" in best.reasons
    assert any(reason.startswith("lignende ord: ") for reason in best.reasons)
    assert 0 < best.score <= 100


def test_a_post_is_never_matched_with_its_own_organisation_or_its_own_kind(market):
    needs, _offers = market
    volunteers = needs["volunteers"]
    # An offer of the need's own organisation, on exactly its subject: the best match, were it allowed.
    own_offer = publish_post(
        volunteers.organisation,
        "offer",
        "Frivillige sjåfører til dagsenteret",
        "Vi tilbyr transport for eldre til dagsenteret med frivillige sjåfører.",
        service_areas=["helse-og-omsorg"],
        challenges=["aldring", "inkludering"],
        seeking=["frivillig"],
    )
    slugs = {m.slug for m in match_posts(volunteers, limit=10)}
    assert own_offer.slug not in slugs
    assert needs["sensors"].slug not in slugs and needs["research"].slug not in slugs


def test_organisations_are_suggested_by_the_sector_sought(market):
    needs, _offers = market
    organisations = match_organisations(needs["research"], limit=3)
    assert organisations[0].title == "Universitetet i Sørøst-Norge"


def test_the_weights_add_up_to_one_so_the_score_is_a_percentage():
    assert abs(sum(WEIGHTS.values()) - 1.0) < 1e-9


def test_a_changed_post_is_matched_on_what_it_says_now(market):
    from partners.posts import PostData, save_post, submit

    needs, offers = market
    author = offers["noise"].organisation.memberships.first().user
    post = offers["noise"]
    save_post(
        author,
        post.organisation,
        PostData(
            kind="offer",
            title="Følgeforskning og nattilsyn med sensorer",
            description="Vi forsker på digitalt nattilsyn og velferdsteknologi i hjemmetjenesten.",
            expires_on=post.expires_on,
            service_areas=["helse-og-omsorg"],
            challenges=["aldring", "arbeidskraft"],
            seeking=["kommune"],
        ),
        post=post,
    )
    submit(author, post)
    assert post.slug in [m.slug for m in match_posts(needs["research"], limit=2)]
