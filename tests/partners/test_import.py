"""`import_partners`: a good file, re-import by orgnr and slug, and every kind of bad line or file rejected with
nothing written."""

import codecs
import json
from datetime import timedelta
from io import StringIO

import pytest

from django.core.management import CommandError, call_command
from django.utils import timezone

from innoplatform.organisations.factories import OrganisationFactory, valid_orgnr
from innoplatform.organisations.models import Organisation
from partners import importer
from partners.importer import PartnerImportError, import_partners
from partners.models import CollaborationPost, PostCode
from partners.posts import search_text_of
from tests.read_only import read_only_database

pytestmark = pytest.mark.django_db

ORGNR = valid_orgnr(1)
OTHER_ORGNR = valid_orgnr(2)
BAD_CHECK_DIGIT = ORGNR[:8] + str((int(ORGNR[8]) + 1) % 10)


def in_days(days: int) -> str:
    return (timezone.localdate() + timedelta(days=days)).isoformat()


def organisation(**changes) -> dict:
    data = {
        "kind": "organisation",
        "orgnr": ORGNR,
        "name": "Nattlys Velferdsteknologi AS",
        "sector": "naeringsliv",
        "municipality": "4003",
        "description": "Sensorer og digitalt tilsyn for hjemmetjenesten.",
        "website": "https://nattlys.example",
    }
    data.update(changes)
    return data


def post(**changes) -> dict:
    data = {
        "kind": "post",
        "slug": "digitalt-nattilsyn",
        "organisation": ORGNR,
        "type": "offer",
        "title": "Digitalt nattilsyn med sensorer",
        "description": "<p>Vi leverer <strong>sensorer</strong> som varsler fall.</p><script>alert(1)</script>",
        "service_areas": ["helse-og-omsorg"],
        "challenges": ["aldring", "arbeidskraft"],
        "seeking_sectors": ["kommune", "fou"],
        "municipalities": ["4003", "4001"],
        "fylker": ["40"],
        "expires": in_days(90),
    }
    data.update(changes)
    return data


def write(tmp_path, *records, raw_lines=()) -> str:
    path = tmp_path / "partners.jsonl"
    lines = [json.dumps(r, ensure_ascii=False) for r in records] + list(raw_lines)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def run(path: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("import_partners", path, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def rejected(tmp_path, *records, raw_lines=()) -> str:
    """Import a bad file; return what the command reported, after checking that nothing was written."""
    before = snapshot()
    err = StringIO()
    with pytest.raises(CommandError, match="Ingenting er importert"):
        call_command("import_partners", write(tmp_path, *records, raw_lines=raw_lines), stdout=StringIO(), stderr=err)
    assert snapshot() == before
    return err.getvalue()


def snapshot() -> tuple:
    return (
        list(Organisation.objects.values_list("orgnr", "name", "updated_at")),
        list(CollaborationPost.objects.values_list("slug", "title", "updated_at")),
        PostCode.objects.count(),
    )


def test_a_good_file_creates_verified_organisations_and_published_posts(tmp_path):
    need = post(
        slug="forskningspartner",
        type="need",
        organisation=OTHER_ORGNR,
        title="Forskningspartner til pilot",
        challenges=[],
        seeking_sectors=["fou"],
    )
    del need["municipalities"], need["fylker"]
    kommune = organisation(orgnr=OTHER_ORGNR, name="Skien kommune", sector="kommune", website="")
    out, err = run(write(tmp_path, organisation(), kommune, post(), need))
    assert "2 nye og 0 oppdaterte organisasjoner; 2 nye og 0 oppdaterte innlegg, publisert." in out
    assert err == ""

    company = Organisation.objects.get(orgnr=ORGNR)
    assert company.verified and company.verified_at is not None
    assert (company.name, company.sector, company.kommune.number) == (
        "Nattlys Velferdsteknologi AS",
        "naeringsliv",
        "4003",
    )
    assert company.slug == "nattlys-velferdsteknologi-as" and company.website == "https://nattlys.example"

    offer = CollaborationPost.objects.get(slug="digitalt-nattilsyn")
    assert offer.organisation == company and offer.kind == "offer"
    assert offer.status == CollaborationPost.Status.PUBLISHED and offer.published_at is not None and offer.is_live
    assert "<script" not in offer.description and "<strong>sensorer</strong>" in offer.description
    assert offer.search_text == search_text_of(offer.title, offer.description) != ""
    assert offer.codes_of("service_area") == ["helse-og-omsorg"]
    assert offer.codes_of("challenge") == ["aldring", "arbeidskraft"]
    assert offer.codes_of("seeking") == ["kommune", "fou"]
    assert sorted(k.number for k in offer.kommuner.all()) == ["4001", "4003"]
    assert [f.number for f in offer.fylker.all()] == ["40"]
    assert not offer.whole_country

    without_places = CollaborationPost.objects.get(slug="forskningspartner")
    assert without_places.whole_country and not without_places.kommuner.exists()


def test_an_organisations_description_is_stored_as_plain_text(tmp_path):
    """Pages escape an organisation's description, so the sanitizer takes markup out and entities become text."""
    run(write(tmp_path, organisation(description="<p>Sensorer &amp; <script>alert(1)</script><b>tilsyn</b></p>")))
    assert Organisation.objects.get().description == "Sensorer & tilsyn"


def test_posts_of_an_unverified_organisation_are_published_too(tmp_path):
    """An import is an editor's act: it publishes without the moderation a member's post would wait for."""
    OrganisationFactory(orgnr=ORGNR, verified=False)
    run(write(tmp_path, post()))
    assert CollaborationPost.objects.get().status == CollaborationPost.Status.PUBLISHED
    assert not Organisation.objects.get().verified


def test_reimport_updates_by_orgnr_and_slug(tmp_path):
    run(write(tmp_path, organisation(), post()))
    first = CollaborationPost.objects.get()
    changed_organisation = organisation(name="Nattlys AS", description="Nytt navn.", municipality="4001")
    changed_post = post(title="Sensorer for fall og uro om natta", challenges=["klima"], municipalities=["4001"])
    out, _ = run(write(tmp_path, changed_organisation, changed_post))
    assert "0 nye og 1 oppdaterte organisasjoner; 0 nye og 1 oppdaterte innlegg" in out

    company = Organisation.objects.get()
    assert (company.name, company.kommune.number, company.slug) == (
        "Nattlys AS",
        "4001",
        "nattlys-velferdsteknologi-as",
    )
    again = CollaborationPost.objects.get()
    assert again.pk == first.pk and again.published_at == first.published_at
    assert again.title == "Sensorer for fall og uro om natta"
    assert again.search_text == search_text_of(again.title, again.description)
    assert again.codes_of("challenge") == ["klima"]
    assert [k.number for k in again.kommuner.all()] == ["4001"]
    assert PostCode.objects.count() == 4


def test_reimporting_the_same_file_writes_nothing(tmp_path):
    """Unchanged lines are not saved again, so `updated_at` and the matching's cached corpus stay as they were."""
    path = write(tmp_path, organisation(), post())
    run(path)
    before = snapshot()
    out, _ = run(path)
    assert snapshot() == before
    assert "0 nye og 0 oppdaterte organisasjoner; 0 nye og 0 oppdaterte innlegg" in out
    assert "Uendret: 1 organisasjoner og 1 innlegg." in out


def test_reimport_publishes_a_closed_post_again(tmp_path):
    run(write(tmp_path, organisation(), post()))
    CollaborationPost.objects.update(status=CollaborationPost.Status.CLOSED)
    run(write(tmp_path, post()))
    assert CollaborationPost.objects.get().status == CollaborationPost.Status.PUBLISHED


def test_a_post_may_name_a_registered_organisation(tmp_path):
    OrganisationFactory(orgnr=OTHER_ORGNR)
    run(write(tmp_path, post(organisation=OTHER_ORGNR)))
    assert CollaborationPost.objects.get().organisation.orgnr == OTHER_ORGNR


def test_organisations_with_the_same_name_get_their_own_slugs(tmp_path):
    run(write(tmp_path, organisation(), organisation(orgnr=OTHER_ORGNR)))
    assert sorted(Organisation.objects.values_list("slug", flat=True)) == [
        "nattlys-velferdsteknologi-as",
        "nattlys-velferdsteknologi-as-2",
    ]


def without(record: dict, key: str) -> dict:
    return {k: v for k, v in record.items() if k != key}


BAD_LINES = [
    (organisation(homepage="x"), 'ukjent nøkkel "homepage" (gyldige for «organisation»: kind, orgnr'),
    (post(owner="x"), 'ukjent nøkkel "owner"'),
    (without(organisation(), "sector"), "mangler nøkkelen «sector»"),
    (without(post(), "expires"), "mangler nøkkelen «expires»"),
    (organisation(orgnr=int(ORGNR)), "«orgnr» må være tekst i anførselstegn"),
    (organisation(municipality=4003), "«municipality» må være tekst"),
    (post(service_areas="helse-og-omsorg"), "«service_areas» må være liste"),
    (post(title=["x"]), "«title» må være tekst"),
    (post(challenges=[1]), "«challenges» må være en liste med koder"),
    (
        organisation(orgnr=BAD_CHECK_DIGIT),
        f"«orgnr» {BAD_CHECK_DIGIT} er ikke et gyldig organisasjonsnummer (kontrollsifferet stemmer ikke)",
    ),
    (organisation(orgnr="974 760 673"), "«orgnr» må være ni sifre uten mellomrom"),
    (post(organisation="12345"), "«organisation» må være ni sifre"),
    (organisation(sector="bedrift"), 'ukjent sektor "bedrift" (gyldige: kommune, fylkeskommune, stat, frivillig'),
    (post(service_areas=["helse"]), 'ukjent kode i «service_areas»: "helse" (gyldige: barnehage, skole,'),
    (post(challenges=["eldrebølge"]), 'ukjent kode i «challenges»: "eldrebølge" (gyldige: aldring,'),
    (post(seeking_sectors=["forskning"]), 'ukjent kode i «seeking_sectors»: "forskning" (gyldige: kommune,'),
    (post(type="tilbud"), 'ukjent «type» "tilbud" (gyldige: offer, need)'),
    ({"kind": "kommune"}, '«kind» må være «organisation» eller «post»; fikk "kommune"'),
    ({"orgnr": ORGNR}, "«kind» må være «organisation» eller «post»; fikk ingenting"),
    (organisation(municipality="0806"), 'ukjent kommunenummer i «municipality»: "0806" (bruk firesifrede'),
    (post(municipalities=["4003", "9999", 4001]), 'ukjent kommunenummer i «municipalities»: "9999", 4001'),
    (post(fylker=["08"]), 'ukjent fylkesnummer i «fylker»: "08" (gyldige: 03, 11, 15'),
    (post(expires="31.12.2030"), "«expires» må være en dato som ÅÅÅÅ-MM-DD"),
    (post(expires="2030-02-30"), '«expires» "2030-02-30" er ikke en dato som finnes'),
    (organisation(name="x" * 201), "«name» er for lang (201 tegn; høyst 200)"),
    (organisation(description="x" * 1001), "«description» er for lang (1 001 tegn; høyst 1 000)"),
    (organisation(website="https://" + "x" * 190 + ".example"), "«website» er for lang (206 tegn; høyst 200)"),
    (organisation(website="ftp://nattlys.example"), "«website» må være en adresse som begynner med https://"),
    (post(title="x" * 201), "«title» er for lang (201 tegn; høyst 200)"),
    (post(slug="a" * 221), "«slug» er for lang (221 tegn; høyst 220)"),
    (post(description="x" * 20_001), "«description» er for lang (20 001 tegn; høyst 20 000)"),
    (post(title="  "), "«title» er tom"),
    (post(slug="Digitalt nattilsyn"), "«slug» kan bare ha små bokstaver a–z, tall og bindestrek"),
    (post(service_areas=[]), "«service_areas» må ha minst én kode"),
    (post(seeking_sectors=[]), "«seeking_sectors» må ha minst én kode"),
    (post(municipalities=["4003"] * 401), "«municipalities» har 401 elementer; høyst 400 er tillatt"),
    (post(challenges=["aldring"] * 21), "«challenges» har 21 elementer; høyst 20 er tillatt"),
    (["organisation"], "linjen må være et JSON-objekt"),
]


@pytest.mark.parametrize(("line", "message"), BAD_LINES, ids=[message[:40] for _line, message in BAD_LINES])
def test_each_kind_of_bad_line_is_rejected_with_its_message(tmp_path, line, message):
    OrganisationFactory(orgnr=ORGNR, name="Registrert AS")
    err = rejected(tmp_path, post(slug="god-linje"), line)
    assert f"Linje 2: {message}" in err, err
    assert err.count("Linje ") == 1, err


@pytest.mark.parametrize(
    ("days", "message"),
    [
        (-1, "«expires» {date} har vært; datoen må være i dag eller senere"),
        (367, "«expires» {date} er mer enn ett år fram; seneste dato er {latest}"),
    ],
    ids=["past", "more than a year ahead"],
)
def test_an_expiry_date_outside_the_year_ahead_is_rejected(tmp_path, days, message):
    """Dates are reckoned when the test runs (not when it is collected), so a run across midnight holds."""
    OrganisationFactory(orgnr=ORGNR, name="Registrert AS")
    err = rejected(tmp_path, post(slug="god-linje"), post(expires=in_days(days)))
    assert f"Linje 2: {message.format(date=in_days(days), latest=in_days(365))}" in err, err


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ('{"kind": "organisation", ', "ugyldig JSON (Expecting property name enclosed in double quotes, tegn 26)"),
        ('{"kind": "post", "n": NaN}', "NaN er ikke et tall i JSON"),
        ("[" * 50 + "]" * 50, "linjen har JSON nøstet dypere enn 4 nivåer"),
        ('{"kind": "post", "title": "' + "x" * 200_001 + '"}', "linjen er for lang (200 030 tegn; høyst 200 000)"),
        (
            json.dumps(organisation(orgnr=OTHER_ORGNR, name="Nattlys \ud800 AS")),
            "«name» har en \\u-kode for et halvt surrogatpar (U+D800–U+DFFF), som ikke er et tegn",
        ),
    ],
)
def test_lines_that_are_not_json_objects_are_rejected(tmp_path, raw, message):
    OrganisationFactory(orgnr=ORGNR)
    err = rejected(tmp_path, post(), raw_lines=[raw])
    assert f"Linje 2: {message}" in err, err


def test_a_post_naming_an_organisation_that_is_nowhere_is_rejected(tmp_path):
    err = rejected(tmp_path, organisation(), post(organisation=OTHER_ORGNR))
    assert f"Linje 2: «organisation» {OTHER_ORGNR} finnes verken i filen eller blant de registrerte" in err


def test_a_post_of_a_bad_organisation_line_is_not_blamed_for_it(tmp_path):
    err = rejected(tmp_path, organisation(sector="bedrift"), post())
    assert "Linje 1: ukjent sektor" in err and "Linje 2" not in err


def test_duplicates_in_the_file_are_rejected(tmp_path):
    err = rejected(tmp_path, organisation(), organisation(name="Igjen"), post(), post(title="Igjen"))
    assert f"Linje 2: «orgnr» {ORGNR} står også på linje 1" in err
    assert "Linje 4: «slug» digitalt-nattilsyn står også på linje 3" in err


def test_a_slug_of_another_organisations_post_is_rejected(tmp_path):
    run(write(tmp_path, organisation(), post()))
    err = rejected(tmp_path, organisation(orgnr=OTHER_ORGNR), post(organisation=OTHER_ORGNR))
    assert f"Linje 2: «slug» digitalt-nattilsyn er allerede brukt av et innlegg fra organisasjon {ORGNR}" in err


def test_every_bad_line_is_reported_not_only_the_first(tmp_path):
    err = rejected(tmp_path, organisation(sector="x"), post(type="x"), post(slug="to", expires="x"))
    assert [line.split(":")[0] for line in err.splitlines()] == ["Linje 1", "Linje 2", "Linje 3"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "Filen er tom."),
        (b"\n  \n", "Filen er tom."),
        (codecs.BOM_UTF16_LE + '{"kind": "post"}'.encode("utf-16-le"), "Filen er lagret som UTF-16"),
        ('{"kind": "organisation"}\n{"name": "Tromsø"}'.encode("latin-1"), "Linje 2: Filen må være UTF-8"),
    ],
)
def test_bad_files_are_rejected(tmp_path, content, message):
    path = tmp_path / "partners.jsonl"
    path.write_bytes(content)
    err = StringIO()
    with pytest.raises(CommandError, match="Ingenting er importert"):
        call_command("import_partners", str(path), stdout=StringIO(), stderr=err)
    assert message in err.getvalue()
    assert not Organisation.objects.exists()


def test_a_byte_order_mark_and_windows_line_ends_are_fine(tmp_path):
    path = tmp_path / "partners.jsonl"
    path.write_bytes(codecs.BOM_UTF8 + (json.dumps(organisation()) + "\r\n").encode())
    run(str(path))
    assert Organisation.objects.count() == 1


def test_files_over_the_limits_are_rejected(tmp_path, monkeypatch):
    monkeypatch.setattr(importer, "MAX_FILE_BYTES", 100)
    assert "Filen er større enn grensen på 100 byte" in rejected(tmp_path, organisation())
    monkeypatch.setattr(importer, "MAX_FILE_BYTES", 10_000)
    monkeypatch.setattr(importer, "MAX_RECORDS", 2)
    many = [organisation(orgnr=valid_orgnr(n)) for n in range(10, 13)]
    assert "Filen har mer enn 2 linjer; del den opp." in rejected(tmp_path, *many)


def test_a_missing_file_is_reported(tmp_path):
    with pytest.raises(CommandError, match="Kan ikke lese"):
        run(str(tmp_path / "finnes-ikke.jsonl"))


def test_the_service_reports_line_numbers_counting_blank_lines(tmp_path):
    with pytest.raises(PartnerImportError) as raised:
        import_partners([json.dumps(organisation()), "", json.dumps(organisation(sector="x"))])
    assert raised.value.errors[0][0] == 3


@pytest.mark.django_db(transaction=True)
def test_a_read_only_database_is_reported_and_nothing_is_written(tmp_path):
    from innoplatform.municipalities.models import Fylke, Kommune
    from innoplatform.municipalities.registry import load_registry

    # A transactional test starts from an emptied database: the registry the data migration made is gone.
    load_registry(Fylke, Kommune)
    path = write(tmp_path, organisation(), post())
    with read_only_database(), pytest.raises(CommandError, match="databasen er skrivebeskyttet eller låst"):
        run(path)
    assert not Organisation.objects.exists()
