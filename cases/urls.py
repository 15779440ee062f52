from django.urls import path

from . import views

app_name = "cases"

urlpatterns = [
    path("", views.library, name="library"),
    path("foresla/", views.suggest, name="suggest"),
    path("foresla/mottatt/", views.suggestion_received, name="suggestion_received"),
    path("<id:page_id>/gjenbruk/", views.reuse, name="reuse"),
]
