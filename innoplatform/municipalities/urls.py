from django.urls import path, re_path

from . import views

app_name = "municipalities"

urlpatterns = [
    path("", views.kommune_list, name="list"),
    re_path(r"^(?P<number>\d{4})-(?P<slug>[-a-z0-9]+)/$", views.kommune_detail, name="detail"),
    re_path(r"^(?P<number>\d{4})/$", views.kommune_detail, name="detail_by_number"),
]
