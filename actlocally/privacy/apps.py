"""Subject access, erasure and retention."""

from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "actlocally.privacy"
    label = "privacy"
