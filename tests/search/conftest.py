"""Fixtures for the search: a case library to fill, and a way to add a published case in one line."""

import json

import pytest

from cases.factories import CaseIndexPageFactory, CasePageFactory
from cases.models import Dimension
from innoplatform.core.vocabularies import Phase


@pytest.fixture
def library(home_page):
    index = CaseIndexPageFactory(parent=home_page)
    index.save_revision().publish()
    return index


@pytest.fixture
def add_case(library):
    """add_case(title, summary, body="", phase=..., service_areas=[...], challenges=[...], kommuner=[...], year=...)."""

    def add(
        title, summary="", body="", *, phase=Phase.PILOTERING, service_areas=(), challenges=(), kommuner=(), year=2022
    ):
        codes = {Dimension.SERVICE_AREA: list(service_areas), Dimension.CHALLENGE: list(challenges)}
        case = CasePageFactory(
            parent=library,
            title=title,
            introduction=summary,
            body=json.dumps([{"type": "paragraph", "value": f"<p>{body}</p>"}]) if body else "[]",
            phase=phase,
            start_year=year,
            kommuner=list(kommuner),
            codes={key: value for key, value in codes.items() if value} or {Dimension.SECTOR: ["kommune"]},
        )
        case.save_revision().publish()
        return case

    return add
