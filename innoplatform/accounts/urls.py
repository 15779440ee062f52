from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("profil/", views.profile, name="profile"),
    path("profil/rediger/", views.profile_edit, name="profile_edit"),
    path("profil/mine-data.json", views.export_data, name="export"),
    path("profil/slett/", views.delete, name="delete"),
]
