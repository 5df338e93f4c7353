"""Local authorities, boards and convening partnerships: members, focus issue, timeline, impact."""

from django.apps import AppConfig


class PartnershipsConfig(AppConfig):
    name = "actlocally.partnerships"
    label = "partnerships"

    def ready(self):
        from auditlog.registry import auditlog

        from . import models

        auditlog.register(models.Partnership, m2m_fields={"partner_organisations"})
        for model in (
            models.LocalAuthority,
            models.Board,
            models.BoardMembership,
            models.Membership,
            models.Invitation,
            models.FocusIssue,
            models.IntendedOutcome,
            models.TimelineEvent,
            models.EarlyImpact,
        ):
            auditlog.register(
                model, exclude_fields=["token_hash"] if model is models.Invitation else None
            )
