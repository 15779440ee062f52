"""Funding on pages it does not own: «Innovasjonsmidler» on the kommune profile, the grant behind a case."""

from pathlib import Path

import pytest

from cases.extensions import CASE_SECTION_HOOK, case_sections
from cases.factories import CaseIndexPageFactory, CasePageFactory
from funding.factories import grant
from funding.models import Application
from funding.offices import Office
from tests.funding.test_insight import HOSTILE, NON_PUBLIC, hidden_applications, kommune, make_grant

Status = Application.Status


def section_html(html: str, title: str) -> str:
    start = html.index(f'aria-label="{title}"')
    return html[start : html.index("</section>", start)]


# --- the kommune profile --------------------------------------------------------------------


def test_kommune_section_lists_grants_as_lead_and_co_applicant_with_sums_by_year(client, world):
    hidden_applications(world)
    own = make_grant("Sensorer i hjemmetjenesten", "3401", year=2023, amount=400_000)
    shared = make_grant("Felles innbyggerdialog", "3403", year=2024, amount=150_000, co=("3401",))
    later = make_grant("Digital skolehverdag", "3401", year=2024, amount=250_000, status=Status.CLOSED)
    make_grant("Velferdsteknologi i Bergen", "4601", office=Office.VESTLAND, year=2024, amount=1_000_000)

    html = section_html(client.get(world.kommune_a.get_absolute_url()).content.decode(), "Innovasjonsmidler")
    for grant_ in (own, shared, later):
        assert grant_.title in html and grant_.get_public_url() in html
    assert "Velferdsteknologi i Bergen" not in html and "Hemmelig" not in html
    assert "3 prosjekter" in html and "800\xa0000 kr" in html
    assert "<td>søker</td>" in html and "<td>medsøker</td>" in html
    assert '<th scope="row">2024</th><td class="num">2</td><td class="num">400\xa0000</td>' in html
    assert '<th scope="row">2023</th><td class="num">1</td><td class="num">400\xa0000</td>' in html
    assert 'href="/tilskudd/?kommune=3401"' in html


def test_kommune_section_says_plainly_when_there_are_none(client, world):
    hidden_applications(world)
    html = section_html(client.get(world.kommune_a.get_absolute_url()).content.decode(), "Innovasjonsmidler")
    assert 'data-empty="grants"' in html
    assert (
        "Det er ikke registrert noen tildelinger av fornyings- og innovasjonsmidler til prosjekter Kongsvinger" in html
    )
    assert "Hemmelig" not in html and 'href="/tilskudd/utlysninger/"' in html


def test_kommune_section_shows_ten_and_links_to_the_rest(client, world):
    for n in range(12):
        make_grant(f"Prosjekt {n:02d}", "3401", year=2010 + n)
    html = section_html(client.get(world.kommune_a.get_absolute_url()).content.decode(), "Innovasjonsmidler")
    assert "Prosjekt 11" in html and "Prosjekt 02" in html and "Prosjekt 01" not in html
    assert "12 prosjekter" in html and '<th scope="row">2010</th>' in html  # the sums cover every year


def test_hostile_titles_are_escaped_in_the_kommune_section(client, world):
    make_grant(HOSTILE, "3401")
    html = section_html(client.get(world.kommune_a.get_absolute_url()).content.decode(), "Innovasjonsmidler")
    assert "<script>alert" not in html and "&lt;script&gt;" in html


@pytest.mark.parametrize("count", [2, 14])
def test_the_kommune_page_keeps_its_queries_as_grants_grow(client, world, django_assert_max_num_queries, count):
    for n in range(count):
        make_grant(f"Prosjekt {n}", "3401" if n % 2 else "3403", co=("3401",), year=2019 + n % 6)
    url = kommune("3401").get_absolute_url()
    with django_assert_max_num_queries(15):  # the profile and every app's section; the grants are one query
        assert client.get(url).status_code == 200


# --- the case page --------------------------------------------------------------------------


@pytest.fixture
def case(world, home_page):
    index = CaseIndexPageFactory(parent=home_page)
    index.save_revision().publish()
    page = CasePageFactory(parent=index, title="Nattilsyn med sensorer", slug="nattilsyn", kommuner=[world.kommune_a])
    page.save_revision().publish()
    return page


def test_a_case_shows_the_grant_it_came_from(client, world, case):
    grant(world.application, 450_000, status=Status.CLOSED)
    Application.objects.filter(pk=world.application.pk).update(case=case)
    html = section_html(client.get(case.url).content.decode(), "Finansiert med innovasjonsmidler")
    assert "450\xa0000 kr" in html and "Statsforvalteren i Innlandet" in html and "i 2027" in html
    assert f'href="{world.application.get_public_url()}"' in html


@pytest.mark.parametrize("status", NON_PUBLIC)
def test_a_case_shows_no_grant_that_is_not_public(client, world, case, status):
    Application.objects.filter(pk=world.application.pk).update(case=case, status=status)
    if status == Status.REJECTED:
        grant(world.application, 0, status=status)
    html = client.get(case.url).content.decode()
    assert "Finansiert med innovasjonsmidler" not in html and world.application.get_public_url() not in html


def test_a_case_without_a_grant_has_no_funding_section(client, world, case):
    grant(world.application, 450_000)
    assert "Finansiert med innovasjonsmidler" not in client.get(case.url).content.decode()


def test_the_case_page_collects_sections_through_its_own_hook(rf, world, case):
    from wagtail import hooks

    grant(world.application, 450_000, status=Status.CLOSED)
    Application.objects.filter(pk=world.application.pk).update(case=case)
    assert CASE_SECTION_HOOK == "register_case_section"
    assert [section.title for section in case_sections(rf.get("/"), case)] == ["Finansiert med innovasjonsmidler"]
    assert any(fn.__module__ == "funding.wagtail_hooks" for fn in hooks.get_hooks(CASE_SECTION_HOOK))


def test_a_preview_of_a_new_case_has_no_grant(rf, world):
    assert case_sections(rf.get("/"), CasePageFactory.build(title="Ny")) == []


def test_cases_never_import_funding():
    root = Path(__file__).resolve().parents[2] / "cases"
    offenders = [
        str(path)
        for path in root.rglob("*.py")
        if "import funding" in path.read_text() or "from funding" in path.read_text()
    ]
    assert offenders == []
