"""Meetings of a partnership, under /partnerships/<slug>/meetings/."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.meetings, name="meetings"),
    path("new/", views.meeting_new, name="meeting_new"),
    path("termly/", views.meetings_schedule_termly, name="meetings_schedule_termly"),
    path("calendar-link/", views.meetings_calendar_reset, name="meetings_calendar_reset"),
    path("<int:pk>/", views.meeting_detail, name="meeting_detail"),
    path("<int:pk>/edit/", views.meeting_edit, name="meeting_edit"),
    path("<int:pk>/attendance/", views.meeting_attendance, name="meeting_attendance"),
    path("<int:pk>/agenda/", views.meeting_agenda, name="meeting_agenda"),
    path("<int:pk>/minutes/", views.meeting_minutes, name="meeting_minutes"),
    path(
        "<int:pk>/send-agenda/",
        views.meeting_publish,
        {"what": "agenda"},
        name="meeting_publish_agenda",
    ),
    path(
        "<int:pk>/send-minutes/",
        views.meeting_publish,
        {"what": "minutes"},
        name="meeting_publish_minutes",
    ),
    path("<int:pk>/actions/new/", views.meeting_action_new, name="meeting_action_new"),
    path("<int:pk>/meeting.ics", views.meeting_ics, name="meeting_ics"),
]

# Calendar subscriptions: no sign-in (calendar programs cannot), the token is the key.
calendar_urlpatterns = [
    path(
        "<str:token>/partnership.ics",
        views.partnership_calendar_feed,
        name="partnership_calendar_feed",
    ),
    path("<str:token>/my-meetings.ics", views.person_calendar_feed, name="person_calendar_feed"),
    path("", views.my_calendar, name="my_calendar"),
]
