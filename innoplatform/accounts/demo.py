"""What demo accounts share: one known password, so a demo visitor can log in as any demo user."""

DEMO_PASSWORD = "Innovasjon-2026!"  # noqa: S105 (a demo account password, meant to be known)
