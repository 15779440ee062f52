"""An organisation's logo is a small PNG, JPEG, WebP or GIF image, named for the format it is in."""

import io

import pytest
from PIL import Image as PILImage

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.images import get_image_model

from innoplatform.organisations.forms import OrganisationForm
from innoplatform.organisations.models import Organisation

pytestmark = pytest.mark.django_db

NOT_A_LOGO = "Logoen må være et bilde i PNG-, JPEG-, WebP- eller GIF-format."


def image(format_: str, size=(60, 30), mode="RGB") -> bytes:
    buffer = io.BytesIO()
    PILImage.new(mode, size).save(buffer, format_)
    return buffer.getvalue()


def submit(organisation, name: str, content: bytes) -> OrganisationForm:
    data = {
        "name": organisation.name,
        "orgnr": organisation.orgnr,
        "sector": organisation.sector,
        "kommune": "Skien",
        "description": "",
        "domains": "",
    }
    return OrganisationForm(data, {"logo_file": SimpleUploadedFile(name, content)}, instance=organisation)


@pytest.mark.parametrize(
    ("name", "format_"),
    [("logo.png", "PNG"), ("logo.jpg", "JPEG"), ("logo.jpeg", "JPEG"), ("logo.webp", "WEBP"), ("logo.gif", "GIF")],
)
def test_a_logo_in_an_allowed_format_is_accepted(organisation, name, format_):
    form = submit(organisation, name, image(format_))
    assert form.is_valid(), form.errors
    assert form.cleaned_data["logo_file"].image.format == format_


@pytest.mark.parametrize(
    ("name", "content", "expect"),
    [
        ("logo.png", image("PNG") + b"\0" * (2 * 1024 * 1024), "Logoen kan være høyst 2 MB."),
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', NOT_A_LOGO),
        ("logo.png", b"Dette er en tekstfil.\n", NOT_A_LOGO),
        ("logo.png", b"<!DOCTYPE html><html><script>alert(1)</script></html>", NOT_A_LOGO),
        ("logo.bmp", image("BMP"), NOT_A_LOGO),
        ("logo.tiff", image("TIFF"), NOT_A_LOGO),
        ("logo.png", image("JPEG"), NOT_A_LOGO),
        ("logo.exe", b"MZ\x90\x00" + b"\0" * 100, NOT_A_LOGO),
        (
            "logo.png",
            image("PNG", (8000, 6000), "1"),
            "Logoen er for stor: 8000 × 6000 piksler. Gjør den mindre, for eksempel 1000 piksler bred.",
        ),
    ],
    ids=["too-big", "svg", "text-as-png", "html-as-png", "bmp", "tiff", "jpeg-as-png", "exe", "too-many-pixels"],
)
def test_a_file_that_is_not_a_fitting_logo_is_refused_on_the_field(organisation, name, content, expect):
    form = submit(organisation, name, content)
    assert not form.is_valid()
    assert form.errors["logo_file"] == [expect]


def test_a_refused_logo_is_not_stored(client, org_admin, organisation):
    client.force_login(org_admin)
    response = client.post(
        reverse("organisations:edit", args=[organisation.slug]),
        {
            "name": organisation.name,
            "orgnr": organisation.orgnr,
            "sector": organisation.sector,
            "kommune": "Skien",
            "logo_file": SimpleUploadedFile("logo.png", b"<svg></svg>"),
        },
    )
    assert response.status_code == 200 and NOT_A_LOGO in response.content.decode()
    assert not get_image_model().objects.exists()
    assert Organisation.objects.get(pk=organisation.pk).logo is None
