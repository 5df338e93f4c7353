"""Addresses of the local offer: the partnership's services, and the public directory."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.service_list, name="hubs_services"),
    path("new/", views.service_new, name="hubs_service_new"),
    path("<int:pk>/edit/", views.service_edit, name="hubs_service_edit"),
    path("<int:pk>/publish/", views.service_publish, name="hubs_service_publish"),
    path("hubs/<int:pk>/sessions/new/", views.session_new, name="hubs_session_new"),
    path("holidays/", views.holidays, name="hubs_holidays"),
    path("holidays/<int:pk>/remove/", views.holiday_remove, name="hubs_holiday_remove"),
]

# Included under areas/<slug>/ (the area's public pages).
public_urlpatterns = [
    path("local-offer/", views.local_offer, name="local_offer"),
    path("local-offer/handout/", views.local_offer_handout, name="local_offer_handout"),
    path("hubs/<int:pk>/", views.hub, name="hub"),
    path("hubs/<int:pk>/calendar.ics", views.hub_calendar, name="hub_calendar"),
]
