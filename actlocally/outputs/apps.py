"""Output checking and release: statistics from linked data leave only after two checkers agree."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutputsConfig(AppConfig):
    name = "actlocally.outputs"
    label = "outputs"
    verbose_name = _("Output checking")

    def ready(self):
        from auditlog.registry import auditlog

        from actlocally.partnerships.navigation import register_panel
        from actlocally.statements.evidence import register_evidence_provider

        from . import evidence, models, panels

        # The overview lists the partnership's released statistics and, for the people named on
        # its linkage projects, links to their outputs or checking queue.
        register_panel(
            key="connected_data",
            template_name="outputs/_overview_panel.html",
            context=panels.overview,
            order=48,
            permission="partnerships.view_partnership",
        )

        # A released table is evidence a Statement of Intent can embed.
        register_evidence_provider(
            key="released_output",
            label=_("Released statistics from connected data"),
            choices=evidence.choices,
            embed=evidence.embed,
        )
        auditlog.register(models.OutputRequest, exclude_fields=["table", "result"])
        auditlog.register(models.CheckerReview)
        auditlog.register(models.OutputComment)
