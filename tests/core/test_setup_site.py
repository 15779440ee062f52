"""A fresh install after `migrate`: `setup_site` gives a working, empty site that imports work on."""

import json

import pytest

from django.core.management import call_command
from django.core.management.base import CommandError

from cases.models import CaseIndexPage, CasePage
from innoplatform.core.models import HomePage

pytestmark = pytest.mark.django_db


def test_setup_site_creates_every_index_page_once(capsys):
    assert not CaseIndexPage.objects.exists()
    call_command("setup_site")
    out = capsys.readouterr().out
    assert "Eksempler: /eksempler/" in out and "Nettstedet er klart." in out
    call_command("setup_site")
    assert HomePage.objects.count() == 1
    index = CaseIndexPage.objects.get()
    assert index.live and index.get_parent().specific == HomePage.objects.get()


def test_setup_site_keeps_what_editors_changed():
    call_command("setup_site")
    index = CaseIndexPage.objects.get()
    index.title = "Eksempelbiblioteket"
    index.save_revision().publish()
    call_command("setup_site")
    assert CaseIndexPage.objects.get().title == "Eksempelbiblioteket"


def test_the_empty_site_answers_and_imports_work_right_after(client, tmp_path):
    with pytest.raises(CommandError, match=r"Kjør «manage\.py setup_site» først"):
        call_command("import_cases", str(tmp_path / "mangler.jsonl"))
    call_command("setup_site")
    assert "Eksempler" in client.get("/").content.decode()
    library = client.get("/eksempler/").content.decode()
    assert "Det er ikke publisert noen eksempler ennå." in library
    line = {
        "slug": "nattkamera",
        "title": "Nattkamera",
        "summary": "Digitalt tilsyn.",
        "body": "<p>Tekst</p>",
        "municipalities": ["4003"],
        "sectors": ["kommune"],
        "service_areas": ["helse-og-omsorg"],
        "challenges": [],
        "phase": "pilotering",
        "year": 2023,
    }
    path = tmp_path / "eksempler.jsonl"
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    call_command("import_cases", str(path), "--publish")
    assert CasePage.objects.get().live
    assert "Nattkamera" in client.get("/eksempler/").content.decode()
