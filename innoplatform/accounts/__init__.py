"""User accounts: the user model, profile, personal data export and account deletion."""
