"""Cases an organisation took part in: the case page links the partner, the organisation page lists the cases."""

import pytest

from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from cases.factories import CaseIndexPageFactory, CasePageFactory
from cases.models import CasePartner
from cases.wagtail_hooks import organisation_cases_section
from innoplatform.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def case_index(home_page):
    index = CaseIndexPageFactory(parent=home_page)
    index.save_revision().publish()
    return index


@pytest.fixture
def usn(db):
    return OrganisationFactory(name="Universitetet i Sørøst-Norge", sector="fou")


def _case(case_index, kommune, title, *partners):
    case = CasePageFactory(parent=case_index, title=title, kommuner=[kommune])
    for name, organisation in partners:
        case.partners.create(name=name, sector="fou", organisation=organisation)
    case.save_revision().publish()
    return case


def test_the_case_page_links_a_partner_to_its_organisation_page(client, case_index, skien, usn):
    case = _case(case_index, skien, "Digitalt nattilsyn", ("USN", usn), ("Lokal leverandør", None))
    html = client.get(case.url).content.decode()
    assert f'<a class="ds-link" href="{usn.get_absolute_url()}">USN</a>' in html
    assert "Lokal leverandør" in html and html.count('href="/organisasjoner/') == 1


def test_the_organisation_page_lists_the_published_cases_it_took_part_in(client, case_index, skien, usn):
    other = OrganisationFactory(name="Telemark fylkeskommune", sector="fylkeskommune")
    _case(case_index, skien, "Digitalt nattilsyn", ("USN", usn), ("USN Bø", usn))
    _case(case_index, skien, "Felles innkjøp", ("Fylket", other))
    draft = _case(case_index, skien, "Ikke publisert ennå", ("USN", usn))
    draft.unpublish()
    html = client.get(usn.get_absolute_url()).content.decode()
    assert "Eksempler organisasjonen har vært med på" in html
    assert html.count("Digitalt nattilsyn") == 1
    assert "Felles innkjøp" not in html and "Ikke publisert ennå" not in html


def test_an_organisation_without_cases_has_no_section(client, usn):
    assert "Eksempler organisasjonen har vært med på" not in client.get(usn.get_absolute_url()).content.decode()


def test_the_section_reads_its_cases_in_one_query(case_index, skien, usn):
    for n in range(5):
        _case(case_index, skien, f"Eksempel {n}", ("USN", usn))
    request = RequestFactory().get(usn.get_absolute_url())
    with CaptureQueriesContext(connection) as queries:
        section = organisation_cases_section(request, usn)
    assert len(queries) == 1 and len(section.context["cases"]) == 5


def test_deleting_the_organisation_keeps_the_partner(case_index, skien, usn):
    case = _case(case_index, skien, "Digitalt nattilsyn", ("USN", usn))
    usn.delete()
    partner = CasePartner.objects.get(page=case)
    assert partner.name == "USN" and partner.organisation is None
