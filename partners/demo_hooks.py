"""The partner demo content and scale data, registered as loaders (imported by partners.wagtail_hooks)."""

from wagtail import hooks

from .demo import load_demo_partners
from .scale import load_scale_posts

hooks.register("register_demo_loader", load_demo_partners)
hooks.register("register_scale_loader", load_scale_posts, order=60)
