"""The partner demo content, registered as a demo loader (imported by partners.wagtail_hooks)."""
