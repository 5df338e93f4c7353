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

        # Every member may open these; other apps register the sections they restrict.
        for label, url_name, order in [
            (_("Overview"), "partnership", 0),
            (_("Focus issue"), "focus_issue", 20),
            (_("Members"), "members", 80),
            (_("Timeline"), "timeline", 85),
            (_("Early impact"), "early_impact", 90),
        ]:
            register_section(
                label=label,
                url_name=url_name,
                order=order,
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

        # What the partnership's search page finds here (actlocally/search/registry.py).
        from actlocally.search.registry import register_searchable

        from . import selectors as found

        register_searchable(
            key="members",
            label=_("People"),
            order=10,
            permission="partnerships.view_partnership",
            find=found.search_members,
        )
        register_searchable(
            key="focus_issues",
            label=_("Focus issues"),
            order=15,
            permission="partnerships.view_partnership",
            find=found.search_focus_issues,
        )
        register_searchable(
            key="organisations",
            label=_("Organisations"),
            order=80,
            permission="organisations.view_organisation",
            find=found.search_organisations,
        )
