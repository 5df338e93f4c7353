"""Review & Learn and Share & Refine: capability analysis, case studies, feedback, lessons learned
and impact reports."""

from django.apps import AppConfig


class ReviewConfig(AppConfig):
    name = "actlocally.review"
    label = "review"

    def ready(self):
        from auditlog.registry import auditlog
        from django.utils.translation import gettext_lazy as _

        from actlocally.participation.services import Erasure, register_erasure
        from actlocally.partnerships.navigation import register_panel, register_section
        from actlocally.search.registry import register_searchable

        from . import models, panels, selectors
        from .charts import trend_charts
        from .report import register_report_charts

        register_report_charts(trend_charts)
        register_section(
            label=_("Review"), url_name="review", order=48, permission="review.view_review"
        )
        # The area's public page lists the impact reports the partnership has published.
        register_panel(
            key="impact_reports",
            template_name="review/_public_panel.html",
            context=panels.published_reports,
            order=50,
            page="public",
        )
        register_searchable(
            key="case_studies",
            label=_("Case studies"),
            order=70,
            permission="review.view_review",
            find=selectors.search_case_studies,
        )
        register_searchable(
            key="lessons",
            label=_("Lessons learned"),
            order=71,
            permission="review.view_all_lessons",
            find=selectors.search_lessons,
        )
        # Names typed on the feedback form are erased a year after they were given.
        register_erasure(
            Erasure(
                model="review.FeedbackResponse",
                event_field="submitted_at",
                keep_days=models.FEEDBACK_KEEP_NAMES_DAYS,
                name_field="name",
            )
        )
        for model in (
            models.EvaluationArea,
            models.CapabilityReview,
            models.AgreedRating,
            models.CaseStudy,
            models.FeedbackLink,
            models.Lesson,
            models.ImpactReport,
        ):
            auditlog.register(model)
