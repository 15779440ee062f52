"""The importer reads each SSB format from small hand-made files in SSB's own shape."""

from io import StringIO
from pathlib import Path

import pytest

from django.core.management import call_command
from django.db.models import Sum

from innoplatform.municipalities.models import PopulationDataset, PopulationFigure

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data"


def run(*args: str) -> str:
    out = StringIO()
    call_command("import_ssb", *args, stdout=out)
    return out.getvalue()


def total(**filters) -> int:
    return PopulationFigure.objects.filter(**filters).aggregate(s=Sum("value"))["s"]


def test_jsonstat2_v2_response_by_sex_with_missing_value():
    output = run(str(DATA / "jsonstat2_v2_07459.json"))
    dataset = PopulationDataset.objects.get(table="07459", alternative="")
    assert dataset.kind == PopulationDataset.Kind.OBSERVED
    assert set(dataset.figures.values_list("region_code", flat=True)) == {"4003", "4001"}
    # Skien: 2 sexes × 3 ages × 2 years = 12 cells, one of them null.
    assert dataset.figures.filter(region_code="4003").count() == 11
    assert total(region_code="4003") == sum(10 + i for i in range(12)) - 15
    top = dataset.figures.get(region_code="4003", sex="K", year=2024, age_from=105)
    assert (top.age_to, top.value) == (None, 21)
    assert "3001" in output
    assert "Svalbard" in output
    assert "1 verdier manglet" in output


def test_jsonstat2_v0_projection_with_alternatives_in_contents():
    run(str(DATA / "jsonstat2_v0_14288.json"))
    datasets = {d.alternative: d for d in PopulationDataset.objects.filter(table="14288")}
    assert set(datasets) == {"MMMM", "LLML", "HHMH"}
    assert all(d.base_year == 2024 and d.kind == PopulationDataset.Kind.PROJECTED for d in datasets.values())
    mmmm = datasets["MMMM"].figures
    assert set(mmmm.values_list("region_code", flat=True)) == {"4003", "40", "0"}
    group = mmmm.get(region_code="4003", age_from=1, year=2024)
    assert (group.age_to, group.value) == (5, 700)


def test_alternative_option_imports_only_that_alternative():
    run(str(DATA / "jsonstat2_v0_14288.json"), "--alternative", "mmmm")
    assert list(PopulationDataset.objects.values_list("alternative", flat=True)) == ["MMMM"]


def test_statbank_csv_latin1_english_with_symbols_and_special_rows():
    output = run(str(DATA / "statbank_07459_en_latin1.csv"))
    assert total(region_code="4003") == 751
    assert total(region_code="4014") == 58
    assert PopulationFigure.objects.filter(region_code="4014", age_from=1).count() == 0
    assert PopulationFigure.objects.get(region_code="4003", sex="M", age_from=0).value == 250
    assert "3 verdier manglet" in output
    assert "Svalbard and Jan Mayen" in output
    assert "Rest" in output


def test_statbank_csv_utf8_norwegian_fylke_country_and_historical_codes():
    output = run(str(DATA / "statbank_07459_no_utf8.csv"))
    assert total(region_code="40", year=2024) == 1590
    assert total(region_code="0", year=2023) == 51000
    assert total(region_code="4003", year=2023, sex="K") == 240
    assert not PopulationFigure.objects.filter(region_code="3806").exists()
    assert "1 historiske regioner" in output
    assert "3806" in output


def test_statbank_csv_projection_with_alternatives_in_headings():
    run(str(DATA / "statbank_14288_no_utf8.csv"))
    mmmm = PopulationDataset.objects.get(table="14288", alternative="MMMM")
    llml = PopulationDataset.objects.get(table="14288", alternative="LLML")
    assert mmmm.figures.count() == 6
    assert llml.figures.get(sex="M", age_from=90).value == 450
    assert llml.figures.get(sex="M", age_from=90).age_to is None


def test_tidy_csv_with_names():
    run(str(DATA / "tidy_14746_names.csv"))
    mmmm = PopulationDataset.objects.get(table="14746", alternative="MMMM")
    assert mmmm.base_year == 2026
    assert set(mmmm.figures.values_list("region_code", flat=True)) == {"4003", "40", "0", "5001"}
    assert mmmm.figures.get(region_code="4003", age_from=1).age_to == 5
    assert PopulationDataset.objects.get(table="14746", alternative="HHMH").figures.get().value == 570


def test_tidy_csv_with_codes_needs_and_takes_table_option():
    with pytest.raises(Exception, match="--table"):
        run(str(DATA / "tidy_07459_codes.csv"))
    output = run(str(DATA / "tidy_07459_codes.csv"), "--table", "07459")
    assert total(region_code="4003") == 490
    assert set(PopulationFigure.objects.values_list("region_code", flat=True)) == {"4003", "40", "0"}
    assert "1 verdier manglet" in output


def test_dry_run_writes_nothing():
    output = run(str(DATA / "statbank_07459_en_latin1.csv"), "--dry-run")
    assert "Tørrkjøring" in output
    assert not PopulationDataset.objects.exists()


def test_reimport_is_idempotent_and_keeps_other_years():
    run(str(DATA / "statbank_07459_no_utf8.csv"))
    first = sorted(PopulationFigure.objects.values_list("region_code", "year", "sex", "age_from", "age_to", "value"))
    run(str(DATA / "statbank_07459_no_utf8.csv"))
    assert (
        sorted(PopulationFigure.objects.values_list("region_code", "year", "sex", "age_from", "age_to", "value"))
        == first
    )
    assert PopulationDataset.objects.count() == 1
    run(str(DATA / "jsonstat2_v2_07459.json"))
    # The JSON file covers 2023-2024 for Skien and Porsgrunn: Telemark's rows are untouched.
    assert total(region_code="40", year=2024) == 1590


def test_signal_is_sent_with_the_datasets():
    from innoplatform.municipalities.signals import population_imported

    received = []

    def receiver(sender, datasets, **kwargs):
        received.append(sorted(str(d) for d in datasets))

    population_imported.connect(receiver)
    try:
        run(str(DATA / "jsonstat2_v0_14288.json"))
    finally:
        population_imported.disconnect(receiver)
    assert received == [["14288 HHMH", "14288 LLML", "14288 MMMM"]]


def test_real_import_replaces_a_demo_dataset_whole():
    """No generated figure may remain in a dataset once real figures have been imported into it."""
    demo = PopulationDataset.objects.create(
        table="07459", kind=PopulationDataset.Kind.OBSERVED, source="Demodata", is_demo=True
    )
    PopulationFigure.objects.create(dataset=demo, region_code="0301", year=2024, age_from=0, age_to=0, value=999)
    run(str(DATA / "jsonstat2_v2_07459.json"))
    dataset = PopulationDataset.objects.get(table="07459", alternative="")
    assert not dataset.is_demo
    assert not dataset.figures.filter(region_code="0301").exists()
    assert set(dataset.figures.values_list("region_code", flat=True)) == {"4003", "4001"}
