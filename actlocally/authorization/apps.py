"""Who may see and do what: every rule of the platform, in one place."""

from django.apps import AppConfig


class AuthorizationConfig(AppConfig):
    name = "actlocally.authorization"
    label = "authorization"

    def ready(self):
        from . import permissions  # noqa: F401  (registers the named permissions with `rules`)
