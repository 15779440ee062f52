"""Shared platform code: home and standard pages, site settings, navigation, sanitising."""
