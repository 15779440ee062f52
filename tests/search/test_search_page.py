"""The search page `/sok/` and the header's search field, as a visitor reads them."""

import pytest

from search.backends import elastic

pytestmark = pytest.mark.django_db


@pytest.fixture
def cases(add_case):
    return [
        add_case(
            "Velferdsteknologi på sykehjemmet",
            "Sensorer varslet fall om natta på sykehjemmene.",
            service_areas=["helse-og-omsorg"],
            phase="pilotering",
        ),
        add_case("Digital skolehverdag", "Teknologi i alle klasser.", service_areas=["skole"], phase="ny-praksis"),
    ]


def text(response) -> str:
    return response.content.decode()


def test_every_page_has_the_search_field_in_its_header(client, home_page):
    page = text(client.get("/"))
    assert 'role="search"' in page and 'action="/sok/"' in page
    assert 'data-suggest-url="/api/search/suggest/"' in page and 'list="site-search-suggestions"' in page


def test_results_show_type_title_link_and_marked_snippet(client, cases):
    page = text(client.get("/sok/", {"q": "sykehjem"}))
    assert "1 treff for «sykehjem»" in page
    assert f'href="{cases[0].url}"' in page
    assert "på <mark>sykehjemmene</mark>." in page
    assert cases[1].title not in page


def test_tabs_count_each_type_and_facets_appear_for_one_type(client, cases):
    everything = text(client.get("/sok/", {"q": "teknologi"}))
    assert 'Alle <span class="case-count">(2)</span>' in everything
    assert 'Eksempler <span class="case-count">(2)</span>' in everything
    assert 'name="fase"' not in everything  # facets belong to one type
    one_type = text(client.get("/sok/", {"q": "teknologi", "type": "case"}))
    assert 'aria-current="page">Eksempler' in one_type
    assert 'name="fase" value="ny-praksis"' in one_type and 'name="tjenesteomrade" value="skole"' in one_type
    filtered = text(client.get("/sok/", {"q": "teknologi", "type": "case", "fase": "ny-praksis"}))
    assert cases[1].title in filtered and cases[0].title not in filtered
    assert "Fjern filteret Fase: Ny praksis" in filtered


def test_a_likely_typo_gets_did_you_mean(client, cases):
    page = text(client.get("/sok/", {"q": "sykehjmmet"}))
    assert 'Mente du <a class="ds-link" href="/sok/?q=sykehjemmet">sykehjemmet</a>?' in page


def test_nothing_found_explains_what_to_try(client, cases):
    page = text(client.get("/sok/", {"q": "romfartsprogram"}))
    assert "Vi fant ingenting for «romfartsprogram»." in page
    assert "Sjekk stavemåten" in page


def test_without_a_query_the_page_explains_the_search(client, home_page):
    page = text(client.get("/sok/"))
    assert "Skriv inn ett eller flere ord" in page and "treff for" not in page


def test_the_query_is_shown_escaped(client, cases):
    page = text(client.get("/sok/", {"q": '<script>alert("x")</script> sykehjem'}))
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; sykehjem" in page


def test_hostile_content_is_escaped_in_titles_and_snippets(client, add_case):
    add_case("<img src=x onerror=alert(1)> Tilsyn", 'Natt <script>alert(2)</script> tilsyn og "trygghet".')
    page = text(client.get("/sok/", {"q": "tilsyn"}))
    assert "<img src=x" not in page and "<script>alert(2)" not in page
    assert "&lt;img src=x onerror=alert(1)&gt; Tilsyn" in page


def test_a_failing_cluster_leaves_results_and_a_discreet_notice(client, cases, settings, caplog):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    settings.ELASTICSEARCH_TIMEOUT = 0.5
    response = client.get("/sok/", {"q": "sykehjem"})
    assert response.status_code == 200
    page = text(response)
    assert "1 treff for «sykehjem»" in page
    assert "Søket svarer fra en reserveløsning akkurat nå." in page
    assert "Elasticsearch failed" in caplog.text
    assert elastic.paused_for() > 0  # the next searches do not wait for the cluster


def test_a_page_past_the_end_shows_the_last_page(client, cases):
    page = text(client.get("/sok/", {"q": "teknologi", "side": "9"}))
    assert "2 treff for «teknologi»" in page and "Vi fant ingenting" not in page
    assert cases[0].title in page
