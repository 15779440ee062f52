"""Derived data on the shared cache: computed once, used until a source app changes, never stale after a write."""

import pytest

from django.core.cache import cache

from cases.factories import CaseIndexPageFactory, CasePageFactory
from cases.models import Dimension
from innoplatform.core import derived, generations
from innoplatform.core.vocabularies import Sector, ServiceArea
from innoplatform.municipalities.models import Kommune

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _derived_on(settings):
    settings.DERIVED_CACHE_SECONDS = 300
    cache.clear()


class Counter:
    def __init__(self, value="verdi"):
        self.calls = 0
        self.value = value

    def __call__(self):
        self.calls += 1
        return self.value


def test_computed_once_for_the_same_name_and_parts():
    compute = Counter()
    assert derived.remember("prøve", (1, "a"), ("cases",), compute) == "verdi"
    assert derived.remember("prøve", (1, "a"), ("cases",), compute) == "verdi"
    assert compute.calls == 1
    derived.remember("prøve", (2, "a"), ("cases",), compute)
    assert compute.calls == 2


def test_none_is_remembered_too():
    compute = Counter(value=None)
    derived.remember("prøve", (), ("cases",), compute)
    assert derived.remember("prøve", (), ("cases",), compute) is None
    assert compute.calls == 1


def test_a_write_in_a_source_app_computes_again_and_another_app_does_not():
    compute = Counter()
    derived.remember("prøve", (), ("cases",), compute)
    generations.invalidate("partners")
    derived.remember("prøve", (), ("cases",), compute)
    assert compute.calls == 1
    generations.invalidate("cases")
    derived.remember("prøve", (), ("cases",), compute)
    assert compute.calls == 2


def test_a_committed_orm_write_renews_its_apps_generation(django_capture_on_commit_callbacks):
    compute = Counter()
    derived.remember("prøve", (), ("municipalities",), compute)
    with django_capture_on_commit_callbacks(execute=True):
        kommune = Kommune.objects.order_by("pk").first()
        kommune.name = kommune.name + " "
        kommune.save()
    derived.remember("prøve", (), ("municipalities",), compute)
    assert compute.calls == 2


def test_a_value_computed_while_a_write_commits_is_not_used_after_it():
    calls = []

    def compute():
        calls.append(1)
        generations.invalidate("cases")  # the write commits while the value is being computed
        return "gammel"

    derived.remember("prøve", (), ("cases",), compute)
    derived.remember("prøve", (), ("cases",), compute)
    assert len(calls) == 2


def test_off_when_the_setting_is_zero(settings):
    settings.DERIVED_CACHE_SECONDS = 0
    compute = Counter()
    derived.remember("prøve", (), ("cases",), compute)
    derived.remember("prøve", (), ("cases",), compute)
    assert compute.calls == 2
    assert derived.fragment_seconds(("cases",)) == (0, "")


def test_an_unreachable_cache_computes_every_time(settings):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:9/0"}
    }
    compute = Counter()
    assert derived.remember("prøve", (), ("cases",), compute) == "verdi"
    assert derived.remember("prøve", (), ("cases",), compute) == "verdi"
    assert compute.calls == 2
    assert derived.fragment_seconds(("cases",)) == (0, "")


def test_the_fragment_version_follows_the_sources():
    seconds, first = derived.fragment_seconds(("cases", "municipalities"))
    assert seconds == 300
    assert derived.fragment_seconds(("cases", "municipalities"))[1] == first
    generations.invalidate("municipalities")
    assert derived.fragment_seconds(("cases", "municipalities"))[1] != first


@pytest.fixture
def library(home_page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        index = CaseIndexPageFactory(parent=home_page)
        index.save_revision().publish()
        CasePageFactory(
            parent=index,
            title="Frisklivssentral på nett",
            codes={Dimension.SECTOR: [Sector.KOMMUNE], Dimension.SERVICE_AREA: [ServiceArea.KULTUR]},
        )
    return index


def kultur_label(client, index) -> str:
    """The service-area option «Kultur» in the case index's facet list, as rendered."""
    html = client.get(index.url).content.decode()
    start = html.index('for="f-tjenesteomrade-kultur"')
    return html[start : html.index("</label>", start)]


def test_the_case_index_shows_a_new_case_in_its_counts_and_list(client, library, django_capture_on_commit_callbacks):
    assert "(1)" in kultur_label(client, library)
    with django_capture_on_commit_callbacks(execute=True):
        CasePageFactory(
            parent=library,
            title="Bibliotek som møteplass",
            codes={Dimension.SECTOR: [Sector.KOMMUNE], Dimension.SERVICE_AREA: [ServiceArea.KULTUR]},
        )
    assert "(2)" in kultur_label(client, library)
    assert "Bibliotek som møteplass" in client.get(library.url + "?tjenesteomrade=kultur").content.decode()


def test_the_case_index_drops_an_unpublished_case(client, library, django_capture_on_commit_callbacks):
    listed = client.get(library.url + "?tjenesteomrade=kultur").content.decode()
    assert "Frisklivssentral på nett" in listed
    assert "(1)" in kultur_label(client, library)
    case = library.get_children().get(title="Frisklivssentral på nett")
    with django_capture_on_commit_callbacks(execute=True):
        case.unpublish()
    listed = client.get(library.url + "?tjenesteomrade=kultur").content.decode()
    assert "Frisklivssentral på nett" not in listed
    assert 'for="f-tjenesteomrade-kultur"' not in client.get(library.url).content.decode()


def test_without_a_write_the_index_is_read_from_derived_data(client, library, django_assert_max_num_queries):
    client.get(library.url + "?tjenesteomrade=kultur")
    with django_assert_max_num_queries(12):  # the facet counts' GROUP BYs alone are eight
        client.get(library.url + "?tjenesteomrade=kultur")


def test_many_writes_in_one_transaction_renew_once(django_capture_on_commit_callbacks, monkeypatch):
    renewed = []
    monkeypatch.setattr(generations, "invalidate", lambda *apps: renewed.append(apps))
    with django_capture_on_commit_callbacks(execute=True):
        for kommune in Kommune.objects.order_by("pk")[:5]:
            kommune.save()
    assert len(renewed) == 1 and "municipalities" in renewed[0]  # the search index is written too


def test_bulk_tables_keep_djangos_fast_delete():
    from django.db.models.deletion import Collector

    from cases.models import CaseCode
    from innoplatform.municipalities.models import DemographicSummary, PopulationFigure

    collector = Collector(using="default")
    assert collector.can_fast_delete(PopulationFigure.objects.all())
    assert collector.can_fast_delete(DemographicSummary.objects.all())
    assert not collector.can_fast_delete(CaseCode.objects.all())  # a shown model: its deletes are signalled
