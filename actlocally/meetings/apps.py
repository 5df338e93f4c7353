"""Convening partnership meetings: dates, attendance, agendas from the action plan, minutes."""

from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "actlocally.meetings"
    label = "meetings"

    def ready(self):
        from auditlog.registry import auditlog
        from django.utils.translation import gettext_lazy as _

        from actlocally.partnerships.navigation import register_panel, register_section

        from . import models

        register_section(
            label=_("Meetings"), url_name="meetings", order=50, permission="meetings.view_meetings"
        )

        from .panels import overview

        register_panel(
            key="meetings",
            template_name="meetings/_overview_panel.html",
            context=overview,
            order=50,
        )
        for model in (models.Meeting, models.Attendance, models.AgendaItem, models.Decision):
            auditlog.register(model)
        auditlog.register(models.CalendarFeed, exclude_fields=["token"])

        # What the partnership's search page finds here (actlocally/search/registry.py).
        from actlocally.search.registry import register_searchable

        from . import selectors as found

        register_searchable(
            key="meetings",
            label=_("Meetings, agendas and minutes"),
            order=30,
            permission="meetings.view_meetings",
            find=found.search_meetings,
        )
