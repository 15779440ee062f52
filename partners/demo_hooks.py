"""The partner demo content, registered as a demo loader (imported by partners.wagtail_hooks)."""

from wagtail import hooks

from .demo import load_demo_partners

hooks.register("register_demo_loader", load_demo_partners)
