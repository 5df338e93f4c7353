"""Background jobs: progress records, the scheduler and the worker heartbeat."""

from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "actlocally.jobs"
    label = "jobs"
