"""The accounts app's part of the platform's hooks: its scale data."""

from wagtail import hooks

from .scale import load_scale_users

hooks.register("register_scale_loader", load_scale_users, order=20)
