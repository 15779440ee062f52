"""No input gives a 500: oversized numbers, NUL bytes, junk and repeated parameters on the public pages and APIs."""

import pytest

from cases.factories import CasePageFactory
from cases.library import ensure_case_index
from innoplatform.municipalities.models import Kommune

pytestmark = pytest.mark.django_db

HUGE = "9" * 23
VALUES = [HUGE, "-1", "0", "\x00", "a\x00b", "<script>", "%", "ø" * 300, "1e400", " "]
PAGES = {
    "/": ["q"],
    "/kommuner/": ["q"],
    "/kommuner/sammenlign/": ["k", "alternativ"],
    "/kommuner/4003-skien/": ["alternativ"],
    "/eksempler/": ["q", "side", "kommune", "fylke", "ar", "utfordring", "sorter", "storrelse"],
    "/casebibliotek/": ["kommune"],
    "/api/cases/": ["q", "side", "kommune", "fylke", "ar", "utfordring", "sorter"],
    "/api/cases/eksport.csv": ["q", "kommune", "ar"],
    "/api/kommuner/4003/profile": ["alternativ"],
    "/api/": ["format"],
}


@pytest.fixture
def library(home_page):
    index = ensure_case_index()
    CasePageFactory(parent=index, kommuner=[Kommune.objects.get(number="4003")])
    return index


@pytest.mark.parametrize("path", list(PAGES))
def test_junk_in_any_parameter_is_never_a_server_error(client, library, path):
    for param in PAGES[path]:
        for value in VALUES:
            response = client.get(path, {param: [value, value]}, follow=True)
            assert response.status_code < 500, (path, param, value, response.status_code)


@pytest.mark.parametrize(
    "path",
    [
        "/kommuner/" + HUGE + "/",
        "/kommuner/" + HUGE + "-skien/",
        "/casebibliotek/" + HUGE + "/gjenbruk/",
        "/api/cases/" + "x" * 300 + "/",
        "/api/kommuner/" + HUGE + "/profile",
        "/eksempler/" + "a" * 300 + "/",
    ],
)
def test_junk_in_the_address_is_a_404(client, library, path):
    assert client.get(path, follow=True).status_code == 404


@pytest.mark.parametrize("path", ["/eksempler/?q=a%00b", "/kommuner/%00/", "/api/cases/?kommune=%00", "/?x%00=1"])
def test_a_nul_character_in_the_address_is_a_400_in_the_visitors_format(client, library, path):
    response = client.get(path)
    assert response.status_code == 400
    if path.startswith("/api/"):
        assert response.json() == {"detail": "Forespørselen kan ikke leses."}
    else:
        assert "Vi forsto ikke adressen" in response.content.decode()
