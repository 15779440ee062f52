"""Backup and restore of the site: the database and the uploaded files in one archive.

An archive (``innoplatform-20261203T101500Z.tar.gz``) holds the database dump, the
files under MEDIA_ROOT below ``media/`` and ``manifest.json``: when and from which
database vendor it was taken, the latest applied migration per app, and the size and
SHA-256 of every other member.

The dump is consistent: SQLite through sqlite3's online backup API, PostgreSQL
through ``pg_dump --format=custom`` (one snapshot). The files are read after the
dump, so every file the dump refers to is there (a file uploaded in between is
merely left over).

A restore reads the whole archive into a staging folder and checks it (manifest,
checksums, members, vendor, migrations) before it writes anything; only then is the
database replaced (SQLite: the backup API into the live database; PostgreSQL:
``pg_restore --clean --if-exists --no-owner --single-transaction``) and MEDIA_ROOT
made equal to the archive's files.
"""

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from django.core.files.storage import FileSystemStorage, storages
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

FORMAT = 1
MANIFEST = "manifest.json"
MEDIA_PREFIX = "media/"
ARCHIVE_PREFIX = "innoplatform-"
ARCHIVE_SUFFIX = ".tar.gz"
DUMP_MEMBERS = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message says why, in Norwegian."""


@dataclass(frozen=True)
class Manifest:
    created_at: str
    vendor: str
    migrations: dict[str, str]
    files: dict[str, dict]
    has_media: bool

    @property
    def media_count(self) -> int:
        return sum(1 for name in self.files if name.startswith(MEDIA_PREFIX))


def media_root() -> Path | None:
    """MEDIA_ROOT when uploads are kept by FileSystemStorage; None when they live elsewhere (an object store)."""
    storage = storages["default"]
    if isinstance(storage, FileSystemStorage):
        return Path(storage.location)
    return None


def create_backup(directory: Path, *, media: Path | None, using: str = DEFAULT_DB_ALIAS) -> Path:
    """Write a new archive of the database and (unless `media` is None) the files under `media`; its path.

    The archive is written under a hidden name and renamed when complete, so a
    half-written file is never taken for a backup.
    """
    connection = connections[using]
    vendor = _supported_vendor(connection.vendor)
    directory.mkdir(parents=True, exist_ok=True)
    created = datetime.now(UTC)
    target = _free_name(directory, created)
    partial = directory / f".{target.name}.partial"
    files: dict[str, dict] = {}
    try:
        with tempfile.TemporaryDirectory(dir=directory, prefix=".dump-") as scratch:
            dump = Path(scratch) / DUMP_MEMBERS[vendor]
            _dump_database(using, dump)
            with tarfile.open(partial, "w:gz", compresslevel=6) as archive:
                files[dump.name] = _add(archive, dump, dump.name)
                if media is not None:
                    for path, name in _media_files(media):
                        files[name] = _add(archive, path, name)
                manifest = {
                    "format": FORMAT,
                    "created_at": created.isoformat(timespec="seconds").replace("+00:00", "Z"),
                    "database": {"vendor": vendor, "member": dump.name},
                    "migrations": latest_migrations(using),
                    "media": {"included": media is not None, "count": sum(n.startswith(MEDIA_PREFIX) for n in files)},
                    "file_count": len(files),
                    "files": files,
                }
                _add_bytes(archive, MANIFEST, json.dumps(manifest, indent=2, ensure_ascii=False).encode())
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return target


def latest_migrations(using: str = DEFAULT_DB_ALIAS) -> dict[str, str]:
    """The latest applied migration of each app, by name (migration names start with their number)."""
    latest: dict[str, str] = {}
    for app, name in MigrationRecorder(connections[using]).applied_migrations():
        latest[app] = max(name, latest.get(app, name))
    return dict(sorted(latest.items()))


def read_archive(archive: Path, staging: Path, *, using: str = DEFAULT_DB_ALIAS) -> Manifest:
    """Unpack `archive` into `staging` and check all of it against the manifest and this site; the manifest.

    Raises BackupError naming the first thing that is wrong. Nothing outside `staging` is written.
    """
    if not archive.is_file():
        raise BackupError(f"Finner ikke arkivet {archive}.")
    seen: dict[str, dict] = {}
    raw_manifest: bytes | None = None
    try:
        with tarfile.open(archive, "r:gz") as tar:
            for member in tar:
                name = _checked_name(member)
                if member.isdir():
                    continue
                if name in seen or (name == MANIFEST and raw_manifest is not None):
                    raise BackupError(f"Arkivet har filen «{name}» to ganger.")
                source = tar.extractfile(member)
                if name == MANIFEST:
                    raw_manifest = source.read()
                    continue
                seen[name] = _extract(source, staging / name)
    except (tarfile.TarError, EOFError, zlib.error, OSError) as error:
        raise BackupError(f"Arkivet {archive.name} er skadet eller ikke en tar.gz-fil ({error}).") from error
    if raw_manifest is None:
        raise BackupError(f"Arkivet {archive.name} mangler {MANIFEST}, så innholdet kan ikke kontrolleres.")
    manifest = _parse_manifest(raw_manifest)
    _check_vendor(manifest, connections[using].vendor)
    if DUMP_MEMBERS[manifest.vendor] not in manifest.files:
        raise BackupError(f"{MANIFEST} lister ingen databasedump ({DUMP_MEMBERS[manifest.vendor]}).")
    _check_members(manifest, seen)
    _check_migrations(manifest, using)
    return manifest


def restore_backup(archive: Path, *, media: Path | None, using: str = DEFAULT_DB_ALIAS) -> Manifest:
    """Check `archive` whole, then replace the database and the files under `media` with its contents.

    `media` is None when uploads do not live in the file system; an archive with files is then refused.
    """
    with tempfile.TemporaryDirectory(prefix="innoplatform-restore-") as scratch:
        staging = Path(scratch)
        manifest = read_archive(archive, staging, using=using)
        if manifest.has_media and media is None:
            raise BackupError(
                "Arkivet har opplastede filer, men denne installasjonen lagrer filene utenfor filsystemet "
                "(STORAGES «default» er ikke FileSystemStorage). Filene må gjenopprettes i objektlageret."
            )
        _restore_database(using, staging / DUMP_MEMBERS[manifest.vendor])
        if manifest.has_media and media is not None:
            _replace_media(staging / MEDIA_PREFIX.rstrip("/"), media)
    return manifest


def pending_migrations(using: str = DEFAULT_DB_ALIAS) -> list[str]:
    """Migrations in the code that the (restored) database has not applied, as «app.name»."""
    loader = MigrationLoader(connections[using])
    return sorted(f"{app}.{name}" for app, name in loader.graph.nodes if (app, name) not in loader.applied_migrations)


def _supported_vendor(vendor: str) -> str:
    if vendor not in DUMP_MEMBERS:
        raise BackupError(f"Sikkerhetskopi støttes for SQLite og PostgreSQL, ikke for databasen «{vendor}».")
    return vendor


def _free_name(directory: Path, created: datetime) -> Path:
    stamp = created.strftime("%Y%m%dT%H%M%SZ")
    target = directory / f"{ARCHIVE_PREFIX}{stamp}{ARCHIVE_SUFFIX}"
    number = 1
    while target.exists():
        number += 1
        target = directory / f"{ARCHIVE_PREFIX}{stamp}-{number}{ARCHIVE_SUFFIX}"
    return target


def _dump_database(using: str, target: Path) -> None:
    connection = connections[using]
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        copy = sqlite3.connect(target)
        try:
            connection.connection.backup(copy)
        finally:
            copy.close()
        return
    _run_pg(["pg_dump", "--format=custom", "--no-password", f"--file={target}"], using)


def _restore_database(using: str, dump: Path) -> None:
    connection = connections[using]
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        source = sqlite3.connect(dump)
        try:
            source.backup(connection.connection)
        finally:
            source.close()
        connection.close()
        return
    connection.close()  # holds no locks while pg_restore drops and recreates the tables
    _run_pg(
        [
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            "--no-password",
            f"--dbname={connection.settings_dict['NAME']}",
            str(dump),
        ],
        using,
    )


def _run_pg(command: list[str], using: str) -> None:
    """Run a PostgreSQL client program against `using`, connected as Django is (the password in the environment)."""
    params = connections[using].settings_dict
    environment = {**os.environ, "PGDATABASE": params["NAME"]}
    for key, variable in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"), ("PASSWORD", "PGPASSWORD")):
        if params.get(key):
            environment[variable] = str(params[key])
    for option, variable in (("sslmode", "PGSSLMODE"), ("sslrootcert", "PGSSLROOTCERT")):
        if params.get("OPTIONS", {}).get(option):
            environment[variable] = str(params["OPTIONS"][option])
    try:
        result = subprocess.run(command, env=environment, capture_output=True, text=True, check=False)  # noqa: S603
    except FileNotFoundError as error:
        raise BackupError(f"Fant ikke programmet {command[0]}; installer PostgreSQLs klientprogrammer.") from error
    if result.returncode != 0:
        raise BackupError(f"{command[0]} feilet: {result.stderr.strip()}")


def _media_files(root: Path) -> Iterator[tuple[Path, str]]:
    """Every regular file under `root` (symbolic links left out) with its member name, in a stable order."""
    if not root.is_dir():
        return
    for folder, subfolders, names in os.walk(root):
        subfolders.sort()
        for name in sorted(names):
            path = Path(folder) / name
            if path.is_file() and not path.is_symlink():
                yield path, MEDIA_PREFIX + path.relative_to(root).as_posix()


def _add(archive: tarfile.TarFile, path: Path, name: str) -> dict:
    digest = hashlib.sha256()
    with path.open("rb") as source:
        for chunk in iter(lambda: source.read(CHUNK), b""):
            digest.update(chunk)
    info = archive.gettarinfo(str(path), arcname=name)
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    with path.open("rb") as source:
        archive.addfile(info, source)
    return {"size": info.size, "sha256": digest.hexdigest()}


def _add_bytes(archive: tarfile.TarFile, name: str, content: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(content)
    info.mtime = int(datetime.now(UTC).timestamp())
    info.mode = 0o644
    archive.addfile(info, io.BytesIO(content))


def _checked_name(member: tarfile.TarInfo) -> str:
    """The member's name, if it is a plain file or folder that stays inside the archive's root."""
    path = PurePosixPath(member.name)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        raise BackupError(f"Arkivet har en fil med ugyldig sti: «{member.name}».")
    if not (member.isfile() or member.isdir()):
        raise BackupError(f"Arkivet har «{member.name}», som ikke er en vanlig fil.")
    return path.as_posix()


def _extract(source, target: Path) -> dict:
    target.parent.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    size = 0
    with target.open("wb") as out:
        for chunk in iter(lambda: source.read(CHUNK), b""):
            digest.update(chunk)
            size += len(chunk)
            out.write(chunk)
    return {"size": size, "sha256": digest.hexdigest()}


def _parse_manifest(raw: bytes) -> Manifest:
    try:
        data = json.loads(raw)
        manifest = Manifest(
            created_at=str(data["created_at"]),
            vendor=str(data["database"]["vendor"]),
            migrations={str(app): str(name) for app, name in data["migrations"].items()},
            files={
                str(name): {"size": int(f["size"]), "sha256": str(f["sha256"])} for name, f in data["files"].items()
            },
            has_media=bool(data["media"]["included"]),
        )
        declared_count = int(data["file_count"])
        format_version = data["format"]
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise BackupError(f"{MANIFEST} i arkivet er ikke gyldig ({error!r}).") from error
    if format_version != FORMAT:
        raise BackupError(f"Arkivet har formatversjon {format_version}; denne versjonen leser bare {FORMAT}.")
    if declared_count != len(manifest.files):
        raise BackupError(f"{MANIFEST} oppgir {declared_count} filer, men lister {len(manifest.files)}.")
    return manifest


def _check_members(manifest: Manifest, seen: dict[str, dict]) -> None:
    missing = sorted(set(manifest.files) - set(seen))
    if missing:
        raise BackupError(f"Filer som {MANIFEST} lister, mangler i arkivet: {', '.join(missing[:5])}.")
    unknown = sorted(set(seen) - set(manifest.files))
    if unknown:
        raise BackupError(f"Arkivet har filer som {MANIFEST} ikke lister: {', '.join(unknown[:5])}.")
    changed = sorted(name for name, found in seen.items() if found != manifest.files[name])
    if changed:
        raise BackupError(
            f"Sjekksummen stemmer ikke for {', '.join(changed[:5])}: arkivet er endret eller skadet etter at det ble laget."
        )


def _check_vendor(manifest: Manifest, vendor: str) -> None:
    if manifest.vendor != vendor:
        raise BackupError(
            f"Arkivet er tatt fra en {manifest.vendor}-database, men denne installasjonen bruker {vendor}. "
            "En sikkerhetskopi kan bare gjenopprettes i samme slags database."
        )


def _check_migrations(manifest: Manifest, using: str) -> None:
    """Refuse a backup taken by a newer version of the platform, whose schema this code does not know."""
    known = set(MigrationLoader(connections[using], ignore_no_migrations=True).disk_migrations)
    unknown = sorted(f"{app}.{name}" for app, name in manifest.migrations.items() if (app, name) not in known)
    if unknown:
        raise BackupError(
            "Arkivet er tatt av en nyere versjon av plattformen: migreringene "
            f"{', '.join(unknown[:5])} finnes ikke i denne koden. Oppgrader koden først."
        )


def _replace_media(staged: Path, root: Path) -> None:
    """Make `root` hold exactly the staged files: files not in the archive go, the archive's are put in place."""
    wanted = {path.relative_to(staged) for path in staged.rglob("*") if path.is_file()} if staged.is_dir() else set()
    root.mkdir(parents=True, exist_ok=True)
    for path, _name in list(_media_files(root)):
        if path.relative_to(root) not in wanted:
            path.unlink()
    for folder, _subfolders, _names in os.walk(root, topdown=False):
        if Path(folder) != root and not any(Path(folder).iterdir()):
            Path(folder).rmdir()
    for relative in sorted(wanted):
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        interim = target.with_name(f".{target.name}.restoring")
        shutil.copyfile(staged / relative, interim)
        os.replace(interim, target)
