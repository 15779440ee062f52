"""Expressions of interest and their threads."""

urlpatterns: list = []
