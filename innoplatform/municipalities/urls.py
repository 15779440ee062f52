"""URLs of the kommune pages: the list, the compare view, each profile and its CSV downloads."""

from django.urls import path, re_path

from . import views

app_name = "municipalities"

urlpatterns = [
    path("", views.kommune_list, name="list"),
    path("sammenlign/", views.kommune_compare, name="compare"),
    re_path(r"^(?P<number>\d{4})-(?P<slug>[-a-z0-9]+)/$", views.kommune_detail, name="detail"),
    re_path(r"^(?P<number>\d{4})/$", views.kommune_detail, name="detail_by_number"),
    re_path(
        r"^(?P<number>\d{4})/(?P<chart>aldersgrupper|befolkningspyramide|tjenester|sammenligning)\.csv$",
        views.kommune_csv,
        name="csv",
    ),
]
