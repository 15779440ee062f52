"""Expressions of interest, their threads, the dashboard, and the weekly e-mail's settings."""

from django.urls import path

from . import interest_views as views

urlpatterns = [
    path("", views.interest_dashboard, name="interest_dashboard"),
    path("ny/<slug:slug>/", views.interest_new, name="interest_new"),
    path("<id:interest_id>/", views.interest_thread, name="interest_thread"),
    path("<id:interest_id>/svar/", views.interest_reply, name="interest_reply"),
    path("<id:interest_id>/blokker/", views.interest_block, name="interest_block"),
    path("<id:interest_id>/opphev-blokkering/", views.interest_unblock, name="interest_unblock"),
    path("ukentlig-epost/", views.digest_preference, name="digest_preference"),
    path("ukentlig-epost/avmeld/<str:token>/", views.digest_unsubscribe, name="digest_unsubscribe"),
]
