"""Production settings refuse to start without a secret and pass Django's deploy checks."""

import pytest

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


PRODUCTION_SECRET = "x" * 20 + "-production-secret-" + "y" * 30
LOGIN_ATTEMPTS = (
    "from django.test import RequestFactory\n"
    "from allauth.core.ratelimit import consume\n"
    "request = RequestFactory().post('/konto/login/', REMOTE_ADDR='192.0.2.10')\n"
    "print([consume(request, action='login_failed', key='kari@kommune.example.no') for _ in range(3)])"
)


def test_failed_logins_are_counted_across_processes_in_production(tmp_path):
    """Two workers share the counters: the limit of 5 failed logins per address holds over both."""
    database = {"DATABASE_URL": f"sqlite:///{tmp_path / 'shared.sqlite3'}", "SECRET_KEY": PRODUCTION_SECRET}
    migrated = run_manage("migrate", "--noinput", settings=PRODUCTION, **database)
    assert migrated.returncode == 0, migrated.stderr
    first_worker = shell_output(LOGIN_ATTEMPTS, settings=PRODUCTION, drop_prefix="REDIS", **database)
    second_worker = shell_output(LOGIN_ATTEMPTS, settings=PRODUCTION, drop_prefix="REDIS", **database)
    assert first_worker[-1] == "[True, True, True]"
    assert second_worker[-1] == "[True, True, False]"


def test_deploy_check_refuses_a_cache_of_one_process(settings):
    from django.core import checks

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    errors = [message.id for message in checks.run_checks(include_deployment_checks=True)]
    assert "core.E001" in errors
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://x"}}
    assert "core.E001" not in [message.id for message in checks.run_checks(include_deployment_checks=True)]


def test_deploy_check_warns_when_mail_would_not_be_retried(settings):
    from django.core import checks

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    assert "core.W002" in [message.id for message in checks.run_checks(include_deployment_checks=True)]


CLIENT_ADDRESS = (
    "from django.test import RequestFactory\n"
    "from allauth.core.internal.httpkit import get_client_ip\n"
    "request = RequestFactory().post('/konto/login/', REMOTE_ADDR='10.0.0.2', "
    "HTTP_X_FORWARDED_FOR='203.0.113.9, 198.51.100.7')\n"
    "print(get_client_ip(request))"
)


@pytest.mark.parametrize(("proxies", "address"), [(None, "198.51.100.7"), ("2", "203.0.113.9")])
def test_production_counts_rate_limits_per_visitor_behind_the_proxies(proxies, address, tmp_path):
    """Behind nginx REMOTE_ADDR is the proxy: the visitor is the address the trusted proxies added."""
    env = {"SECRET_KEY": PRODUCTION_SECRET, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}
    if proxies:
        env["TRUSTED_PROXY_COUNT"] = proxies
    lines = shell_output(CLIENT_ADDRESS, settings="innoplatform.settings.production", **env)
    assert lines[-1] == address
