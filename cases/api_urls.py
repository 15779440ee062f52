from django.urls import path, re_path

from . import api, views

app_name = "cases_api"

urlpatterns = [
    re_path(r"^$", api.case_list, name="list"),
    path("eksport.csv", views.export_csv, name="csv"),
    path("<slug:slug>/", api.case_item, name="detail"),
]
