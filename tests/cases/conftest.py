"""Fixtures for the case library: the index page, kommuner in two fylker, and real demographic summaries."""

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


@pytest.fixture
def demography(kommuner):
    """Observed and projected figures for the four kommuner, summarised as an import would."""
    from innoplatform.municipalities.signals import population_imported
    from tests.municipalities.demography_helpers import load_population

    datasets = load_population([kommune.number for kommune in kommuner])
    population_imported.send(sender=None, datasets=list(datasets))
    return datasets
