"""The shared shell of every page: layout, GOV.UK form rendering, the landing pages."""

from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "actlocally.core"
    label = "core"
