"""The public pages app."""

from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "actlocally.pages"
    label = "pages"
    verbose_name = "Public pages and feedback"
