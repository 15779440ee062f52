"""The kommune registry: 357 kommuner in 15 fylker, matching SSB's 2024 population table."""

import csv
import io
import re

import pytest

from innoplatform.municipalities.models import Fylke, Kommune
from innoplatform.municipalities.registry import load_registry, read_kommuner
from tests.ssb_data import SSB_DATA_DIR

pytestmark = pytest.mark.django_db

SSB_PERSONER_2024 = SSB_DATA_DIR / "csdata" / "Personer2024.csv"


def test_migration_loaded_every_kommune_and_fylke():
    assert Kommune.objects.count() == 357
    assert Fylke.objects.count() == 15
    oslo = Kommune.objects.get(number="0301")
    assert (oslo.name, oslo.fylke.name) == ("Oslo", "Oslo")
    assert Kommune.objects.get(number="3201").slug == "baerum"


def test_every_kommune_sits_in_the_fylke_its_number_names():
    for kommune in Kommune.objects.select_related("fylke"):
        assert kommune.number[:2] == kommune.fylke.number


def test_reloading_the_registry_updates_without_duplicates():
    Kommune.objects.filter(number="4003").update(name="Feil navn")
    assert load_registry(Fylke, Kommune) == (15, 357)
    assert Kommune.objects.count() == 357
    assert Kommune.objects.get(number="4003").name == "Skien"


@pytest.mark.skipif(not SSB_PERSONER_2024.exists(), reason="SSB file Personer2024.csv is not available")
def test_registry_matches_ssb_population_table_2024():
    text = SSB_PERSONER_2024.read_bytes().decode("latin-1")
    rows = csv.reader(io.StringIO(text.split("\n", 2)[2]), delimiter=";")
    next(rows)  # header
    ssb = {}
    for row in rows:
        match = re.fullmatch(r"K-(\d{4}) (.+)", row[0]) if row else None
        if match:
            ssb[match.group(1)] = match.group(2)
    assert len(ssb) == 357
    assert {row.number: row.name for row in read_kommuner()} == ssb
