"""People and their sign-in accounts."""

from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "actlocally.accounts"
    label = "accounts"
    verbose_name = "People"
