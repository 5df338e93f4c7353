"""One search box for a partnership: each app registers the things of its own that can be found."""

from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "actlocally.search"
    label = "search"
