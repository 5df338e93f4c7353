"""Addresses of the local offer: the partnership's services, its hubs (spokes, sessions,
one-stop-shop days, take-up, referrals between its services), schools' referrals, and the
public directory."""

from django.urls import path

from . import hub_views, joined_up_views, referral_views, takeup_views, views

urlpatterns = [
    path("", views.service_list, name="hubs_services"),
    path("new/", views.service_new, name="hubs_service_new"),
    path("<int:pk>/edit/", views.service_edit, name="hubs_service_edit"),
    path("<int:pk>/publish/", views.service_publish, name="hubs_service_publish"),
    path("hubs/new/", hub_views.hub_new, name="hubs_hub_new"),
    path("hubs/<int:pk>/", hub_views.hub_manage, name="hubs_hub_manage"),
    path("hubs/<int:pk>/edit/", hub_views.hub_edit, name="hubs_hub_edit"),
    path("hubs/<int:pk>/remove/", hub_views.hub_remove, name="hubs_hub_remove"),
    path("hubs/<int:pk>/sessions/new/", views.session_new, name="hubs_session_new"),
    path(
        "hubs/<int:pk>/sessions/<int:session_pk>/edit/",
        hub_views.session_edit,
        name="hubs_session_edit",
    ),
    path(
        "hubs/<int:pk>/sessions/<int:session_pk>/remove/",
        hub_views.session_remove,
        name="hubs_session_remove",
    ),
    path("hubs/<int:pk>/days/new/", hub_views.day_new, name="hubs_day_new"),
    path("hubs/<int:pk>/days/<int:day_pk>/edit/", hub_views.day_edit, name="hubs_day_edit"),
    path("hubs/<int:pk>/days/<int:day_pk>/remove/", hub_views.day_remove, name="hubs_day_remove"),
    path("hubs/<int:pk>/take-up/", takeup_views.take_up, name="hubs_take_up"),
    path("hubs/<int:pk>/take-up/chart.json", takeup_views.take_up_chart, name="hubs_take_up_chart"),
    path("hubs/<int:pk>/take-up.csv", takeup_views.take_up_csv, name="hubs_take_up_csv"),
    path(
        "hubs/<int:pk>/take-up/<int:row_pk>/remove/",
        takeup_views.take_up_remove,
        name="hubs_take_up_remove",
    ),
    path(
        "hubs/<int:pk>/service-referrals/",
        joined_up_views.service_referrals,
        name="hubs_service_referrals",
    ),
    path(
        "hubs/<int:pk>/service-referrals.csv",
        joined_up_views.service_referrals_csv,
        name="hubs_service_referrals_csv",
    ),
    path(
        "hubs/<int:pk>/service-referrals/<int:row_pk>/remove/",
        joined_up_views.service_referrals_remove,
        name="hubs_service_referrals_remove",
    ),
    path("referrals/", referral_views.referral_list, name="hubs_referrals"),
    path("referrals/new/", referral_views.referral_new, name="hubs_referral_new"),
    path("referrals/<int:pk>/move/", referral_views.referral_move, name="hubs_referral_move"),
    path("holidays/", views.holidays, name="hubs_holidays"),
    path("holidays/<int:pk>/remove/", views.holiday_remove, name="hubs_holiday_remove"),
]

# Included under areas/<slug>/ (the area's public pages).
public_urlpatterns = [
    path("local-offer/", views.local_offer, name="local_offer"),
    path("local-offer/map.geojson", views.local_offer_geojson, name="local_offer_geojson"),
    path("local-offer/handout/", views.local_offer_handout, name="local_offer_handout"),
    path("hubs/<int:pk>/", views.hub, name="hub"),
    path("hubs/<int:pk>/calendar.ics", views.hub_calendar, name="hub_calendar"),
]
