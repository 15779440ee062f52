"""The public insight into granted projects: /tilskudd/, one grant, and the list as CSV."""

from django.urls import path

from . import insight_views

urlpatterns = [
    path("", insight_views.grant_list, name="grants"),
    path("tilskudd.csv", insight_views.grants_csv, name="grants_csv"),
    path("<id:pk>/", insight_views.grant, name="grant"),
]
