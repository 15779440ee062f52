"""Production settings with the reference page beside the platform's URLs, for `make bench`."""

from innoplatform.settings.production import *  # noqa: F403

ROOT_URLCONF = "tests.benchmarks.bench_urls"

# wrk sends every request from one address: the search limit per visitor would measure the refusal.
ACCOUNT_RATE_LIMITS = {**ACCOUNT_RATE_LIMITS, "search": "1000000/m/ip"}  # noqa: F405
