"""How the case library plugs into the platform: menu, kommune page, profile, data export, courses, demography."""

import pytest

from wagtail import hooks

from cases.factories import CasePageFactory
from cases.models import CaseReuse, Dimension
from innoplatform.accounts.services import export_personal_data
from innoplatform.core.sections import platform_sections
from innoplatform.municipalities import public

pytestmark = pytest.mark.django_db


def test_menu_section_only_with_a_live_index(home_page):
    assert "Eksempler" not in [str(section.label) for section in platform_sections()]


def test_menu_section_points_to_the_library(case_index):
    section = next(s for s in platform_sections() if str(s.label) == "Eksempler")
    assert section.url == "/casebibliotek/"


def test_kommune_page_lists_own_adopted_and_addressing_cases(client, case_index, kommuner, demography):
    nordby, fjellvik = kommuner[0], kommuner[1]
    own = CasePageFactory(parent=case_index, title="Eget eksempel", kommuner=[nordby])
    adopted = CasePageFactory(parent=case_index, title="Lånt eksempel", kommuner=[fjellvik])
    CaseReuse.objects.create(page=adopted, kommune=nordby)
    addressing = CasePageFactory(
        parent=case_index, title="Eksempel om aldring", kommuner=[fjellvik], codes={Dimension.CHALLENGE: ["aldring"]}
    )
    CasePageFactory(parent=case_index, title="Uten kobling", kommuner=[fjellvik])
    assert "aldring" in public.kommune_challenges(nordby)
    html = client.get(nordby.get_absolute_url()).content.decode()
    assert "Eksempler fra Nordby" in html and own.title in html
    assert "Eksempler Nordby har tatt i bruk" in html and adopted.title in html
    assert "Eksempler som svarer på kommunens utfordringer" in html and addressing.title in html
    assert "Uten kobling" not in html


def test_kommune_without_cases_is_invited_to_suggest_one(client, case_index, kommuner):
    html = client.get(kommuner[3].get_absolute_url()).content.decode()
    assert "Det er ikke publisert eksempler fra Dalen ennå." in html


def test_personal_data_export_and_profile(client, case_index, kommuner, user):
    suggested = CasePageFactory(parent=case_index, title="Mitt forslag", submitted_by=user)
    suggested.unpublish()
    case = CasePageFactory(parent=case_index, title="Tatt i bruk")
    CaseReuse.objects.create(page=case, kommune=kommuner[0], marked_by=user)
    reuse = CaseReuse.objects.get()
    data = export_personal_data(user)["eksempler"]
    assert data["foreslått"][0]["tittel"] == "Mitt forslag" and data["foreslått"][0]["publisert"] is False
    assert data["markert_tatt_i_bruk"] == [
        {"eksempel": "Tatt i bruk", "kommune": "Nordby", "markert": reuse.created_at.isoformat()}
    ]
    client.force_login(user)
    profile = client.get("/konto/profil/").content.decode()
    assert "Eksempler du har foreslått" in profile and "Mitt forslag" in profile
    assert "Eksempler du har markert som tatt i bruk" in profile and "for Nordby" in profile


def test_course_link_comes_from_the_phase_hook(client, case_index):
    case = CasePageFactory(parent=case_index, phase="innsikt")
    assert "Lær mer om fasen" not in client.get(case.url).content.decode()

    def course_for(phase):
        return ("Modul 2: Innsikt", "/kurs/innsikt/") if phase == "innsikt" else None

    with hooks.register_temporarily("register_phase_course_link", course_for):
        html = client.get(case.url).content.decode()
    assert "Lær mer om fasen innsikt" in html and 'href="/kurs/innsikt/"' in html


def test_case_page_shows_profiles_related_and_similar_cases(client, case_index, kommuners_four, demography):
    nordby, fjellvik, sorvag, _dalen = kommuners_four
    codes = {Dimension.SERVICE_AREA: ["skole"], Dimension.CHALLENGE: ["faerre-barn"]}
    case = CasePageFactory(parent=case_index, title="Hovedeksempel", kommuner=[nordby], codes=codes)
    related = CasePageFactory(parent=case_index, title="Samme utfordring", kommuner=[fjellvik], codes=codes)
    similar = CasePageFactory(parent=case_index, title="Fra en lignende kommune", kommuner=[sorvag])
    response = client.get(case.url)
    html = response.content.decode()
    assert "Demografiske utfordringer fram mot 2040:" in html and "færre barn og unge" in html
    assert response.context["links"].related_cases == [related]
    similar_cases = {item.case: item for item in response.context["links"].similar_cases}
    assert similar in similar_cases and related not in similar_cases
    reason = similar_cases[similar].reason
    assert reason.startswith("lignende ") and f"Sørvåg: {reason}" in html


def test_case_page_says_plainly_which_figures_a_kommune_lacks(client, case_index, kommuners_four):
    case = CasePageFactory(parent=case_index, kommuner=[kommuners_four[0]])
    html = client.get(case.url).content.decode()
    assert 'data-data-state="none"' in html
    assert "Demografiske utfordringer" not in html


@pytest.fixture
def kommuners_four(kommuner):
    return kommuner


def test_kommune_page_says_why_no_cases_for_challenges_are_shown_without_a_projection(client, case_index, kommuner):
    CasePageFactory(parent=case_index, kommuner=[kommuners_first(kommuner)], codes={Dimension.CHALLENGE: ["aldring"]})
    html = client.get(kommuner[0].get_absolute_url()).content.decode()
    assert 'data-missing="challenges"' in html
    assert "det er ikke lastet inn noen for kommunen ennå" in html


def test_kommune_page_with_challenges_but_no_matching_cases_says_so(client, case_index, kommuner, demography):
    html = client.get(kommuners_first(kommuner).get_absolute_url()).content.decode()
    assert "Ingen publiserte eksempler svarer på kommunens demografiske utfordringer ennå." in html
    assert 'data-missing="challenges"' not in html


def kommuners_first(kommuner):
    return kommuner[0]
