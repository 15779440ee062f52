"""Production settings with the reference page beside the platform's URLs, for `make bench`."""

from innoplatform.settings.production import *  # noqa: F403

ROOT_URLCONF = "tests.benchmarks.bench_urls"
