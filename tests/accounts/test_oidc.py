"""OpenID Connect login is configured only through the environment and is off by default."""

from tests.manage_process import run_manage

SCRIPT = """
from django.conf import settings
print("enabled" if settings.OIDC_ENABLED else "disabled")
print(settings.SOCIALACCOUNT_PROVIDERS.get("openid_connect", {}).get("APPS", [{}])[0].get("provider_id", "-"))
"""


def _run(**env: str) -> list[str]:
    result = run_manage(
        "shell", "--no-imports", "-c", SCRIPT, settings="innoplatform.settings.dev", drop_prefix="OIDC_", **env
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
