"""Demo data: the three Bradford partnerships from the public source material, and one login per role."""

from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "actlocally.demo"
    label = "demo"
