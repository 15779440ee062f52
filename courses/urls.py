"""The participant's actions and pages under /kurs/; the course pages themselves are Wagtail's."""

from django.urls import path

from . import cohort_views, views

app_name = "courses"

urlpatterns = [
    path("mine/", views.my_courses_view, name="mine"),
    path("bevis/<str:code>/", views.certificate_view, name="certificate"),
    path("bevis/<str:code>/pdf/", views.certificate_pdf_view, name="certificate_pdf"),
    path("kull/bli-med/", cohort_views.join_view, name="join_cohort"),
    path("kull/<id:cohort_id>/", cohort_views.cohort_view, name="cohort"),
    path("kull/<id:cohort_id>/melding/", cohort_views.cohort_message_view, name="cohort_message"),
    path("leksjon/<id:lesson_id>/fullfort/", views.complete_view, name="complete"),
    path("leksjon/<id:lesson_id>/quiz/<slug:quiz_id>/", views.quiz_view, name="quiz"),
    path("leksjon/<id:lesson_id>/refleksjon/<slug:block_id>/", views.reflection_view, name="reflection"),
    path("<id:course_id>/meld-pa/", views.enrol_view, name="enrol"),
    path("<id:course_id>/meld-av/", views.withdraw_view, name="withdraw"),
    path("<id:course_id>/prosjekt/", views.project_view, name="project"),
    path("<id:course_id>/prosjekt/prosjektnotater.docx", views.project_download, name="project_download"),
    path("<id:course_id>/prosjekt/del/", views.project_share, name="project_share"),
]
