"""Local authorities, boards and convening partnerships: members, focus issue, timeline, impact."""

from django.apps import AppConfig


class PartnershipsConfig(AppConfig):
    name = "actlocally.partnerships"
    label = "partnerships"

    def ready(self):
        from auditlog.registry import auditlog
        from django.utils.translation import gettext_lazy as _

        from . import models
        from .navigation import register_section

        register_section(
            label=_("Overview"),
            url_name="partnership",
            order=0,
            permission="partnerships.view_partnership",
        )
        register_section(
            label=_("Focus issue"),
            url_name="focus_issue",
            order=20,
            permission="partnerships.view_partnership",
        )
        register_section(
            label=_("Members"),
            url_name="members",
            order=80,
            permission="partnerships.view_partnership",
        )
        register_section(
            label=_("Timeline"),
            url_name="timeline",
            order=85,
            permission="partnerships.view_partnership",
        )
        register_section(
            label=_("Early impact"),
            url_name="early_impact",
            order=90,
            permission="partnerships.view_partnership",
        )

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
