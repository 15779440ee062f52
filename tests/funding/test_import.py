"""`import_grants`: a good file creates grants, re-import updates by (year, office, kommune, title) and leaves
unchanged rows alone, and every kind of bad row or file is rejected with its line and field and nothing written."""

import codecs
from io import StringIO
from pathlib import Path

import pytest

from django.core.management import CommandError, call_command
from django.utils import timezone

from funding import importer
from funding.factories import ApplicationFactory
from funding.importer import GrantImportError, import_grants, parse_csv
from funding.models import Allocation, Application, ApplicationCode, ApplicationPartner
from innoplatform.municipalities.models import Kommune
from innoplatform.organisations.factories import OrganisationFactory
from search.models import SearchDocument

pytestmark = pytest.mark.django_db

HEADER = "year,office,kommune,co_kommuner,title,partners,amount_nok"
GOOD = (
    "2022,innlandet,3401,3416 3415,Felles legevakt med videokonsultasjon,Sykehuset Innlandet;Kongsvinger frivilligsentral,"
    '"450 000"'
)
SECOND = "2023,vestland,4621,,Velferdsteknologi i heimetenesta,Høgskulen på Vestlandet,1200000"
SAMPLE = Path(__file__).resolve().parents[2] / "funding" / "data" / "historical_grants.csv"


def csv_text(*rows: str, header: str = HEADER) -> str:
    return "\n".join([header, *rows]) + "\n"


def write(tmp_path, text: str | bytes) -> str:
    path = tmp_path / "tildelinger.csv"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return str(path)


def run(path: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("import_grants", path, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def counts() -> tuple[int, int, int]:
    return (Application.objects.count(), Allocation.objects.count(), ApplicationPartner.objects.count())


def rejected(tmp_path, text: str | bytes) -> str:
    """Import a bad file through the command; return its error output, after checking that nothing was written."""
    before = counts()
    with pytest.raises(CommandError, match="Ingenting er importert"):
        run(write(tmp_path, text))
    assert counts() == before
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import_grants", write(tmp_path, text), stdout=StringIO(), stderr=err)
    return err.getvalue()


@pytest.fixture
def existing_grant():
    """One imported grant already there, so that a rejected file is seen to leave it alone too."""
    import_grants(csv_text(SECOND))
    return Application.objects.get()


# A good file


def test_a_good_file_creates_closed_public_grants_with_allocation_partners_and_co_kommuner(tmp_path):
    registered = OrganisationFactory(name="Sykehuset Innlandet", sector="stat")
    out, err = run(write(tmp_path, csv_text(GOOD, SECOND)))
    assert "2 nye og 0 oppdaterte tildelinger. Uendret: 0." in out and not err
    grant = Application.objects.get(lead_kommune__number="3401")
    assert (grant.imported, grant.call, grant.status, grant.office, grant.year) == (
        True,
        None,
        Application.Status.CLOSED,
        "innlandet",
        2022,
    )
    assert grant.title == "Felles legevakt med videokonsultasjon"
    assert grant.is_public
    assert grant.allocation.amount_nok == 450_000
    assert grant.allocation.decided_at.year == 2022 and "Statsforvalteren i Innlandet" in grant.allocation.reason
    assert sorted(k.number for k in grant.co_kommuner.all()) == ["3415", "3416"]
    partners = list(grant.partners.all())
    assert [(p.name, p.organisation) for p in partners] == [
        ("Sykehuset Innlandet", registered),
        ("Kongsvinger frivilligsentral", None),
    ]
    assert Application.objects.get(lead_kommune__number="4621").allocation.amount_nok == 1_200_000


def test_a_partner_name_two_organisations_share_is_not_linked():
    OrganisationFactory(name="Sykehuset Innlandet", slug="sykehuset-innlandet-hamar")
    OrganisationFactory(name="Sykehuset Innlandet", slug="sykehuset-innlandet-gjovik")
    import_grants(csv_text(GOOD))
    assert ApplicationPartner.objects.get(name="Sykehuset Innlandet").organisation is None


def test_a_byte_order_mark_and_windows_line_ends_are_accepted(tmp_path):
    text = codecs.BOM_UTF8 + csv_text(GOOD, SECOND).replace("\n", "\r\n").encode("utf-8")
    out, _err = run(write(tmp_path, text))
    assert "2 nye" in out


@pytest.mark.parametrize("amount", ["450000", "450 000", "450\u00a0000", "450\u2009000", "450\u202f000"])
def test_thousands_may_be_separated_by_spaces(amount):
    import_grants(csv_text(GOOD.replace('"450 000"', f'"{amount}"')))
    assert Allocation.objects.get().amount_nok == 450_000


def test_optional_columns_set_summary_phase_service_areas_and_challenges():
    header = HEADER + ",summary,tjenesteomrader,utfordringer,fase"
    import_grants(
        csv_text(GOOD + ",Legen deltar på video.,helse-og-omsorg,aldring befolkningsnedgang,pilotering", header=header)
    )
    grant = Application.objects.get()
    assert (grant.summary, grant.phase) == ("Legen deltar på video.", "pilotering")
    assert sorted(grant.codes.values_list("dimension", "code")) == [
        ("challenge", "aldring"),
        ("challenge", "befolkningsnedgang"),
        ("service_area", "helse-og-omsorg"),
    ]


def test_the_sample_file_imports_and_every_kommune_lies_in_its_office():
    result = import_grants(SAMPLE.read_text(encoding="utf-8"))
    assert len(result.created) >= 40 and not result.updated


# Re-import


def test_reimport_updates_amount_partners_and_co_kommuner_and_counts_the_unchanged(tmp_path):
    run(write(tmp_path, csv_text(GOOD, SECOND)))
    grant = Application.objects.get(lead_kommune__number="3401")
    untouched = Application.objects.get(lead_kommune__number="4621")
    stamp = untouched.updated_at
    changed = "2022,innlandet,3401,3416,Felles legevakt med videokonsultasjon,Sykehuset Innlandet;Høgskolen i Innlandet,500000"
    out, _err = run(write(tmp_path, csv_text(changed, SECOND)))
    assert "0 nye og 1 oppdaterte tildelinger. Uendret: 1." in out
    assert Application.objects.count() == 2 and Allocation.objects.count() == 2
    grant.refresh_from_db()
    assert grant.allocation.amount_nok == 500_000
    assert [k.number for k in grant.co_kommuner.all()] == ["3416"]
    assert [p.name for p in grant.partners.all()] == ["Sykehuset Innlandet", "Høgskolen i Innlandet"]
    untouched.refresh_from_db()
    assert untouched.updated_at == stamp


def test_the_same_file_twice_writes_nothing_the_second_time(tmp_path):
    path = write(tmp_path, csv_text(GOOD, SECOND))
    run(path)
    stamps = sorted(Application.objects.values_list("pk", "updated_at"))
    partner_ids = sorted(ApplicationPartner.objects.values_list("pk", flat=True))
    out, _err = run(path)
    assert "0 nye og 0 oppdaterte tildelinger. Uendret: 2." in out
    assert sorted(Application.objects.values_list("pk", "updated_at")) == stamps
    assert sorted(ApplicationPartner.objects.values_list("pk", flat=True)) == partner_ids


def test_a_newly_registered_partner_is_linked_on_reimport():
    import_grants(csv_text(GOOD))
    organisation = OrganisationFactory(name="Kongsvinger frivilligsentral", sector="frivillig")
    result = import_grants(csv_text(GOOD))
    assert len(result.updated) == 1
    assert ApplicationPartner.objects.get(name="Kongsvinger frivilligsentral").organisation == organisation


def test_a_file_without_an_optional_column_leaves_what_the_grant_has():
    header = HEADER + ",summary,tjenesteomrader"
    import_grants(csv_text(GOOD + ",Legen deltar på video.,helse-og-omsorg", header=header))
    result = import_grants(csv_text(GOOD))
    grant = Application.objects.get()
    assert result.unchanged and grant.summary == "Legen deltar på video."
    assert list(grant.codes.values_list("code", flat=True)) == ["helse-og-omsorg"]


def test_an_application_of_a_call_with_the_same_key_is_not_touched(tmp_path):
    own = ApplicationFactory(
        title="Velferdsteknologi i heimetenesta",
        year=2023,
        office="vestland",
        lead_kommune=Kommune.objects.get(number="4621"),
    )
    assert own.imported is False
    import_grants(csv_text(SECOND))
    assert Application.objects.filter(imported=True).count() == 1
    own.refresh_from_db()
    assert own.status == Application.Status.DRAFT


# Bad rows: each named with its line and field, and nothing written


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (GOOD.replace("2022,", "22,", 1), "Linje 3: «year» må være et årstall med fire sifre"),
        (GOOD.replace("2022,", "1999,", 1), "Linje 3: «year» 1999 er utenfor 2000–"),
        (GOOD.replace("2022,", f"{timezone.localdate().year + 1},", 1), "Linje 3: «year»"),
        (GOOD.replace(",3401,", ",340,"), "Linje 3: «kommune» må være et kommunenummer med fire sifre"),
        (GOOD.replace(",3401,", ",9999,"), "Linje 3: «kommune» 9999 finnes ikke i kommuneregisteret"),
        (GOOD.replace(",3401,", ",4601,"), "Linje 3: «kommune» 4601 ligger ikke i fylkene til «innlandet» (34)"),
        (GOOD.replace("3416 3415", "3416 9998"), "Linje 3: «co_kommuner»: «9998» finnes ikke i kommuneregisteret"),
        (GOOD.replace("3416 3415", "3416 34x5"), "Linje 3: «co_kommuner» må være firesifrede kommunenummer"),
        (GOOD.replace("3416 3415", "3416 3401"), "Linje 3: «co_kommuner» har med søkerkommunen 3401"),
        (GOOD.replace("3416 3415", "3416 3416"), "Linje 3: «co_kommuner» har «3416» mer enn én gang"),
        (GOOD.replace("Felles legevakt med videokonsultasjon", "  "), "Linje 3: «title» er tom"),
        (GOOD.replace("Felles legevakt med videokonsultasjon", "x" * 201), "Linje 3: «title» er for lang (201 tegn"),
        (GOOD.replace('"450 000"', "450.000"), "Linje 3: «amount_nok» må være et helt antall kroner"),
        (GOOD.replace('"450 000"', "kr 450000"), "Linje 3: «amount_nok» må være et helt antall kroner"),
        (GOOD.replace('"450 000"', '"45 0000"'), "Linje 3: «amount_nok» må være et helt antall kroner"),
        (GOOD.replace('"450 000"', ""), "Linje 3: «amount_nok» må være et helt antall kroner"),
        (GOOD.replace('"450 000"', "0"), "Linje 3: «amount_nok» må være større enn 0"),
        (GOOD.replace('"450 000"', "-450000"), "Linje 3: «amount_nok» må være et helt antall kroner"),
        (GOOD.replace('"450 000"', "100000001"), "Linje 3: «amount_nok» 100 000 001 er mer enn 100 000 000 kroner"),
        (GOOD.replace("Sykehuset Innlandet;", "Sykehuset Innlandet;Sykehuset Innlandet;"), "«partners» har"),
        (GOOD + ",ekstra", "Linje 3: raden har 8 felt, men overskriftsraden har 7"),
    ],
)
def test_a_bad_row_is_named_with_its_line_and_field(tmp_path, existing_grant, row, message):
    err = rejected(tmp_path, csv_text(SECOND, row))
    assert message in err
    assert "Linje 2" not in err


def test_an_unknown_office_names_the_valid_codes(tmp_path, existing_grant):
    err = rejected(tmp_path, csv_text(GOOD.replace("innlandet", "hedmark")))
    assert "Linje 2: ukjent «office» «hedmark» (gyldige: agder, innlandet, more-og-romsdal, nordland," in err
    assert "vestland)" in err


def test_unknown_codes_in_optional_columns_name_the_valid_ones(tmp_path):
    header = HEADER + ",tjenesteomrader,utfordringer,fase"
    err = rejected(tmp_path, csv_text(GOOD + ",helse,aldring storm,test", header=header))
    assert "Linje 2: ukjent kode i «tjenesteomrader»: «helse» (gyldige: barnehage, skole," in err
    assert "Linje 2: ukjent kode i «utfordringer»: «storm» (gyldige: aldring," in err
    assert "Linje 2: ukjent «fase» «test» (gyldige: forankring, innsikt," in err


def test_every_bad_row_is_reported_not_only_the_first(tmp_path):
    err = rejected(tmp_path, csv_text(GOOD.replace("2022", "20x2", 1), SECOND, GOOD.replace('"450 000"', "0")))
    assert "Linje 2: «year»" in err and "Linje 4: «amount_nok»" in err
    assert "Ingenting er importert" not in err  # the summary is the CommandError's, the rows are on stderr


def test_a_duplicate_key_in_the_file_names_the_first_line(tmp_path):
    err = rejected(tmp_path, csv_text(GOOD, SECOND, GOOD.replace('"450 000"', "300000")))
    assert "Linje 4: samme «year», «office», «kommune» og «title» som linje 2" in err


def test_a_quoted_field_over_two_lines_counts_both_lines(tmp_path):
    two_line_title = GOOD.replace("Felles legevakt med videokonsultasjon", '"Felles legevakt\nmed video"')
    err = rejected(tmp_path, csv_text(two_line_title, GOOD.replace('"450 000"', "0")))
    assert "Linje 4: «amount_nok» må være større enn 0" in err


def test_broken_quoting_is_reported_with_its_line(tmp_path):
    err = rejected(tmp_path, csv_text(SECOND, GOOD.replace("Sykehuset", '"Sykehuset" Innlandet', 1)))
    assert "Linje 3: ugyldig CSV" in err


# Bad headers and files


@pytest.mark.parametrize(
    ("header", "message"),
    [
        (HEADER.replace(",amount_nok", ""), "Linje 1: mangler kolonnen «amount_nok»"),
        (HEADER.replace("amount_nok", "amount"), "Linje 1: mangler kolonnen «amount_nok»"),
        (HEADER.replace("amount_nok", "amount"), "Linje 1: ukjent kolonne «amount» (påkrevde: year, office,"),
        (HEADER + ",kommentar", "Linje 1: ukjent kolonne «kommentar»"),
        (HEADER + ",title", "Linje 1: kolonnen «title» står mer enn én gang"),
        (HEADER.replace(",", ";"), "Linje 1: overskriftsraden er skilt med semikolon"),
    ],
)
def test_a_missing_extra_or_misspelt_header_is_an_error(tmp_path, existing_grant, header, message):
    assert message in rejected(tmp_path, csv_text(GOOD, header=header))


def test_a_header_only_file_is_an_error(tmp_path):
    assert "Filen har bare overskriftsraden og ingen tildelinger." in rejected(tmp_path, csv_text())


@pytest.mark.parametrize("content", [b"", b"\n\n  \n"])
def test_an_empty_file_is_an_error(tmp_path, content):
    assert "Filen er tom." in rejected(tmp_path, content)


def test_a_file_that_is_not_utf8_names_the_line(tmp_path, existing_grant):
    latin1 = csv_text(SECOND, GOOD).encode("utf-8").replace("Høgskulen".encode(), "Høgskulen".encode("latin-1"))
    err = rejected(tmp_path, latin1)
    assert "Linje 2: Filen må være UTF-8" in err and "Latin-1" in err


def test_a_utf16_file_is_refused(tmp_path):
    assert "UTF-16" in rejected(tmp_path, csv_text(GOOD).encode("utf-16"))


def test_a_missing_file_is_a_command_error(tmp_path):
    with pytest.raises(CommandError, match="Kan ikke lese"):
        run(str(tmp_path / "finnes-ikke.csv"))


def test_parse_csv_raises_with_numbered_errors():
    with pytest.raises(GrantImportError) as caught:
        parse_csv(csv_text(GOOD.replace('"450 000"', "0")))
    assert caught.value.errors == [(2, "«amount_nok» må være større enn 0; fikk «0»")]


def test_codes_of_rejected_rows_are_not_written(tmp_path):
    header = HEADER + ",tjenesteomrader"
    rejected(tmp_path, csv_text(GOOD + ",skole", SECOND.replace("1200000", "0") + ",skole", header=header))
    assert not ApplicationCode.objects.exists()


def test_a_field_longer_than_the_limit_is_refused_before_it_is_read(tmp_path):
    err = rejected(tmp_path, csv_text(GOOD.replace("Sykehuset Innlandet;", "x" * 20_001 + ";")))
    assert "Linje 2: «partners» er lengre enn 20 000 tegn" in err


def test_more_rows_than_the_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(importer, "MAX_ROWS", 1)
    assert "Filen har mer enn 1 tildelinger; del den opp." in rejected(tmp_path, csv_text(GOOD, SECOND))


def test_partner_names_are_looked_up_in_batches(monkeypatch):
    monkeypatch.setattr(importer, "NAME_BATCH", 1)
    first = OrganisationFactory(name="Sykehuset Innlandet", sector="stat")
    second = OrganisationFactory(name="Kongsvinger frivilligsentral", sector="frivillig")
    import_grants(csv_text(GOOD))
    assert [p.organisation for p in ApplicationPartner.objects.order_by("sort_order")] == [first, second]


def test_created_and_updated_grants_are_handed_to_the_search_index(monkeypatch):
    changed = []
    monkeypatch.setattr(importer, "object_changed", changed.append)
    import_grants(csv_text(GOOD, SECOND))
    assert sorted(a.title for a in changed) == sorted(Application.objects.values_list("title", flat=True))
    changed.clear()
    import_grants(csv_text(GOOD.replace('"450 000"', "460000"), SECOND))
    assert [a.title for a in changed] == ["Felles legevakt med videokonsultasjon"]


def test_the_example_in_the_documentation_imports():
    docs = (Path(__file__).resolve().parents[2] / "docs" / "funding-import.md").read_text(encoding="utf-8")
    example = docs.split("```csv\n", 1)[1].split("```", 1)[0]
    result = import_grants(example)
    assert len(result.created) == 2


def test_imported_grants_are_in_the_search_index_with_their_new_amount_partners_and_kommuner():
    import_grants(csv_text(GOOD))
    grant = Application.objects.get()
    document = SearchDocument.objects.get(doc_type="grant", object_id=grant.pk)
    assert document.title == "Felles legevakt med videokonsultasjon" and document.facets["ar"] == ["2022"]
    assert "Kongsvinger frivilligsentral" in document.body
    import_grants(csv_text(GOOD.replace("Kongsvinger frivilligsentral", "Eidskog frivilligsentral")))
    document = SearchDocument.objects.get(doc_type="grant", object_id=grant.pk)
    assert "Eidskog frivilligsentral" in document.body and "Kongsvinger frivilligsentral" not in document.body
