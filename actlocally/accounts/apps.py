"""People and their sign-in accounts."""

from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "actlocally.accounts"
    label = "accounts"
    verbose_name = "People"

    def ready(self):
        # A session records when it started (actlocally/accounts/sessions.py).
        from . import sessions  # noqa: F401
