"""Shared measurement: indicators, their data, and how each partnership's area compares."""

from django.apps import AppConfig


class MeasurementConfig(AppConfig):
    name = "actlocally.measurement"
    label = "measurement"

    def ready(self):
        from auditlog.registry import auditlog
        from django.utils.translation import gettext_lazy as _

        from actlocally.partnerships.navigation import register_section
        from actlocally.theory.links import register_outcome_links

        from . import models, selectors

        register_section(
            label=_("Measurement"),
            url_name="measurement",
            order=47,
            permission="measurement.view_measurement",
        )
        # The theory of change shows, under each intended outcome, the indicators evidencing it.
        register_outcome_links(
            key="indicators", label=_("Indicators"), provider=selectors.outcome_links
        )
        # A Statement of Intent can embed an indicator, its figures and chart, as evidence.
        from actlocally.statements.evidence import register_evidence_provider

        from . import evidence

        register_evidence_provider(
            key="indicator",
            label=_("Indicator"),
            choices=evidence.choices,
            embed=evidence.embed,
        )
        from . import versions

        # Cached pages are keyed by the figures' version: every write of them changes it.
        versions.connect()
        auditlog.register(models.Indicator)
        auditlog.register(models.PartnershipIndicator, m2m_fields={"outcomes"})
