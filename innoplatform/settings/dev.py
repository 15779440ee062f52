"""Local development: debug on, a throwaway secret key unless one is set."""

from .base import *
from .base import env

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env("SECRET_KEY") or "dev-only-insecure-key-change-me-0123456789abcdefghijklmnop"

# Serve static files from the app folders without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# The demo's editors sign in with a password only; a production site starts with two-step login
# required of its staff (Innstillinger → Sikkerhet, docs/accounts.md).
STAFF_MFA_REQUIRED_BY_DEFAULT = env.bool("STAFF_MFA_REQUIRED_BY_DEFAULT", default=False)

# Without REDIS_URL the cache lives in the server's own memory, where a `manage.py` command run beside it
# (an SSB import, the demo loader) cannot renew the content generations: keep what is derived short-lived.
if not env("REDIS_URL"):
    PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=30)
    DERIVED_CACHE_SECONDS = env.int("DERIVED_CACHE_SECONDS", default=30)
