"""The post pages under /partnere/."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.post_list, name="list"),
    path("nytt/", views.post_create, name="create"),
    path("mine/", views.my_posts, name="mine"),
    path("<slug:slug>/", views.post_detail, name="detail"),
    path("<slug:slug>/endre/", views.post_edit, name="edit"),
    path("<slug:slug>/avslutt/", views.post_close, name="close"),
    path("<slug:slug>/forny/", views.post_renew, name="renew"),
    path("<slug:slug>/meld/", views.post_report, name="report"),
]
