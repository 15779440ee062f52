"""The case page's foot and the kommune page's sections kept as derived data: shown again at once after a change."""

import pytest

from django.core.cache import cache

from cases.factories import CasePageFactory
from cases.models import CaseReuse, Dimension
from innoplatform.municipalities.signals import population_imported
from tests.municipalities.demography_helpers import load_population

pytestmark = pytest.mark.django_db

CODES = {Dimension.SERVICE_AREA: ["skole"], Dimension.CHALLENGE: ["faerre-barn"]}


@pytest.fixture(autouse=True)
def _derived_on(settings):
    settings.DERIVED_CACHE_SECONDS = 300
    cache.clear()


def test_a_new_related_case_appears_on_the_case_page(client, case_index, kommuner, django_capture_on_commit_callbacks):
    case = CasePageFactory(parent=case_index, title="Hovedeksempel", kommuner=[kommuner[0]], codes=CODES)
    assert "Samme utfordring" not in client.get(case.url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        CasePageFactory(parent=case_index, title="Samme utfordring", kommuner=[kommuner[1]], codes=CODES)
    assert "Samme utfordring" in client.get(case.url).content.decode()


def test_the_case_page_foot_is_not_computed_while_nothing_changes(client, case_index, kommuner):
    case = CasePageFactory(parent=case_index, title="Hovedeksempel", kommuner=[kommuner[0]], codes=CODES)
    CasePageFactory(parent=case_index, title="Samme utfordring", kommuner=[kommuner[1]], codes=CODES)
    first = client.get(case.url)
    assert "Samme utfordring" in first.content.decode()
    second = client.get(case.url)
    assert second.content == first.content
    assert "links" in second.context and "related_cases" not in second.context["links"].__dict__


def test_the_kommune_page_shows_a_new_case_and_a_new_reuse(
    client, case_index, kommuner, demography, django_capture_on_commit_callbacks
):
    nordby, fjellvik = kommuner[0], kommuner[1]
    assert "Skolehage i Nordby" not in client.get(nordby.get_absolute_url()).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        CasePageFactory(parent=case_index, title="Skolehage i Nordby", kommuner=[nordby])
        borrowed = CasePageFactory(parent=case_index, title="Lånt fra Fjellvik", kommuner=[fjellvik])
    html = client.get(nordby.get_absolute_url()).content.decode()
    assert "Skolehage i Nordby" in html and "Lånt fra Fjellvik" not in html
    with django_capture_on_commit_callbacks(execute=True):
        CaseReuse.objects.create(page=borrowed, kommune=nordby)
    assert "Lånt fra Fjellvik" in client.get(nordby.get_absolute_url()).content.decode()


def test_the_kommune_profile_follows_a_new_import(client, kommuner, django_capture_on_commit_callbacks):
    nordby = kommuner[0]
    html = client.get(nordby.get_absolute_url()).content.decode()
    assert "Det er ikke importert befolkningstall for Nordby ennå." in html
    with django_capture_on_commit_callbacks(execute=True):
        datasets = load_population([kommune.number for kommune in kommuner])
        population_imported.send(sender=None, datasets=list(datasets))
    html = client.get(nordby.get_absolute_url()).content.decode()
    assert "Det er ikke importert befolkningstall for Nordby ennå." not in html
    assert 'id="befolkning"' in html


def test_a_new_reuse_appears_on_the_case_page(client, case_index, kommuner, django_capture_on_commit_callbacks):
    case = CasePageFactory(parent=case_index, title="Hovedeksempel", kommuner=[kommuner[0]], codes=CODES)
    assert "Ingen kommuner har markert at de har tatt dette i bruk ennå." in client.get(case.url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        CaseReuse.objects.create(page=case, kommune=kommuner[1])
    html = client.get(case.url).content.decode()
    assert "Ingen kommuner har markert" not in html and f">{kommuner[1].name}</a>" in html
