"""The community budget: funding rounds, their questions and scoring criteria."""

from django.apps import AppConfig


class GrantsConfig(AppConfig):
    name = "actlocally.grants"
    label = "grants"

    def ready(self):
        from auditlog.registry import auditlog
        from django.utils.translation import gettext_lazy as _

        from actlocally.partnerships.navigation import register_panel, register_section

        from . import models, panels

        register_section(
            label=_("Community budget"),
            url_name="grants",
            order=49,
            permission="grants.view_rounds",
        )
        # The overview: the community budget's rounds, what they hold, awarded and left.
        register_panel(
            key="community_budget",
            template_name="grants/_overview_panel.html",
            context=panels.overview,
            order=45,
            permission="grants.view_rounds",
        )
        # The area's public page lists the rounds it has decided, with what was funded.
        register_panel(
            key="community_budget_public",
            template_name="grants/_public_panel.html",
            context=panels.decided_rounds,
            order=55,
            page="public",
        )
        auditlog.register(models.FundingRound)
        auditlog.register(models.Question)
        auditlog.register(models.Criterion)
        auditlog.register(models.Application)
        auditlog.register(models.Answer)
        for model in (
            models.Attachment,
            models.Clarification,
            models.Agreement,
            models.Payment,
            models.GranteeReport,
        ):
            auditlog.register(model)

        from django.db.models.signals import post_delete

        from .storage import delete_file_with_row

        post_delete.connect(
            delete_file_with_row, sender=models.Attachment, dispatch_uid="grants_attachment_file"
        )
