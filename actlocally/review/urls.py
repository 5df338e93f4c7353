"""The Review section of a partnership, under /partnerships/<slug>/review/, and its public pages."""

from django.urls import path

from . import public, views

urlpatterns = [
    path("", views.index, name="review"),
    path("capability/new/", views.capability_new, name="review_capability_new"),
    path("capability/<int:pk>/", views.capability, name="review_capability"),
    path("capability/<int:pk>/rate/", views.capability_rate, name="review_capability_rate"),
    path("capability/<int:pk>/agree/", views.capability_agree, name="review_capability_agree"),
    path("areas/", views.areas, name="review_areas"),
    path("areas/<int:pk>/", views.area_edit, name="review_area_edit"),
    path("case-studies/new/", views.case_study_form, name="review_case_study_new"),
    path("case-studies/<int:pk>/", views.case_study, name="review_case_study"),
    path("case-studies/<int:pk>/edit/", views.case_study_form, name="review_case_study_edit"),
    path("feedback/", views.feedback, name="review_feedback"),
    path("lessons/new/", views.lesson_new, name="review_lesson_new"),
    path("reports/new/", views.report_new, name="review_report_new"),
    path("reports/<str:year>/", views.report, name="review_report"),
    path("reports/<str:year>/report.pdf", views.report_pdf, name="review_report_pdf"),
    path("reports/<str:year>/publish/", views.report_publish, name="review_report_publish"),
]

public_urlpatterns = [
    path("areas/<slug:slug>/impact/<str:year>/", public.area_report, name="area_impact_report"),
    path(
        "areas/<slug:slug>/impact/<str:year>/report.pdf",
        public.area_report_pdf,
        name="area_impact_report_pdf",
    ),
    path("review-feedback/thanks/", public.feedback_thanks, name="review_feedback_thanks"),
    path("review-feedback/<str:token>/", public.give_feedback, name="review_feedback_give"),
]
