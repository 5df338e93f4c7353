"""The board dashboard: every partnership of a local authority side by side, for its board."""

from django.apps import AppConfig


class BoardConfig(AppConfig):
    name = "actlocally.board"
    label = "board"
