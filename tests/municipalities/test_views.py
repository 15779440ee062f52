"""The kommune list and the kommune page."""

import pytest

from django.urls import reverse

from innoplatform.municipalities.factories import KommuneFactory
from innoplatform.municipalities.models import Kommune

pytestmark = pytest.mark.django_db


def test_list_shows_all_kommuner_grouped_by_fylke(client, home_page):
    response = client.get(reverse("municipalities:list"))
    assert response.status_code == 200
    assert response.context["count"] == 357
    assert len(response.context["groups"]) == 15
    content = response.content.decode()
    assert "357 kommuner" in content
    assert 'href="/kommuner/4003-skien/"' in content


def test_list_filters_without_javascript(client, home_page):
    response = client.get(reverse("municipalities:list"), {"q": "ski"})
    names = {kommune.name for _fylke, kommuner in response.context["groups"] for kommune in kommuner}
    assert "Skien" in names
    assert "Bergen" not in names
    assert client.get(reverse("municipalities:list"), {"q": "4601"}).context["count"] == 1


def test_list_with_no_match_says_so(client, home_page):
    response = client.get(reverse("municipalities:list"), {"q": "Atlantis"})
    assert response.context["count"] == 0
    assert "Ingen kommuner passer" in response.content.decode()


@pytest.mark.parametrize("extra", [0, 40])
def test_list_query_count_is_constant(client, home_page, extra, django_assert_max_num_queries):
    KommuneFactory.create_batch(extra)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("municipalities:list"))
    assert response.context["count"] == Kommune.objects.count()


def test_kommune_page_shows_name_fylke_and_missing_figures(client, home_page):
    response = client.get("/kommuner/4003-skien/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "<h1" in content and "Skien" in content
    assert "Telemark" in content
    assert "ikke importert befolkningstall" in content
    assert "Porsgrunn" in content  # another kommune in the same fylke


@pytest.mark.parametrize("path", ["/kommuner/4003/", "/kommuner/4003-feil-navn/"])
def test_kommune_page_redirects_to_canonical_url(client, path):
    response = client.get(path)
    assert response.status_code == 301
    assert response["Location"] == "/kommuner/4003-skien/"


def test_unknown_kommune_is_404(client, home_page):
    assert client.get("/kommuner/9999-ingen/").status_code == 404


def test_kommune_page_query_count_is_constant(client, home_page, django_assert_max_num_queries):
    """The page with every app's section on it (cases, courses, partners, funding), the same for a big kommune."""
    with django_assert_max_num_queries(14):
        client.get("/kommuner/4601-bergen/")
    with django_assert_max_num_queries(14):
        client.get("/kommuner/0301-oslo/")


def test_numbers_are_rounded_not_cut():
    from innoplatform.municipalities.demography.presentation import percent
    from innoplatform.municipalities.templatetags.demography_tags import change, number

    assert number(1967.8) == "1\xa0968" and number(0.366, 2) == "0,37" and number(None) == "–"
    assert change(4.96) == "+5,0 %" and change(-0.04) == "±0,0 %" and change(-3.26) == "−3,3 %"
    assert percent(0.9276) == "93 %" and percent(0.0016) == "0,2 %"
