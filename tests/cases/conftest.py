"""Fixtures for the case library: the index page and kommuner in two fylker."""

import pytest

from cases.factories import CaseIndexPageFactory
from innoplatform.municipalities.factories import FylkeFactory, KommuneFactory


@pytest.fixture
def case_index(home_page):
    index = CaseIndexPageFactory(parent=home_page)
    index.save_revision().publish()
    return index


@pytest.fixture
def fylker(db):
    return [FylkeFactory(number="91", name="Nordfylke"), FylkeFactory(number="92", name="Sørfylke")]


@pytest.fixture
def kommuner(fylker):
    """Four kommuner: 9101 and 9102 in Nordfylke, 9201 and 9202 in Sørfylke."""
    return [
        KommuneFactory(number="9101", name="Nordby", fylke=fylker[0]),
        KommuneFactory(number="9102", name="Fjellvik", fylke=fylker[0]),
        KommuneFactory(number="9201", name="Sørvåg", fylke=fylker[1]),
        KommuneFactory(number="9202", name="Dalen", fylke=fylker[1]),
    ]


@pytest.fixture(autouse=True)
def _no_demography(monkeypatch):
    """Without population figures the kommune profile has no derived challenges or similar kommuner."""
    from innoplatform.municipalities import public

    monkeypatch.setattr(public, "kommune_challenges", lambda kommune: [])
    monkeypatch.setattr(public, "similar_kommuner", lambda kommune, limit=5: [])
