"""URLs of the public pages."""

from django.urls import path

from . import views

urlpatterns = [
    path("accessibility/", views.accessibility, name="accessibility"),
    path("privacy/", views.privacy, name="privacy"),
    path("cookies/", views.cookies, name="cookies"),
    path("help/", views.help_page, name="help"),
    path("contact/", views.contact, name="contact"),
    path("glossary/", views.glossary, name="glossary"),
    path("feedback/", views.feedback, name="feedback"),
    path("feedback/sent/", views.feedback_done, name="feedback_done"),
]
