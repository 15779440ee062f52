"""Innovasjonsplattformen: the Django project and its shared platform apps."""
