"""Operations: backing up and restoring the platform's database and uploaded files."""

from django.apps import AppConfig


class OperationsConfig(AppConfig):
    name = "actlocally.operations"
    label = "operations"
