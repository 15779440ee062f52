"""backup_site and restore_site: a round trip brings back what was deleted; a bad archive changes nothing.

On SQLite the backup is taken from the (in-memory) test database and restored by
the real command, in its own process, into a file database copied from the test
database after the deletion, so that no migrate is needed. On PostgreSQL
(`DATABASE_URL=postgres://…`) both commands run against the test database itself.
"""

import hashlib
import io
import json
import re
import sqlite3
import tarfile
from collections.abc import Callable
from pathlib import Path

import pytest

from django.core.management import CommandError, call_command
from django.db import connection

from innoplatform.accounts.factories import UserFactory
from innoplatform.accounts.models import User
from innoplatform.core.backup import MANIFEST, BackupError, create_backup, latest_migrations, read_archive
from innoplatform.core.models import StandardPage
from innoplatform.core.site_setup import ensure_home_page
from tests.manage_process import run_manage

PLAN = b"Innovasjonsstrategi for Skien kommune, versjon 3.\n"
PICTURE = bytes(range(256)) * 40

sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite-databasen")
postgresql_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL-databasen")
pytestmark = pytest.mark.django_db


def write_media(root: Path) -> None:
    (root / "documents").mkdir(parents=True, exist_ok=True)
    (root / "original_images").mkdir(parents=True, exist_ok=True)
    (root / "documents" / "strategi.txt").write_bytes(PLAN)
    (root / "original_images" / "ferje.png").write_bytes(PICTURE)


def create_content() -> tuple[User, StandardPage]:
    user = UserFactory(email="kari.nordmann@skien.kommune.no")
    page = ensure_home_page().add_child(instance=StandardPage(title="Om sikkerhetskopier", slug="om-kopier"))
    return user, page


def use_file_storage(settings, root: Path) -> None:
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": str(root)}},
    }


@pytest.fixture(scope="module")
def archive(django_db_setup, django_db_blocker, tmp_path_factory) -> Path:
    """One real archive of the test database and two files, made outside any test's transaction."""
    folder = tmp_path_factory.mktemp("backup")
    write_media(folder / "media")
    with django_db_blocker.unblock():
        return create_backup(folder / "archives", media=folder / "media")


def rewrite(source: Path, target: Path, change: Callable[[str, bytes], bytes | None]) -> Path:
    """A copy of the archive with each member's content passed through `change` (None leaves the member out)."""
    with tarfile.open(source, "r:gz") as old, tarfile.open(target, "w:gz") as new:
        for member in old.getmembers():
            content = change(member.name, old.extractfile(member).read())
            if content is not None:
                member.size = len(content)
                new.addfile(member, io.BytesIO(content))
    return target


def with_manifest(change: Callable[[dict], None]) -> Callable[[str, bytes], bytes]:
    def edit(name: str, content: bytes) -> bytes:
        if name != MANIFEST:
            return content
        manifest = json.loads(content)
        change(manifest)
        return json.dumps(manifest).encode()

    return edit


def other_vendor(manifest: dict) -> None:
    manifest["database"]["vendor"] = "postgresql" if connection.vendor == "sqlite" else "sqlite"


def future_migration(manifest: dict) -> None:
    manifest["migrations"]["funding"] = "9999_fra_fremtiden"


def unlisted_file(manifest: dict) -> None:
    del manifest["files"]["media/documents/strategi.txt"]
    manifest["file_count"] -= 1


def changed_byte(name: str, content: bytes) -> bytes:
    if name == "media/documents/strategi.txt":
        return content.replace(b"versjon 3", b"versjon 4")
    return content


def without_manifest(name: str, content: bytes) -> bytes | None:
    return None if name == MANIFEST else content


def test_the_manifest_describes_the_archive(archive):
    with tarfile.open(archive, "r:gz") as tar:
        manifest = json.loads(tar.extractfile(MANIFEST).read())
        names = sorted(tar.getnames())
    assert archive.name.startswith("innoplatform-") and archive.name.endswith("Z.tar.gz")
    assert manifest["database"]["vendor"] == connection.vendor
    assert manifest["migrations"]["accounts"] == latest_migrations()["accounts"]
    assert manifest["file_count"] == 3
    assert manifest["media"] == {"included": True, "count": 2}
    assert manifest["files"]["media/documents/strategi.txt"] == {
        "size": len(PLAN),
        "sha256": hashlib.sha256(PLAN).hexdigest(),
    }
    assert names == sorted([MANIFEST, *manifest["files"]])
    assert manifest["database"]["member"] in manifest["files"]


@pytest.mark.parametrize(
    ("tamper", "message"),
    [
        (changed_byte, "Sjekksummen stemmer ikke for media/documents/strategi.txt"),
        (without_manifest, "mangler manifest.json"),
        (with_manifest(other_vendor), f"denne installasjonen bruker {connection.vendor}"),
        (with_manifest(future_migration), "funding.9999_fra_fremtiden finnes ikke i denne koden"),
        (with_manifest(unlisted_file), "ikke lister: media/documents/strategi.txt"),
    ],
    ids=["changed-byte", "missing-manifest", "wrong-vendor", "newer-platform", "unlisted-file"],
)
def test_a_bad_archive_is_refused_and_nothing_changes(archive, tamper, message, tmp_path, settings):
    user = UserFactory(email="bevares@skien.kommune.no")
    users = User.objects.count()
    media = tmp_path / "media"
    (media / "documents").mkdir(parents=True)
    (media / "documents" / "etter.txt").write_bytes(b"lastet opp etter kopien")
    use_file_storage(settings, media)
    bad = rewrite(archive, tmp_path / "endret.tar.gz", tamper)

    with pytest.raises(CommandError, match=message):
        call_command("restore_site", str(bad), yes=True)

    assert User.objects.filter(pk=user.pk, email="bevares@skien.kommune.no").exists()
    assert User.objects.count() == users
    assert [p.relative_to(media).as_posix() for p in media.rglob("*") if p.is_file()] == ["documents/etter.txt"]


def test_a_damaged_file_is_refused(archive, tmp_path):
    damaged = tmp_path / "skadet.tar.gz"
    content = bytearray(archive.read_bytes())
    content[len(content) // 2] ^= 0xFF
    damaged.write_bytes(bytes(content))
    with pytest.raises(BackupError, match=r"skadet|Sjekksummen stemmer ikke"):
        read_archive(damaged, tmp_path / "staging")


def test_a_member_outside_the_archive_root_is_refused(archive, tmp_path):
    hostile = tmp_path / "sti.tar.gz"
    with tarfile.open(hostile, "w:gz") as tar:
        info = tarfile.TarInfo("../utenfor.txt")
        info.size = 3
        tar.addfile(info, io.BytesIO(b"hei"))
    with pytest.raises(BackupError, match=re.escape("ugyldig sti: «../utenfor.txt»")):
        read_archive(hostile, tmp_path / "staging")
    assert not (tmp_path / "utenfor.txt").exists()


def test_restore_asks_for_confirmation(archive):
    with pytest.raises(CommandError, match="Kjør med --yes"):
        call_command("restore_site", str(archive))


def test_backup_refuses_files_it_cannot_read(tmp_path):
    """The test settings keep uploads in memory, as an object store keeps them out of the file system."""
    with pytest.raises(CommandError, match="backup_site --no-media"):
        call_command("backup_site", dir=str(tmp_path))
    assert not list(tmp_path.iterdir())


@sqlite_only
@pytest.mark.django_db(transaction=True)
def test_round_trip_into_a_sqlite_file(tmp_path, settings):
    """Backed up from the test database, deleted there, copied to a file, restored into the file by the command."""
    user, page = create_content()
    media = tmp_path / "media"
    write_media(media)
    use_file_storage(settings, media)
    call_command("backup_site", dir=str(tmp_path / "kopier"))
    [archive] = (tmp_path / "kopier").glob("innoplatform-*.tar.gz")
    User.objects.filter(pk=user.pk).delete()
    page.delete()
    assert not User.objects.filter(pk=user.pk).exists()
    database = tmp_path / "db.sqlite3"
    copy = sqlite3.connect(database)
    connection.ensure_connection()
    connection.connection.backup(copy)
    copy.close()
    (media / "documents" / "strategi.txt").unlink()
    (media / "documents" / "etter.txt").write_bytes(b"lastet opp etter kopien")

    restored = run_manage(
        "restore_site",
        str(archive),
        "--yes",
        settings="innoplatform.settings.dev",
        DATABASE_URL=f"sqlite:///{database}",
        MEDIA_ROOT=str(media),
    )

    assert restored.returncode == 0, restored.stderr
    assert "search_index rebuild" in restored.stdout
    db = sqlite3.connect(database)
    assert db.execute("SELECT email FROM accounts_user WHERE id = ?", [user.pk]).fetchall() == [(user.email,)]
    assert db.execute("SELECT title FROM wagtailcore_page WHERE id = ?", [page.pk]).fetchall() == [(page.title,)]
    db.close()
    assert (media / "documents" / "strategi.txt").read_bytes() == PLAN
    assert (media / "original_images" / "ferje.png").read_bytes() == PICTURE
    assert not (media / "documents" / "etter.txt").exists()


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_round_trip_on_postgresql(tmp_path, settings):
    user, page = create_content()
    media = tmp_path / "media"
    write_media(media)
    use_file_storage(settings, media)

    call_command("backup_site", dir=str(tmp_path / "kopier"))
    [archive] = (tmp_path / "kopier").glob("innoplatform-*.tar.gz")
    User.objects.filter(pk=user.pk).delete()
    page.delete()
    (media / "documents" / "strategi.txt").unlink()
    (media / "documents" / "etter.txt").write_bytes(b"lastet opp etter kopien")
    assert not User.objects.filter(pk=user.pk).exists()

    output = io.StringIO()
    call_command("restore_site", str(archive), yes=True, stdout=output)

    assert "search_index rebuild" in output.getvalue()
    assert User.objects.get(pk=user.pk).email == user.email
    assert StandardPage.objects.get(pk=page.pk).title == page.title
    assert (media / "documents" / "strategi.txt").read_bytes() == PLAN
    assert (media / "original_images" / "ferje.png").read_bytes() == PICTURE
    assert not (media / "documents" / "etter.txt").exists()
