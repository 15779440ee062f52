"""Images and documents uploaded in the Wagtail admin are checked for type and size, with the error on the field."""

import io
import json
import zipfile

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from PIL import Image as PILImage

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from innoplatform.accounts.factories import UserFactory
from innoplatform.accounts.models import SecuritySettings
from innoplatform.core.validators import DOCUMENT_SIGNATURES

pytestmark = pytest.mark.django_db

Document = get_document_model()
Image = get_image_model()
MB = 1024 * 1024


@pytest.fixture
def editor_client(client, home_page):
    """A superuser with two-step login on, on a site that requires it."""
    security = SecuritySettings.load()
    security.require_mfa_for_staff = True
    security.save()
    user = UserFactory(is_superuser=True, is_staff=True)
    TOTP.activate(user, generate_totp_secret())
    client.force_login(user)
    return client


def png(size=(40, 20), mode="RGB") -> bytes:
    buffer = io.BytesIO()
    PILImage.new(mode, size).save(buffer, "PNG")
    return buffer.getvalue()


def docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


HTML = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'


def upload(client, url_name: str, name: str, content: bytes):
    data = {
        "title": "Vedlegg",
        "file": SimpleUploadedFile(name, content),
        "collection": Collection.get_first_root_node().pk,
    }
    return client.post(reverse(url_name), data)


def file_errors(response) -> str:
    return " ".join(response.context["form"].errors.get("file", [])).replace("\xa0", " ")


def test_the_limits_are_the_sites():
    assert settings.WAGTAILIMAGES_EXTENSIONS == ["avif", "gif", "jpg", "jpeg", "png", "webp"]
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 10 * MB
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 40_000_000
    assert settings.WAGTAILDOCS_MAX_UPLOAD_SIZE == 20 * MB


def test_every_document_type_allowed_has_a_content_rule():
    assert set(settings.WAGTAILDOCS_EXTENSIONS) == set(DOCUMENT_SIGNATURES)


# Images


def test_an_image_is_stored(editor_client):
    response = upload(editor_client, "wagtailimages:add", "kart.png", png())
    assert response.status_code == 302
    assert Image.objects.get().width == 40


@pytest.mark.parametrize(
    ("name", "content", "expect"),
    [
        ("for-stort.png", png() + b"\0" * (10 * MB), "10,0 MB"),
        ("nettside.png", HTML, "Ikke et gyldig .png bilde"),
        ("tekst.png", b"Dette er en tekstfil.\n", "Last opp et gyldig bilde"),
        ("program.exe", b"MZ\x90\x00" + b"\0" * 100, "Last opp et gyldig bilde"),
        ("tegning.svg", SVG, "AVIF, GIF, JPG, JPEG, PNG, WEBP."),
        ("bilde.jpg", png(), "jpeg"),
        ("enorm.png", png((8000, 6000), "1"), "40000000"),
    ],
    ids=["too-big", "html-as-png", "text-as-png", "exe", "svg", "png-as-jpg", "too-many-pixels"],
)
def test_an_image_that_breaks_a_rule_is_refused_on_the_field(editor_client, name, content, expect):
    response = upload(editor_client, "wagtailimages:add", name, content)
    assert response.status_code == 200
    assert expect in file_errors(response), file_errors(response)
    assert not Image.objects.exists()


# Documents


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("rapport.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n%%EOF\n"),
        ("rapport.docx", docx()),
        ("tall.csv", "kommune;innbyggere\nBø;6 000\n".encode()),
        ("les-meg.txt", "\ufeffHei, Æsa!\n".encode()),
    ],
    ids=["pdf", "docx", "csv", "txt-with-bom"],
)
def test_a_document_is_stored(editor_client, name, content):
    response = upload(editor_client, "wagtaildocs:add", name, content)
    assert response.status_code == 302
    assert Document.objects.get().filename == name


@pytest.mark.parametrize(
    ("name", "content", "expect"),
    [
        ("for-stor.pdf", b"%PDF-1.7\n" + b"\0" * (20 * MB), "20,0 MB"),
        ("nettside.pdf", HTML, "Filen heter .pdf, men er ikke en PDF."),
        ("rapport.docx", b"%PDF-1.7\n", "Filen heter .docx, men er ikke et Word-dokument."),
        ("regneark.xlsx", HTML, "men er ikke et Excel-regneark"),
        ("tall.csv", "kommune;innbyggere\nBø;6 000\n".encode("latin-1"), "Filen må være lagret som UTF-8"),
        ("tall.csv", "kommune;innbyggere\n".encode("utf-16"), "slik en UTF-16-fil har"),
        ("les-meg.txt", b"Hei\x00\x00", "Filen har NUL-tegn"),
        ("program.exe", b"MZ\x90\x00", "exe"),
        ("side.html", HTML, "html"),
    ],
    ids=["too-big", "html-as-pdf", "pdf-as-docx", "html-as-xlsx", "latin-1", "utf-16", "nul", "exe", "html"],
)
def test_a_document_that_breaks_a_rule_is_refused_on_the_field(editor_client, name, content, expect):
    response = upload(editor_client, "wagtaildocs:add", name, content)
    assert response.status_code == 200
    errors = [error.replace("\xa0", " ") for error in response.context["form"].errors["file"]]
    assert len(errors) == 1 and expect in errors[0], errors
    assert not Document.objects.exists()


def test_the_multiple_uploader_checks_the_content_too(editor_client):
    response = editor_client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": SimpleUploadedFile("nettside.pdf", HTML), "collection": Collection.get_first_root_node().pk},
    )
    answer = json.loads(response.content)
    assert answer["success"] is False and "Filen heter .pdf, men er ikke en PDF." in answer["error_message"]
    assert not Document.objects.exists()


def test_replacing_a_documents_file_is_checked(editor_client):
    document = Document.objects.create(title="Rapport", file=ContentFile(b"%PDF-1.7\n", name="rapport.pdf"))
    response = editor_client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {
            "title": "Rapport",
            "file": SimpleUploadedFile("rapport.pdf", HTML),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert "Filen heter .pdf, men er ikke en PDF." in file_errors(response)
    document.refresh_from_db()
    with document.open_file() as file:
        assert file.read() == b"%PDF-1.7\n"


@pytest.mark.parametrize(
    ("name", "content", "disposition"),
    [
        ("rapport.pdf", b"%PDF-1.7\n", "inline"),
        ("rapport.docx", docx(), "attachment"),
        ("tall.csv", b"a;b\n", "attachment"),
    ],
    ids=["pdf", "docx", "csv"],
)
def test_only_pdf_opens_in_the_browser(client, settings, tmp_path, name, content, disposition):
    """Served from disk as in production (the test settings keep files in memory, which has no path to send)."""
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}
    document = Document.objects.create(title="Vedlegg", file=ContentFile(content, name=name))
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].split(";")[0] == disposition
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["X-Content-Type-Options"] == "nosniff"
