"""Editors see the Wagtail admin in bokmål, also while moderating, and with nynorsk chosen on the site."""

import re
from html import unescape

import pytest

from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from wagtail.models import Task, Workflow

from innoplatform.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

ENGLISH = [
    "Pages",
    "Request changes",
    "Approve with comment",
    "Approve and Publish",
    "and Publish",
    "Tiittel",
    "Avpublisér",
    "Vennligst",
    "Moderators approval",
    "Awaiting",
    "Schedule to publish",
    "Workflow",
    "Keyboard shortcuts",
    "Skip to main content",
    "Comments",
    "Locked pages",
]


def visible_text(response) -> str:
    """Text nodes and labels of the admin page, without scripts and JSON props."""
    html = response.content.decode()
    html = re.sub(r"<(script|style|template)\b.*?</\1>", " ", html, flags=re.S)
    labels = " ".join(re.findall(r'(?:aria-label|title|placeholder)="([^"]*)"', html))
    text = re.sub(r"<[^>]+>", " ", html)
    return " ".join(unescape(text + " " + labels).split())


def assert_no_english(text: str) -> None:
    for phrase in ENGLISH:
        assert not re.search(rf"\b{re.escape(phrase)}\b", text), f"{phrase!r} in admin text"


@pytest.fixture
def editor(client, home_page):
    user = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(user)
    return user


@pytest.fixture
def page_in_moderation(home_page, editor):
    home_page.save_revision(user=editor)
    Workflow.objects.get(active=True).start(home_page, editor)
    return home_page


def test_default_workflow_and_task_have_norwegian_names():
    assert list(Workflow.objects.values_list("name", flat=True)) == ["Godkjenning i redaksjonen"]
    assert list(Task.objects.values_list("name", flat=True)) == ["Redaksjonen godkjenner"]


@pytest.mark.django_db(transaction=True)
def test_workflow_names_migration_is_reversible():
    # An earlier test that commits may have flushed the rows Wagtail's migrations made: start from them.
    Workflow.objects.get_or_create(name="Godkjenning i redaksjonen")
    executor = MigrationExecutor(connection)
    executor.migrate([("core", "0003_form_submission")])
    assert Workflow.objects.filter(name="Moderators approval").exists()
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    assert Workflow.objects.filter(name="Godkjenning i redaksjonen").exists()


def test_dashboard_is_in_bokmal(client, editor, page_in_moderation):
    text = visible_text(client.get("/admin/"))
    assert re.search(r"\b1 side\b", text), "the site summary counts pages in bokmål"
    assert "Søk i alle sider" in text
    assert_no_english(text)


def test_page_explorer_is_in_bokmal(client, editor, page_in_moderation):
    text = visible_text(client.get(f"/admin/pages/{page_in_moderation.pk}/"))
    assert "Til godkjenning" in text
    assert_no_english(text)


def test_page_editor_in_moderation_is_in_bokmal(client, editor, page_in_moderation):
    text = visible_text(client.get(f"/admin/pages/{page_in_moderation.pk}/edit/"))
    assert "Be om endringer" in text
    assert "Godkjenn med kommentar" in text
    assert "og publiser" in text
    assert "Redaksjonen godkjenner" in text
    assert "Tittel" in text
    assert_no_english(text)


@pytest.mark.parametrize(
    "url", ["/admin/reports/workflow/", "/admin/reports/locked/", "/admin/images/", "/admin/documents/"]
)
def test_reports_and_libraries_are_in_bokmal(client, editor, page_in_moderation, url):
    response = client.get(url)
    assert response.status_code == 200
    assert_no_english(visible_text(response))


def test_admin_is_bokmal_when_the_site_language_is_nynorsk(client, editor, page_in_moderation, settings):
    """Wagtail has no nynorsk: an editor who reads the site in nynorsk gets the admin in bokmål."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nn"
    response = client.get("/admin/")
    content = response.content.decode()
    assert '<html lang="nb"' in content
    text = visible_text(response)
    assert "Søk i alle sider" in text
    assert_no_english(text)
