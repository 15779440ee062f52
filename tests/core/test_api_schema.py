"""The OpenAPI schema describes every JSON endpoint, and the endpoints keep to it (schemathesis).

Schemathesis calls the site's WSGI application in-process with values drawn
from the schema, valid and invalid, and checks each answer: no server error,
a documented status code and content type, and a body that matches the schema.
"""

import re

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections

from cases.factories import CaseIndexPageFactory, CasePageFactory
from cases.models import Dimension
from courses.library import ensure_course_index
from innoplatform.core.site_setup import ensure_home_page
from innoplatform.municipalities.factories import FylkeFactory, KommuneFactory
from innoplatform.municipalities.models import PopulationDataset
from innoplatform.municipalities.signals import population_imported
from tests.courses.conftest import small_course
from tests.municipalities.demography_helpers import load_population

EXAMPLES_PER_OPERATION = 40


@pytest.fixture
def api_data(db):
    """A library with cases from two kommuner, and population figures with three alternatives for Skien,
    so lists, facets, details and profiles have something to show."""
    home = ensure_home_page()
    index = CaseIndexPageFactory(parent=home)
    index.save_revision().publish()
    fylke = FylkeFactory(number="91", name="Nordfylke")
    kommuner = [KommuneFactory(number="9101", name="Nordby", fylke=fylke), KommuneFactory(number="9102", fylke=fylke)]
    for n, kommune in enumerate(kommuner):
        case = CasePageFactory(
            parent=index,
            slug=f"eksempel-{n}",
            kommuner=[kommune],
            codes={Dimension.SERVICE_AREA: ["skole"], Dimension.SECTOR: ["kommune"], Dimension.CHALLENGE: ["aldring"]},
        )
        case.partners.create(name="Høgskolen", sector="fou")
        case.funding.create(source="Skjønnsmidler", amount_nok=None if n else 250_000)
        case.result_figures.create(value=12.5, unit="timer", label="spart per uke")
        case.save()
    _observed, projection = load_population(["4003", "9101"])
    for alternative in ("HHMH", "LLML"):
        projection.pk, projection.alternative = None, alternative
        projection.save()
    population_imported.send(sender=None, datasets=list(PopulationDataset.objects.all()))
    small_course(ensure_course_index())


@pytest.fixture
def api_schema(api_data):
    """The schema, read through the WSGI application as every call will be.

    Like Django's test client, keep the request signals from closing the database connection, which
    holds the test's transaction (on PostgreSQL a closed connection would lose it).
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/schema/?format=json", get_wsgi_application())
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_every_endpoint_keeps_to_its_schema(case):
    case.call_and_validate()


def test_the_schema_documents_the_platforms_endpoints_only(client, db):
    paths = client.get("/api/schema/?format=json").json()["paths"]
    expected = {"/api/cases/", "/api/cases/{slug}/", "/api/cases/eksport.csv", "/api/kommuner/{number}/profile"}
    assert expected | {"/api/kurs/", "/api/kurs/{slug}/"} <= set(paths)
    assert not [path for path in paths if not path.startswith("/api/")]


def test_the_documentation_page_lists_each_endpoint_in_norwegian(client, db):
    html = client.get("/api/").content.decode()
    assert "API for utviklere" in html
    assert "<code>GET /api/cases/</code>" in html and "Eksempler, filtrert" in html
    assert "<code>utfordring</code>" in html and "befolkningsnedgang" in html
    assert 'href="/api/schema/?format=json"' in html
    assert re.findall(r"<script[^>]*>", html) == [
        '<script src="/static/js/search-suggest.js" defer>'
    ]  # only the header's
