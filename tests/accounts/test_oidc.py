"""OpenID Connect login is configured only through the environment and is off by default."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
from django.conf import settings
print("enabled" if settings.OIDC_ENABLED else "disabled")
print(settings.SOCIALACCOUNT_PROVIDERS.get("openid_connect", {}).get("APPS", [{}])[0].get("provider_id", "-"))
"""


def _run(**env: str) -> list[str]:
    environment = {key: value for key, value in os.environ.items() if not key.startswith("OIDC_")}
    environment.update(DJANGO_SETTINGS_MODULE="innoplatform.settings.dev", **env)
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", SCRIPT],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-2:]


def test_oidc_is_off_without_environment():
    assert _run() == ["disabled", "-"]


def test_oidc_is_configured_from_environment():
    lines = _run(
        OIDC_SERVER_URL="https://idporten.example.no",
        OIDC_CLIENT_ID="innoplatform",
        OIDC_CLIENT_SECRET="hemmelig",
        OIDC_PROVIDER_ID="idporten",
    )
    assert lines == ["enabled", "idporten"]
