"""The public insight: /tilskudd/ with its filters, facet counts, sums and CSV, and the grant page.

Only granted projects are public; every other application, the assessments,
contact details, budgets and unapproved reports stay out of every page.
"""

import csv
import io

import pytest

from django.http import QueryDict
from django.utils import timezone

from cases.factories import CaseIndexPageFactory, CasePageFactory
from funding.factories import ApplicationFactory, grant
from funding.insight import GrantFilters, filter_grants, office_year_sums, public_grants
from funding.insight_facets import facet_counts
from funding.models import Application, ApplicationCode, ApplicationPartner, BudgetLine, Report
from funding.offices import Office
from innoplatform.municipalities.models import Kommune

Status = Application.Status
NON_PUBLIC = (Status.DRAFT, Status.SUBMITTED, Status.UNDER_ASSESSMENT, Status.REJECTED, Status.WITHDRAWN)
HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def kommune(number: str) -> Kommune:
    return Kommune.objects.get(number=number)


def make_grant(
    title: str,
    lead: str = "3401",
    *,
    office: str = Office.INNLANDET,
    year: int = 2024,
    amount: int = 500_000,
    status: str = Status.GRANTED,
    co: tuple[str, ...] = (),
    service_areas: tuple[str, ...] = (),
    challenges: tuple[str, ...] = (),
    partners: tuple[str, ...] = (),
    **fields,
) -> Application:
    """An imported historical grant (no call), with its allocation, codes and partners by name."""
    application = ApplicationFactory(
        call=None, imported=True, office=office, year=year, title=title, lead_kommune=kommune(lead), **fields
    )
    application.co_kommuner.set([kommune(number) for number in co])
    ApplicationCode.objects.bulk_create(
        [ApplicationCode(application=application, dimension="service_area", code=code) for code in service_areas]
        + [ApplicationCode(application=application, dimension="challenge", code=code) for code in challenges]
    )
    ApplicationPartner.objects.bulk_create(
        [ApplicationPartner(application=application, name=name, sort_order=n) for n, name in enumerate(partners)]
    )
    grant(application, amount, status=status)
    return application


def hidden_applications(world) -> list[Application]:
    """One application in each status the public never sees, each with a title that must never show."""
    hidden = []
    for status in NON_PUBLIC:
        application = ApplicationFactory(
            call=world.call, lead_kommune=world.kommune_a, title=f"Hemmelig søknad {status}", status=status
        )
        hidden.append(application)
    rejected = hidden[NON_PUBLIC.index(Status.REJECTED)]
    grant(rejected, 0, status=Status.REJECTED)
    return hidden


@pytest.fixture
def grants(world):
    """Five public grants in two offices, three years and two statuses, and the hidden applications."""
    hidden_applications(world)
    return {
        "sensor": make_grant(
            "Sensorer i hjemmetjenesten",
            "3401",
            year=2023,
            amount=400_000,
            co=("3403",),
            service_areas=("helse-og-omsorg",),
            challenges=("aldring",),
            partners=("Høgskolen i Innlandet",),
            phase="pilotering",
        ),
        "skole": make_grant(
            "Digital skolehverdag",
            "3403",
            year=2024,
            amount=250_000,
            service_areas=("skole",),
            phase="innsikt",
            status=Status.CLOSED,
        ),
        "hamar": make_grant("Felles innbyggerdialog", "3403", year=2024, amount=150_000, co=("3401",)),
        "bergen": make_grant(
            "Velferdsteknologi i Bergen",
            "4601",
            office=Office.VESTLAND,
            year=2024,
            amount=1_000_000,
            service_areas=("helse-og-omsorg",),
            challenges=("arbeidskraft",),
        ),
        "askoy": make_grant(
            "Klimatilpasning på Askøy", "4627", office=Office.VESTLAND, year=2025, amount=300_000, co=("4601",)
        ),
    }


def titles(grants) -> set[str]:
    return {grant.title for grant in grants}


def filtered(query: str) -> set[str]:
    return titles(filter_grants(public_grants(), GrantFilters.from_querydict(QueryDict(query))))


# --- filters, facets and sums ---------------------------------------------------------------


def test_only_granted_projects_with_an_allocation_are_public(world, grants):
    ApplicationFactory(call=world.call, lead_kommune=world.kommune_a, title="Innvilget uten vedtak", status="granted")
    public = titles(public_grants())
    assert public == {grant.title for grant in grants.values()}
    assert not [title for title in public if "Hemmelig" in title or "uten vedtak" in title]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kontor=vestland", {"bergen", "askoy"}),
        ("kontor=vestland&kontor=innlandet", {"sensor", "skole", "hamar", "bergen", "askoy"}),
        ("fylke=46", {"bergen", "askoy"}),
        ("kommune=3401", {"sensor", "hamar"}),  # lead of one, co-applicant of the other
        ("kommune=4601", {"bergen", "askoy"}),
        ("kommune=3401&kontor=vestland", set()),
        ("ar=2024", {"skole", "hamar", "bergen"}),
        ("ar=2023&ar=2025", {"sensor", "askoy"}),
        ("tjenesteomrade=helse-og-omsorg", {"sensor", "bergen"}),
        ("utfordring=aldring", {"sensor"}),
        ("fase=innsikt", {"skole"}),
        ("status=closed", {"skole"}),
        ("tjenesteomrade=helse-og-omsorg&ar=2024", {"bergen"}),
    ],
)
def test_each_filter(grants, query, expected):
    assert filtered(query) == {grants[key].title for key in expected}


def test_unknown_values_are_dropped_and_hidden_statuses_cannot_be_asked_for(grants):
    every = {grant.title for grant in grants.values()}
    assert filtered("kontor=mars&fylke=4&kommune=abcd&ar=20x4&status=draft&status=rejected") == every
    assert GrantFilters.from_querydict(QueryDict("status=draft")).selected == {}


def facet(facets, param):
    return {option.value: option.count for option in next(f for f in facets if f.param == param).options}


def test_facet_counts_apply_the_other_filters_but_not_their_own(grants):
    facets = facet_counts(GrantFilters.from_querydict(QueryDict("kontor=innlandet")))
    assert facet(facets, "kontor") == {"innlandet": 3, "vestland": 2}
    assert facet(facets, "ar") == {"2023": 1, "2024": 2}
    assert facet(facets, "kommune") == {"3401": 2, "3403": 3}
    assert facet(facets, "fylke") == {"34": 3}  # a grant with lead and co-applicant in fylke 34 counts once
    assert facet(facets, "tjenesteomrade") == {"helse-og-omsorg": 1, "skole": 1}
    assert facet(facets, "utfordring") == {"aldring": 1}
    assert facet(facets, "fase") == {"pilotering": 2, "innsikt": 1}
    assert facet(facets, "status") == {"granted": 2, "closed": 1}
    labels = {o.value: o.label for o in next(f for f in facets if f.param == "kommune").options}
    assert labels == {"3401": "Kongsvinger", "3403": "Hamar"}


def test_sums_per_office_and_year_and_the_total(grants):
    sums = office_year_sums(public_grants())
    assert sums.years == [2023, 2024, 2025]
    rows = {office.code: (office.by_year, office.total_nok) for office in sums.offices}
    assert rows == {
        "innlandet": ([400_000, 400_000, None], 800_000),
        "vestland": ([None, 1_000_000, 300_000], 1_300_000),
    }
    assert sums.year_totals == [400_000, 1_400_000, 300_000]
    assert (sums.total_nok, sums.count) == (2_100_000, 5)
    assert office_year_sums(filter_grants(public_grants(), GrantFilters({"kommune": ("3401",)}))).total_nok == 550_000


# --- the list page --------------------------------------------------------------------------


def test_list_page_shows_grants_facets_sums_and_links(client, grants):
    html = client.get("/tilskudd/").content.decode()
    for grant_ in grants.values():
        assert grant_.title in html and grant_.get_public_url() in html
    assert "skjønnsmidlene til fornyings- og innovasjonsprosjekter" in html
    assert 'href="/tilskudd/utlysninger/"' in html
    assert 'data-total-nok="2100000"' in html
    assert 'name="kontor" value="vestland"' in html and 'name="utfordring" value="aldring"' in html
    assert '<svg class="chart"' in html and 'role="img"' in html and '<title id="chart-offices-title">' in html
    assert '<caption id="table-sums">' in html and "<tfoot>" in html
    assert "Hemmelig" not in html


def test_list_page_filters_and_shows_the_active_filter_with_its_removal(client, grants):
    html = client.get("/tilskudd/?kontor=vestland&side=1").content.decode()
    assert "Velferdsteknologi i Bergen" in html and "Sensorer i hjemmetjenesten" not in html
    assert 'data-total-nok="1300000"' in html
    assert "Fjern filteret Statsforvalter: Statsforvalteren i Vestland" in html
    assert 'href="/tilskudd/tilskudd.csv?kontor=vestland"' in html
    assert 'href="/api/grants/?kontor=vestland"' in html


def test_list_page_pages_through_grants(client, world):
    for n in range(25):
        make_grant(f"Prosjekt {n:02d}", year=2020)
    first = client.get("/tilskudd/").content.decode()
    second = client.get("/tilskudd/?side=2").content.decode()
    assert "Prosjekt 00" in first and "Prosjekt 19" in first and "Prosjekt 20" not in first
    assert "Prosjekt 24" in second and "Prosjekt 00" not in second and "Side 2 av 2" in second


def test_an_empty_list_says_so(client, db):
    html = client.get("/tilskudd/").content.decode()
    assert "Det er ikke registrert noen tildelinger ennå." in html
    assert '<svg class="chart"' not in html


def test_hostile_text_is_escaped_on_the_list(client, world):
    make_grant(HOSTILE)
    html = client.get("/tilskudd/").content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert" in html


# --- the grant page -------------------------------------------------------------------------


def test_grant_page_shows_the_public_description(client, world, grants):
    application = grants["sensor"]
    application.amount_sought_nok = 600_000
    application.save()
    html = client.get(application.get_public_url()).content.decode()
    assert "Sensorer i hjemmetjenesten" in html
    assert "Et prosjekt om bedre tjenester." in html and "Flere eldre og færre ansatte." in html
    assert "Flere kan bo hjemme lenger." in html
    assert 'data-amount="granted">400' in html and 'data-amount="sought">600' in html
    assert f'href="{kommune("3401").get_absolute_url()}"' in html
    assert f'href="{kommune("3403").get_absolute_url()}"' in html
    assert "Høgskolen i Innlandet" in html and "Pilotering" in html
    assert "Helse og omsorg" in html and "Aldring" in html
    assert "Statsforvalteren i Innlandet" in html


def test_grant_page_names_the_call_and_links_partner_organisations(client, world):
    grant(world.application, 450_000)
    html = client.get(world.application.get_public_url()).content.decode()
    assert "Innovasjonsmidler 2027" in html
    assert f'href="{world.partner.get_absolute_url()}"' in html and "Følgeforskning" in html


def test_no_contact_details_budget_or_assessment_on_public_pages(client, world, grants):
    application = grants["sensor"]
    Application.objects.filter(pk=application.pk).update(contact_phone="99 88 77 66")
    BudgetLine.objects.create(application=application, year=2023, item="Hemmelig budsjettpost", amount_nok=123_456)
    application.allocation.reason = "Hemmelig begrunnelse"
    application.allocation.save()
    pages = [
        client.get(application.get_public_url()).content.decode(),
        client.get("/tilskudd/").content.decode(),
        client.get("/tilskudd/tilskudd.csv").content.decode(),
    ]
    for html in pages:
        for secret in ("Kari Nordmann", "kari@kommune.example.no", "99 88 77 66", "Hemmelig budsjettpost"):
            assert secret not in html
        assert "Hemmelig begrunnelse" not in html


@pytest.mark.parametrize("status", NON_PUBLIC)
def test_a_grant_page_is_404_for_any_application_not_public(client, world, status):
    application = ApplicationFactory(call=world.call, lead_kommune=world.kommune_a, status=status)
    if status == Status.REJECTED:
        grant(application, 0, status=status)
    assert client.get(f"/tilskudd/{application.pk}/").status_code == 404


def test_a_public_status_without_an_allocation_is_404(client, world):
    Application.objects.filter(pk=world.application.pk).update(status=Status.GRANTED)
    assert client.get(world.application.get_public_url()).status_code == 404
    assert client.get("/tilskudd/99999999/").status_code == 404
    assert client.get("/tilskudd/99999999999999999999999/").status_code == 404  # past a 64-bit id: no overflow


def test_only_approved_reports_are_shown(client, world):
    grant(world.application, 400_000, status=Status.REPORTED)
    Report.objects.create(
        application=world.application,
        kind=Report.Kind.INTERIM,
        status=Report.Status.APPROVED,
        activities="Vi installerte sensorer hos 40 brukere.",
        results="Færre unødvendige nattbesøk.",
        key_figures="40 % færre nattbesøk",
        lessons="Start med de ansatte.",
        in_operation=True,
        spending_comment="Hemmelig forbruk",
        office_comment="Hemmelig tilbakemelding",
    )
    Report.objects.create(
        application=world.application,
        kind=Report.Kind.FINAL,
        status=Report.Status.SUBMITTED,
        activities="Ikke godkjent ennå",
    )
    html = client.get(world.application.get_public_url()).content.decode()
    assert "Vi installerte sensorer hos 40 brukere." in html and "40 % færre nattbesøk" in html
    assert "Start med de ansatte." in html and "Løsningen er satt i drift." in html
    assert "Ikke godkjent ennå" not in html
    assert "Hemmelig forbruk" not in html and "Hemmelig tilbakemelding" not in html


def test_the_case_is_linked_only_when_it_is_published(client, world, home_page):
    index = CaseIndexPageFactory(parent=home_page)
    index.save_revision().publish()
    case = CasePageFactory(parent=index, title="Nattilsyn med sensorer", slug="nattilsyn", kommuner=[world.kommune_a])
    grant(world.application, 400_000, status=Status.CLOSED)
    Application.objects.filter(pk=world.application.pk).update(case=case)
    case.unpublish()
    assert "Les eksempelet" not in client.get(world.application.get_public_url()).content.decode()
    case.save_revision().publish()
    html = client.get(world.application.get_public_url()).content.decode()
    assert "Les eksempelet" in html and 'href="/' in html and "nattilsyn/" in html


def test_hostile_text_is_escaped_on_the_grant_page(client, world):
    application = make_grant(HOSTILE, summary=HOSTILE, problem=HOSTILE, goal=HOSTILE)
    html = client.get(application.get_public_url()).content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html and "onerror=alert(1)>" not in html
    assert html.count("&lt;script&gt;") >= 4


# --- CSV ------------------------------------------------------------------------------------


def read_csv(response) -> list[list[str]]:
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def test_csv_has_the_filtered_grants_after_its_source(client, grants):
    response = client.get("/tilskudd/tilskudd.csv?kommune=3401")
    assert response["Content-Type"].startswith("text/csv")
    assert f"tilskudd-{timezone.localdate():%Y-%m-%d}.csv" in response["Content-Disposition"]
    rows = read_csv(response)
    assert "skjønnsmidler" in rows[0][0]
    header = rows[3]
    assert header[:3] == ["Id", "År", "Statsforvalter"] and "Tildelt (kr)" in header
    body = {row[header.index("Prosjekt")]: row for row in rows[4:]}
    assert set(body) == {"Sensorer i hjemmetjenesten", "Felles innbyggerdialog"}
    sensor = body["Sensorer i hjemmetjenesten"]
    assert sensor[header.index("Kommunenummer")] == "3401"
    assert sensor[header.index("Medsøkerkommuner")] == "3403"
    assert sensor[header.index("Partnere")] == "Høgskolen i Innlandet"
    assert sensor[header.index("Tildelt (kr)")] == "400000"
    assert sensor[header.index("Adresse")].endswith(grants["sensor"].get_public_url())


def test_csv_leaves_out_hidden_applications_and_neutralises_formulas(client, world, grants):
    make_grant('=HYPERLINK("http://evil.example","klikk")', partners=("+SUM(A1)",))
    response = client.get("/tilskudd/tilskudd.csv")
    assert "Hemmelig" not in response.content.decode("utf-8-sig")
    rows = read_csv(response)
    header = rows[3]
    evil = next(row for row in rows[4:] if "HYPERLINK" in row[header.index("Prosjekt")])
    assert evil[header.index("Prosjekt")] == '\'=HYPERLINK("http://evil.example","klikk")'
    assert evil[header.index("Partnere")] == "'+SUM(A1)"


# --- constant queries -----------------------------------------------------------------------


def grow(count: int, offset: int = 0) -> None:
    for n in range(count):
        make_grant(
            f"Vekst {offset + n}",
            "3401" if n % 2 else "4601",
            office=Office.INNLANDET if n % 2 else Office.VESTLAND,
            year=2019 + n % 6,
            co=("3403",),
            service_areas=("skole",),
            challenges=("aldring",),
            partners=("Frivilligsentralen", "NTNU"),
        )


@pytest.mark.parametrize("count", [2, 14])
def test_queries_do_not_grow_with_the_grants(client, world, django_assert_max_num_queries, count):
    grow(count)
    one = Application.objects.filter(title="Vekst 1").get()
    Report.objects.create(application=one, kind=Report.Kind.INTERIM, status=Report.Status.APPROVED, results="Bra")
    with django_assert_max_num_queries(20):  # eight facets, two of names, sums, page, kommuner, and the layout's
        assert client.get("/tilskudd/?tjenesteomrade=skole").status_code == 200
    with django_assert_max_num_queries(20):
        assert client.get("/tilskudd/?kommune=3401&fylke=34&ar=2020").status_code == 200
    with django_assert_max_num_queries(10):
        assert client.get(one.get_public_url()).status_code == 200
    with django_assert_max_num_queries(3):
        response = client.get("/tilskudd/tilskudd.csv")
    assert len(read_csv(response)) == 4 + count


def test_a_grant_without_approved_reports_says_why(client, world):
    imported = make_grant("Historisk tildeling")
    grant(world.application, 400_000)
    assert (
        "Rapportene fra prosjektet ligger ikke på plattformen."
        in client.get(imported.get_public_url()).content.decode()
    )
    html = client.get(world.application.get_public_url()).content.decode()
    assert "Det er ikke publisert noen godkjent rapport fra prosjektet ennå." in html


def test_bars_are_scaled_to_the_largest_and_carry_their_amount():
    from funding.insight_chart import WIDTH, bar_chart

    chart = bar_chart([("Innlandet", 250_000), ("Vestland", 1_000_000), ("Agder", 0)])
    assert [bar.width for bar in chart.bars] == [WIDTH / 4, WIDTH, 0]
    assert chart.bars[1].amount == "1\xa0000\xa0000 kr" and chart.bars[0].label == "Innlandet"
    assert chart.bars[1].bar_y > chart.bars[0].bar_y and chart.height > chart.bars[2].bar_y
    assert bar_chart([]) is None and bar_chart([("Agder", 0)]) is None


def test_fylke_matches_a_co_applicant_kommune_in_it(world):
    across = make_grant("Samarbeid over fylkesgrensen", "3401", co=("4601",))
    make_grant("Bare i Innlandet", "3403")
    assert filtered("fylke=46") == {across.title}
    assert facet(facet_counts(GrantFilters()), "fylke") == {"34": 2, "46": 1}
