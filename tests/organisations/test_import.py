"""`manage.py import_organisations`: Enhetsregisteret's JSON and CSV, the sector mapping, all or nothing."""

from io import StringIO
from pathlib import Path

import pytest

from django.core.management import CommandError, call_command

from innoplatform.organisations.factories import MembershipFactory, OrganisationFactory
from innoplatform.organisations.importer import readable_name, sector_for
from innoplatform.organisations.models import Organisation, OrganisationDomain

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data"


def run(path: Path) -> str:
    out = StringIO()
    call_command("import_organisations", str(path), stdout=out, stderr=StringIO())
    return out.getvalue()


def failing(path: Path) -> tuple[str, str]:
    err = StringIO()
    with pytest.raises(CommandError) as raised:
        call_command("import_organisations", str(path), stdout=StringIO(), stderr=err)
    return str(raised.value), err.getvalue()


def sectors() -> dict[str, str]:
    return dict(Organisation.objects.values_list("orgnr", "sector"))


def test_the_enheter_json_is_imported_with_sectors_seats_and_websites(kommuner):
    assert "6 nye og 0 oppdaterte" in run(DATA / "enheter.json")
    assert sectors() == {
        "938583986": "kommune",
        "821227062": "fylkeskommune",
        "971590653": "fou",
        "974762994": "stat",
        "920123457": "frivillig",
        "913456785": "naeringsliv",
    }
    skien = Organisation.objects.get(orgnr="938583986")
    assert (skien.name, skien.kommune.number, skien.website) == (
        "Skien kommune",
        "4003",
        "https://www.skien.kommune.no",
    )
    assert skien.slug == "skien-kommune" and skien.verified
    assert Organisation.objects.get(orgnr="971590653").name == "Universitetet i Sørøst-Norge"
    state = Organisation.objects.get(orgnr="974762994")
    assert state.kommune.number == "3905", "the postal address's kommune when there is no business address"
    assert Organisation.objects.get(orgnr="913456785").name == "Telemark Velferdsteknologi AS"


def test_a_plain_list_of_units_is_read_too(kommuner):
    run(DATA / "enheter-liste.json")
    assert sectors() == {"938583986": "kommune", "974762994": "stat"}


def test_the_semicolon_csv_download_is_read(kommuner):
    run(DATA / "enheter-semikolon.csv")
    assert sectors() == {"939991034": "kommune", "948007029": "fou", "997654323": "frivillig"}
    assert Organisation.objects.get(orgnr="948007029").kommune.number == "5001"
    assert Organisation.objects.get(orgnr="997654323").website == ""


def test_a_comma_separated_csv_is_detected(kommuner):
    run(DATA / "enheter-komma.csv")
    assert Organisation.objects.get(orgnr="913456785").name == "Telemark Velferdsteknologi, avd. Skien AS"
    assert sectors()["938583986"] == "kommune"


def test_an_update_by_number_keeps_what_the_register_does_not_know(kommuner):
    existing = OrganisationFactory(
        orgnr="938583986",
        name="Skien",
        slug="skien",
        sector="naeringsliv",
        description="Vår egen tekst",
        verified=False,
    )
    OrganisationDomain.objects.create(organisation=existing, domain="skien.kommune.no")
    membership = MembershipFactory(organisation=existing)
    output = run(DATA / "enheter-liste.json")
    assert "1 nye og 1 oppdaterte" in output
    existing.refresh_from_db()
    assert (existing.name, existing.sector, existing.kommune.number) == ("Skien kommune", "kommune", "4003")
    assert existing.slug == "skien" and existing.description == "Vår egen tekst" and not existing.verified
    assert existing.domains.count() == 1 and existing.memberships.get() == membership
    assert "0 nye og 0 oppdaterte organisasjoner; 2 uendret" in run(DATA / "enheter-liste.json")


def test_a_bad_file_reports_every_unit_with_its_number_and_field_and_writes_nothing(kommuner):
    OrganisationFactory(orgnr="939991034", name="Porsgrunn", slug="porsgrunn")
    before = list(Organisation.objects.values_list("orgnr", "name"))
    summary, report = failing(DATA / "enheter-med-feil.csv")
    assert summary == f"Ingenting er importert: 9 feil i {DATA / 'enheter-med-feil.csv'}."
    lines = report.splitlines()
    expected = [
        "Linje 3: organisasjonsnummer «938583987» er ikke et gyldig organisasjonsnummer",
        "Linje 4: forretningsadresse.kommunenummer «9999» er ikke en kommune i registeret.",
        "Linje 5: navn mangler.",
        "Linje 6: organisasjonsnummer mangler.",
        "Linje 7: organisasjonsnummer 939991034 står også i linje 2.",
        "Linje 8: organisasjonsform.kode mangler.",
        "Linje 9: hjemmeside «https://ikke en adresse» er ikke en nettadresse.",
        "Linje 10: forretningsadresse.kommunenummer mangler; en kommune må ha kommunenummeret sitt.",
        "Linje 11: organisasjonsnummer «12345» er ikke et gyldig organisasjonsnummer",
    ]
    for start in expected:
        assert any(line.startswith(start) for line in lines), (start, lines)
    assert not any(line.startswith("Linje 2:") for line in lines)
    assert list(Organisation.objects.values_list("orgnr", "name")) == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "Filen er tom."),
        ("{ ikke json", "Filen er ikke gyldig JSON"),
        ('{"_embedded": {"andre": []}}', "Fant ingen enheter"),
        ('[1, {"navn": "X"}, "tekst"]', "Enhet 1: enheten er ikke et JSON-objekt.\nEnhet 3: enheten er ikke"),
        ("[" * 100_000, "nestet for dypt"),
        ("a;b;c\n1;2;3\n", "Fant ikke kolonnene fra Enhetsregisteret"),
        ('"Organisasjonsnummer";"Navn"\n"938583986";"SKIEN";"ekstra"\n', "Linje 2: 3 felt, men overskriften har 2."),
    ],
)
def test_a_file_that_is_not_the_registers_is_refused_with_a_reason(tmp_path, kommuner, content, message):
    path = tmp_path / "fil"
    path.write_text(content, encoding="utf-8")
    _summary, report = failing(path)
    assert message in report
    assert not Organisation.objects.exists()


def test_a_file_that_is_not_utf8_is_refused(tmp_path, kommuner):
    path = tmp_path / "latin1.csv"
    path.write_bytes('"Organisasjonsnummer";"Navn"\n"938583986";"TØNSBERG"\n'.encode("latin-1"))
    assert "ikke UTF-8" in failing(path)[1]


def test_a_missing_file_is_a_command_error(tmp_path):
    with pytest.raises(CommandError, match="Kan ikke lese"):
        call_command("import_organisations", str(tmp_path / "finnes-ikke.json"))


def test_a_utf8_bom_and_kommunenummer_without_leading_zero_are_read(tmp_path, kommuner):
    path = tmp_path / "oslo.csv"
    path.write_text(
        "\ufeffOrganisasjonsnummer;Navn;Organisasjonsform.kode;Forretningsadresse.kommunenummer\n"
        "974760673;BRØNNØYSUNDREGISTRENE;ORGL;301\n",
        encoding="utf-8",
    )
    run(path)
    assert Organisation.objects.get().kommune.number == "0301"


@pytest.mark.parametrize(
    ("form", "sector_code", "industry", "sector"),
    [
        ("KOMM", "6500", "84.110", "kommune"),
        ("FYLK", "6500", "84.110", "fylkeskommune"),
        ("STAT", "6100", "84.110", "stat"),
        ("ORGL", "6100", "84.110", "stat"),
        ("SF", "1120", "49.100", "stat"),
        ("FLI", "7000", "94.991", "frivillig"),
        ("STI", "7000", "90.040", "frivillig"),
        ("FORENING", "7000", "", "frivillig"),
        ("ORGL", "6100", "85.422", "fou"),
        ("STI", "7000", "72.190", "fou"),
        ("AS", "2100", "72.110", "fou"),
        ("AS", "2100", "85.410", "fou"),
        ("AS", "2100", "85.200", "naeringsliv"),
        ("AS", "2100", "62.010", "naeringsliv"),
        ("ENK", "8200", "", "naeringsliv"),
        ("KOMM", "6500", "72.190", "kommune"),
    ],
)
def test_sector_mapping(form, sector_code, industry, sector):
    assert sector_for(form, sector_code, industry) == sector


@pytest.mark.parametrize(
    ("register", "shown"),
    [
        ("SKIEN KOMMUNE", "Skien kommune"),
        ("UNIVERSITETET I SØRØST-NORGE", "Universitetet i Sørøst-Norge"),
        ("TELEMARK VELFERDSTEKNOLOGI AS", "Telemark Velferdsteknologi AS"),
        ("Stiftelsen SINTEF", "Stiftelsen SINTEF"),
    ],
)
def test_names_in_capitals_are_written_as_people_write_them(register, shown):
    assert readable_name(register) == shown
