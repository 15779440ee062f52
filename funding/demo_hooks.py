"""The funding demo content and scale data, registered as loaders (imported by funding.wagtail_hooks).

Funding is listed after cases and partners in INSTALLED_APPS, so its loader runs after theirs:
it needs their kommune organisations, partners and case library.
"""

from wagtail import hooks

from .demo import load_demo_funding
from .scale import load_scale_grants

hooks.register("register_demo_loader", load_demo_funding)
hooks.register("register_scale_loader", load_scale_grants, order=70)
