from django.urls import path

from . import api

app_name = "search_api"

urlpatterns = [
    path("", api.SearchView.as_view(), name="search"),
    path("suggest/", api.SuggestView.as_view(), name="suggest"),
]
