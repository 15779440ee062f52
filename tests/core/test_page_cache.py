"""The whole-page cache for anonymous visitors: what it serves, to whom, and when it lets go of a page."""

import pytest

from django.http import HttpResponse
from django.urls import reverse

from cases.factories import CaseIndexPageFactory, CasePageFactory
from innoplatform.accounts.factories import UserFactory
from innoplatform.core.generations import invalidate
from innoplatform.core.page_cache import HIT_HEADER, AnonymousPageCacheMiddleware
from partners.factories import publish_post
from tests.partners.conftest import organisation_with_member

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300


@pytest.fixture
def case(home_page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        index = CaseIndexPageFactory(parent=home_page)
        index.save_revision().publish()
        return CasePageFactory(parent=index, title="Digitalt tilsyn om natta")


def fetch(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, url
    return response


def test_second_anonymous_visit_is_served_from_the_cache(client, case):
    first = fetch(client, case.url)
    second = fetch(client, case.url)
    assert first[HIT_HEADER] == "miss"
    assert second[HIT_HEADER] == "hit"
    assert second.content == first.content
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert "Digitalt tilsyn om natta" in second.content.decode()


def test_publishing_a_change_is_shown_at_once(client, case, django_capture_on_commit_callbacks):
    fetch(client, case.url)
    with django_capture_on_commit_callbacks(execute=True):
        case.title = "Digitalt tilsyn om natta i hele kommunen"
        case.save_revision().publish()
    response = fetch(client, case.url)
    assert response[HIT_HEADER] == "miss"
    assert "Digitalt tilsyn om natta i hele kommunen" in response.content.decode()


def test_a_change_to_another_page_also_empties_the_index(client, case, django_capture_on_commit_callbacks):
    index_url = case.get_parent().url
    assert "Digitalt tilsyn om natta" in fetch(client, index_url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        CasePageFactory(parent=case.get_parent().specific, title="Frisklivssentral på nett")
    assert "Frisklivssentral på nett" in fetch(client, index_url).content.decode()


def test_unpublished_and_deleted_pages_are_not_served(client, case, django_capture_on_commit_callbacks):
    url = case.url
    fetch(client, url)
    with django_capture_on_commit_callbacks(execute=True):
        case.unpublish()
    assert client.get(url).status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        case.save_revision().publish()
    fetch(client, url)
    with django_capture_on_commit_callbacks(execute=True):
        case.delete()
    assert client.get(url).status_code == 404


def test_a_closed_partner_post_leaves_the_list(client, django_capture_on_commit_callbacks):
    organisation, _member = organisation_with_member("Skien kommune", "kommune", "4003")
    with django_capture_on_commit_callbacks(execute=True):
        post = publish_post(organisation, "need", "Frivillige leksehjelpere søkes", "Vi søker frivillige.")
    list_url = reverse("partners:list")
    assert "Frivillige leksehjelpere søkes" in fetch(client, list_url).content.decode()
    assert fetch(client, list_url)[HIT_HEADER] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        post.status = "closed"
        post.save()
    assert "Frivillige leksehjelpere søkes" not in fetch(client, list_url).content.decode()


def test_signed_in_visitors_get_their_own_page_and_never_fill_the_cache(client, case):
    fetch(client, case.url)  # stored for anonymous visitors
    client.force_login(UserFactory())
    own = fetch(client, case.url)
    assert HIT_HEADER not in own
    assert "Logg ut" in own.content.decode()
    client.logout()
    anonymous = fetch(client, case.url)
    assert "Logg ut" not in anonymous.content.decode()
    assert "Logg inn" in anonymous.content.decode()


def test_a_page_rendered_for_a_signed_in_visitor_is_not_stored(client, case):
    client.force_login(UserFactory())
    fetch(client, case.url)
    client.logout()
    assert fetch(client, case.url)[HIT_HEADER] == "miss"


def test_each_language_has_its_own_entry(client, case):
    fetch(client, case.url)
    client.cookies["django_language"] = "en"
    english = fetch(client, case.url)
    assert english[HIT_HEADER] == "miss"
    assert english["Content-Language"] == "en"
    assert 'lang="en"' in english.content.decode()


def test_a_pending_message_is_shown_not_skipped(client, case):
    fetch(client, case.url)
    client.cookies["messages"] = "pending"
    assert HIT_HEADER not in fetch(client, case.url)


def test_each_query_string_has_its_own_entry(client, case):
    index_url = case.get_parent().url
    fetch(client, index_url)
    filtered = fetch(client, f"{index_url}?q=ingen-treff-her")
    assert filtered[HIT_HEADER] == "miss"
    assert "Digitalt tilsyn om natta" not in filtered.content.decode()


def _middleware_around(view):
    calls = []

    def get_response(request):
        calls.append(request.path)
        return view(request)

    return AnonymousPageCacheMiddleware(get_response), calls


@pytest.mark.parametrize(
    "spoil",
    [
        pytest.param(lambda response: response.set_cookie("csrftoken", "token-of-one-visitor"), id="sets-a-cookie"),
        pytest.param(lambda response: response.__setitem__("Cache-Control", "private"), id="private"),
        pytest.param(lambda response: response.__setitem__("Cache-Control", "no-store"), id="no-store"),
        pytest.param(lambda response: response.__setitem__("Vary", "Cookie, Authorization"), id="varies-more"),
        pytest.param(
            lambda response: response.__setitem__("Content-Security-Policy", "script-src 'nonce-abc'"),
            id="csp-nonce",
        ),
        pytest.param(lambda response: setattr(response, "status_code", 404), id="not-found"),
    ],
)
def test_a_response_meant_for_one_visitor_is_never_stored(rf, spoil):
    def view(request):
        response = HttpResponse("<p>Side</p>")
        spoil(response)
        return response

    middleware, calls = _middleware_around(view)
    for _ in range(2):
        response = middleware(rf.get("/casebibliotek/"))
        assert HIT_HEADER not in response
    assert calls == ["/casebibliotek/", "/casebibliotek/"]


def test_a_plain_response_is_stored_once(rf):
    middleware, calls = _middleware_around(lambda request: HttpResponse("<p>Side</p>"))
    assert middleware(rf.get("/casebibliotek/"))[HIT_HEADER] == "miss"
    assert middleware(rf.get("/casebibliotek/"))[HIT_HEADER] == "hit"
    assert calls == ["/casebibliotek/"]


@pytest.mark.parametrize("path", ["/konto/profil/", "/api/cases/", "/admin/", "/i18n/setlang/"])
def test_accounts_api_and_admin_are_never_stored(rf, path):
    middleware, calls = _middleware_around(lambda request: HttpResponse("<p>Side</p>"))
    middleware(rf.get(path))
    middleware(rf.get(path))
    assert calls == [path, path]


def test_the_generation_is_read_before_the_page_is_rendered(rf):
    """A page rendered while a write commits holds the old content: it must land under the old generation."""

    def view(request):
        invalidate()  # the write commits while this page is being rendered
        return HttpResponse("<p>Gammelt innhold</p>")

    middleware, calls = _middleware_around(view)
    middleware(rf.get("/casebibliotek/"))
    middleware(rf.get("/casebibliotek/"))
    assert calls == ["/casebibliotek/", "/casebibliotek/"]


def test_invalidate_starts_a_new_generation(client, case):
    fetch(client, case.url)
    invalidate()
    assert fetch(client, case.url)[HIT_HEADER] == "miss"


def test_off_when_the_setting_is_zero(client, case, settings):
    settings.PAGE_CACHE_SECONDS = 0
    fetch(client, case.url)
    assert HIT_HEADER not in fetch(client, case.url)


def test_an_unreachable_cache_lets_the_page_through_and_the_write_stand(rf, settings):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:9/0"}
    }
    middleware, calls = _middleware_around(lambda request: HttpResponse("<p>Side</p>"))
    response = middleware(rf.get("/casebibliotek/"))
    assert response.content == b"<p>Side</p>"
    assert HIT_HEADER not in response
    assert calls == ["/casebibliotek/"]
    invalidate()  # after a commit: logs, does not raise
