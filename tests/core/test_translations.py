"""Every UI string has English and nynorsk; the compiled catalogues match their sources.

A string added anywhere in the source without a translation makes
`test_every_source_string_is_translated` fail: run `make messages`, translate, commit.
"""

import ast
import gettext
import glob
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import allauth
import pytest

import django
from django.conf import settings

import wagtail

LOCALE = Path(settings.BASE_DIR) / "locale"
GENERATED = ["en", "nn"]
CATALOGUES = [LOCALE / lang / "LC_MESSAGES" / "django.po" for lang in GENERATED] + sorted(
    (LOCALE / "nb" / "LC_MESSAGES").glob("*.po")
)
MSGFMT = shutil.which("msgfmt") or "/usr/bin/msgfmt"  # GNU gettext, which makemessages needs too
ENTRY_KEYWORDS = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(".*")$')


def parse_po(path: Path) -> list[dict]:
    """Entries of a .po file: msgctxt, msgid, msgid_plural, msgstr (list), flags, obsolete."""
    entries, entry, key = [], None, None

    def flush():
        if entry and "msgid" in entry:
            entries.append(entry)

    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            flush()
            entry = None
            continue
        if entry is None:
            entry = {"flags": set(), "obsolete": False, "msgstr": {}}
        if line.startswith("#~"):
            entry["obsolete"] = True
        elif line.startswith("#,"):
            entry["flags"] |= {flag.strip() for flag in line[2:].split(",")}
        elif line.startswith("#"):
            continue
        elif match := ENTRY_KEYWORDS.match(line):
            key, value = match.group(1), ast.literal_eval(match.group(2))
            if key.startswith("msgstr"):
                index = int(key[7:-1]) if "[" in key else 0
                entry["msgstr"][index] = value
                key = ("msgstr", index)
            else:
                entry[key] = value
        elif line.startswith('"'):
            value = ast.literal_eval(line)
            if isinstance(key, tuple):
                entry["msgstr"][key[1]] += value
            else:
                entry[key] += value
    flush()
    return [e for e in entries if e["msgid"] and not e["obsolete"]]


def untranslated(path: Path) -> list[str]:
    return [e["msgid"] for e in parse_po(path) if not all(e["msgstr"].values()) or not e["msgstr"]]


def fuzzy(path: Path) -> list[str]:
    return [e["msgid"] for e in parse_po(path) if "fuzzy" in e["flags"]]


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda p: str(p.relative_to(LOCALE)))
def test_catalogue_is_complete_and_well_formed(po):
    assert po.exists()
    assert untranslated(po) == []
    assert fuzzy(po) == []
    result = subprocess.run(
        [MSGFMT, "--check-format", "--statistics", "-o", os.devnull, str(po)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "fuzzy" not in result.stderr
    assert "untranslated" not in result.stderr


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda p: str(p.relative_to(LOCALE)))
def test_compiled_catalogue_matches_its_source(po, tmp_path):
    """The committed .mo is what `compilemessages` makes of the .po (run `make messages` if not)."""
    mo = po.with_suffix(".mo")
    assert mo.exists(), f"{mo} is missing: run make messages"
    fresh = tmp_path / "fresh.mo"
    subprocess.run([MSGFMT, "--check-format", "-o", str(fresh), str(po)], check=True)
    with mo.open("rb") as committed, fresh.open("rb") as compiled:
        assert gettext.GNUTranslations(committed)._catalog == gettext.GNUTranslations(compiled)._catalog, (
            f"{mo} is older than {po}: run make messages"
        )


def test_every_source_string_is_translated(tmp_path):
    """Extract the source strings the way `make messages` does, into a copy of the catalogues."""
    root = Path(settings.BASE_DIR)
    work = tmp_path / "src"
    work.mkdir()
    for child in root.iterdir():
        if child.name in {"locale", "tests", "media", "staticfiles", "node_modules"} or child.name.startswith("."):
            continue
        (work / child.name).symlink_to(child)
    for lang in GENERATED:
        target = work / "locale" / lang / "LC_MESSAGES"
        target.mkdir(parents=True)
        shutil.copy(LOCALE / lang / "LC_MESSAGES" / "django.po", target / "django.po")
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    result = subprocess.run(
        [sys.executable, "-m", "django", "makemessages", "--symlinks", "--no-obsolete", "--ignore", "tests/*"]
        + [arg for lang in GENERATED for arg in ("--locale", lang)],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    for lang in GENERATED:
        po = work / "locale" / lang / "LC_MESSAGES" / "django.po"
        missing = untranslated(po) + fuzzy(po)
        assert missing == [], f"{lang}: {len(missing)} strings without translation – run make messages: {missing}"


def third_party_msgids() -> set[tuple[str | None, str]]:
    """Every msgid Django, Wagtail and allauth ship (from their own catalogues)."""
    paths = []
    for package, lang in [(django, "nb"), (wagtail, "en"), (allauth, "nb")]:
        base = Path(package.__file__).parent
        paths += glob.glob(str(base / "**" / "locale" / lang / "LC_MESSAGES" / "*.po"), recursive=True)
    return {(e.get("msgctxt"), e["msgid"]) for path in paths for e in parse_po(Path(path))}


def test_bokmal_catalogue_only_overrides_third_party_strings():
    """locale/nb holds corrections to other apps' strings; project strings are bokmål already.

    A project msgid here means makemessages has been run for nb, which also deletes the overrides.
    An unknown msgid means an override that no longer matches what the app says (after an upgrade).
    """
    known = third_party_msgids()
    for po in sorted((LOCALE / "nb" / "LC_MESSAGES").glob("*.po")):
        stray = [e["msgid"] for e in parse_po(po) if (e.get("msgctxt"), e["msgid"]) not in known]
        assert stray == [], f"{po.name}: {stray}"


def test_nynorsk_third_party_strings_are_merged():
    """`make messages` appends locale/nn/third_party.po to the nynorsk catalogue."""
    catalogue = {(e.get("msgctxt"), e["msgid"]): e["msgstr"] for e in parse_po(LOCALE / "nn/LC_MESSAGES/django.po")}
    for entry in parse_po(LOCALE / "nn" / "third_party.po"):
        assert catalogue.get((entry.get("msgctxt"), entry["msgid"])) == entry["msgstr"], entry["msgid"]


@pytest.mark.django_db
def test_nynorsk_home_page(client, home_page, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nn"
    content = client.get("/").content.decode()
    assert '<html lang="nn"' in content
    assert "Hopp til hovudinnhaldet" in content
    assert "Hopp til hovedinnholdet" not in content


@pytest.mark.django_db
def test_nynorsk_kommune_list(client, home_page, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nn"
    content = client.get("/kommuner/").content.decode()
    assert '<html lang="nn"' in content
    assert "Alle dei 357 kommunane i landet" in content
    assert "Alle landets 357 kommuner" not in content


@pytest.mark.django_db
def test_nynorsk_login_page_uses_nynorsk_for_allauth_strings(client, home_page, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nn"
    content = client.get("/konto/login/").content.decode()
    assert "Gløymt passordet?" in content
    assert "Hugs meg" in content
    assert "Glemt" not in content
