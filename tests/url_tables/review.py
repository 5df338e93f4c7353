"""Access rules and URLs of Review & Learn (the review section and its public pages)."""

from actlocally.partnerships.models import Role
from tests import factories_review as f

from .foundation import MANAGERS, VIEWERS, partnership_rule

# The board reads the section (lessons shared with it), as every viewer does.
RATERS = {r.value for r in Role} - {Role.OBSERVER}

ACCESS = {
    "manage_review": partnership_rule(MANAGERS | {Role.RESEARCH_PARTNER}),
    "rate_capability": partnership_rule(RATERS),
    "edit_evaluation_areas": partnership_rule({"backbone", "staff"}),
    # Publishing is a POST from the report's page: a GET is refused once the person may publish.
    "publish_report": lambda role: (
        302 if role == "anonymous" else 405 if role in MANAGERS else 403 if role in VIEWERS else 404
    ),
}


def slug(w):
    return {"slug": "keighley"}


def open_review(w):
    review = w.keighley.capability_reviews.filter(status="open").first()
    if review is None:
        review = f.CapabilityReviewFactory(partnership=w.keighley, academic_year="2030/31")
    return {"slug": "keighley", "pk": review.pk}


def area(w):
    found = f.EvaluationAreaFactory(local_authority=w.keighley.local_authority)
    return {"slug": "keighley", "pk": found.pk}


def case_study(w):
    return {"slug": "keighley", "pk": f.CaseStudyFactory(partnership=w.keighley).pk}


def report(w):
    found = w.keighley.impact_reports.first() or f.ImpactReportFactory(partnership=w.keighley)
    return {"slug": "keighley", "year": found.year_slug}


def published(w):
    found = f.ImpactReportFactory(
        partnership=w.holme_wood, academic_year="2022/23", published_on="2023-09-01"
    )
    return {"slug": "holme-wood", "year": found.year_slug}


def feedback_link(w):
    f.FeedbackLinkFactory(partnership=w.keighley, token="url-table-token-abcdefghijklmnop")
    return {"token": "url-table-token-abcdefghijklmnop"}


def no_arguments(w):
    return {}


URLS = {
    "review": (slug, "view"),
    "review_capability_new": (slug, "manage"),
    "review_capability": (open_review, "view"),
    "review_capability_rate": (open_review, "rate_capability"),
    "review_capability_agree": (open_review, "manage"),
    "review_areas": (slug, "edit_evaluation_areas"),
    "review_area_edit": (area, "edit_evaluation_areas"),
    "review_case_study_new": (slug, "manage_review"),
    "review_case_study": (case_study, "view"),
    "review_case_study_edit": (case_study, "manage_review"),
    "review_feedback": (slug, "manage_review"),
    "review_lesson_new": (slug, "manage_review"),
    "review_report_new": (slug, "manage_review"),
    "review_report": (report, "view"),
    "review_report_pdf": (report, "view"),
    "area_impact_report": (published, "public"),
    "area_impact_report_pdf": (published, "public"),
    "review_report_publish": (report, "publish_report"),
    "review_feedback_thanks": (no_arguments, "public"),
    "review_feedback_give": (feedback_link, "public"),
}
