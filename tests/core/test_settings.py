"""Production settings refuse to start without a secret and pass Django's deploy checks."""

from tests.manage_process import run_manage, shell_output

PRODUCTION = "innoplatform.settings.production"


def test_production_refuses_to_start_without_secret_key():
    result = run_manage("check", settings=PRODUCTION)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_deploy_check_is_clean():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        settings=PRODUCTION,
        SECRET_KEY="x" * 20 + "-production-secret-" + "y" * 30,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_sqlite_file_database_runs_in_wal_mode_with_busy_timeout(tmp_path):
    """Two gunicorn workers writing at once must wait for each other, not fail with "database is locked"."""
    script = (
        "from django.db import connection\n"
        "cursor = connection.cursor()\n"
        "print(cursor.execute('PRAGMA journal_mode').fetchone()[0], cursor.execute('PRAGMA busy_timeout').fetchone()[0])"
    )
    lines = shell_output(
        script, settings="innoplatform.settings.dev", DATABASE_URL=f"sqlite:///{tmp_path / 'wal.sqlite3'}"
    )
    assert lines[-1].split() == ["wal", "20000"]
