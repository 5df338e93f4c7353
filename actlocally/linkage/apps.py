"""Connected data: linkage projects, their named analysts and checkers, and the linkage pipeline."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LinkageConfig(AppConfig):
    name = "actlocally.linkage"
    label = "linkage"
    verbose_name = _("Connected data")

    def ready(self):
        from auditlog.registry import auditlog

        from . import models

        auditlog.register(models.LinkageProject)
        auditlog.register(models.ProjectMember)
        auditlog.register(models.Extract)
