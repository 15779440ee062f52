"""Organisations and their verified members: who may act for whom on the platform."""
