"""The organisation pages under /organisasjoner/."""

from django.urls import path

from . import views

app_name = "organisations"

urlpatterns = [
    path("", views.organisation_list, name="list"),
    path("registrer/", views.register, name="register"),
    path("<slug:slug>/", views.organisation_detail, name="detail"),
    path("<slug:slug>/rediger/", views.edit, name="edit"),
    path("<slug:slug>/bli-medlem/", views.join, name="join"),
    path("<slug:slug>/forlat/", views.leave, name="leave"),
    path("<slug:slug>/verifiser/", views.verify, name="verify"),
    path("<slug:slug>/medlemmer/", views.members, name="members"),
    path("<slug:slug>/medlemmer/<id:membership_id>/", views.member_action, name="member_action"),
]
