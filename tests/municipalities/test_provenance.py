"""Where figures come from, as the API and the pages name it: SSB's table and the file, never a server path."""

import pytest

from django.core.management import call_command

from innoplatform.municipalities.demography.provenance import dataset_source, source_names
from innoplatform.municipalities.demography.summaries import refresh_demographic_summaries
from innoplatform.municipalities.models import PopulationDataset

from .demography_helpers import load_population

pytestmark = pytest.mark.django_db

TITLE = '"07459: Befolkning, etter region, alder, statistikkvariabel og år"\n\n'


def test_import_records_the_file_name_only(tmp_path, client):
    folder = tmp_path / "srv" / "hemmelig"
    folder.mkdir(parents=True)
    path = folder / "Personer2024.csv"
    path.write_text(TITLE + '"region";"alder";"Personer 2024"\n"4003 Skien";"0 år";5\n', encoding="utf-8")
    call_command("import_ssb", str(path), stdout=open("/dev/null", "w"))  # noqa: SIM115
    dataset = PopulationDataset.objects.get()
    assert dataset.source == "Personer2024.csv"
    data = client.get("/api/kommuner/4003/profile").json()
    assert data["datasets"]["observed"]["source"] == "SSB-tabell 07459 (Personer2024.csv)"
    assert "hemmelig" not in client.get("/api/kommuner/4003/profile").content.decode()


@pytest.mark.parametrize(
    ("stored", "names"),
    [
        ("/srv/data/ssb/Personer2024.csv", ["Personer2024.csv"]),
        ("C:\\data\\a.json, /tmp/b.csv", ["a.json", "b.csv"]),
        (
            "https://data.ssb.no/api/pxwebapi/v2/tables/07459/data?lang=no",
            ["https://data.ssb.no/api/pxwebapi/v2/tables/07459/data?lang=no"],
        ),
        ("", []),
    ],
)
def test_stored_paths_from_before_are_shown_without_folders(stored, names):
    assert source_names(stored) == names


def test_demo_source_says_generated():
    dataset = PopulationDataset(table="07459", kind="observed", source="x.csv", is_demo=True, ssb_years=[2024])
    assert dataset_source(dataset) == "Generert demodata; 2024 fra SSB-tabell 07459 (x.csv)"
    dataset.ssb_years = []
    assert dataset_source(dataset) == "Generert demodata (x.csv)"


@pytest.mark.parametrize(("kommuner", "years"), [(3, 5), (40, 30)])
def test_api_query_count_is_constant(client, django_assert_max_num_queries, kommuner, years):
    from innoplatform.municipalities.factories import KommuneFactory

    numbers = [kommune.number for kommune in KommuneFactory.create_batch(kommuner)]
    load_population(numbers, years=range(2025 - years + 1, 2026), by_sex=True)
    refresh_demographic_summaries()
    with django_assert_max_num_queries(6):
        data = client.get(f"/api/kommuner/{numbers[0]}/profile").json()
    assert data["state"] == "both" and len(data["similar"]) == min(5, kommuner - 1)
