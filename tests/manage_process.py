"""Run manage.py in a fresh process, for tests of what settings do at start-up."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UNSET = {"SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE", "DATABASE_URL"}


def run_manage(*args: str, settings: str, drop_prefix: str = "", **env: str) -> subprocess.CompletedProcess:
    """manage.py `args` under `settings`, with `env` set and the machine's own SECRET_KEY,
    DATABASE_URL and variables starting with `drop_prefix` removed."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in UNSET and not (drop_prefix and key.startswith(drop_prefix))
    }
    environment.update(DJANGO_SETTINGS_MODULE=settings, **env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True, check=False
    )


def shell_output(script: str, *, settings: str, **env: str) -> list[str]:
    """The lines `script` prints under `manage.py shell` (Django's start-up banner left out)."""
    result = run_manage("shell", "--no-imports", "-c", script, settings=settings, **env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()
