"""The Bradford demo's Review & Learn: two capability reviews per partnership (2022/23 and
2023/24), case studies written around the early impact each partnership published, lessons
learned and an impact report for 2023/24. All of it is labelled illustrative."""

from actlocally.partnerships.models import IntendedOutcome

from . import services
from .models import CapabilityReview, CaseStudy, ImpactReport, Lesson


def _outcome(partnership, words: str):
    if not words:
        return None
    for outcome in IntendedOutcome.objects.filter(focus_issue__partnership=partnership):
        if words in outcome.text:
            return outcome
    return None


def load_demo(context) -> None:
    data = context.section("review")
    if not data:
        return
    by = context.by
    for slug, part in data.get("partnerships", {}).items():
        partnership = context.partnerships[slug]
        areas = services.ensure_evaluation_areas(local_authority=partnership.local_authority, by=by)
        for fields in part.get("reviews", []):
            if CapabilityReview.objects.filter(
                partnership=partnership, academic_year=fields["year"]
            ).exists():
                continue
            review = services.open_review(
                partnership=partnership,
                academic_year=fields["year"],
                on=fields["opened_on"],
                illustrative=True,
                by=by,
            )
            for person, ratings in fields.get("members", {}).items():
                services.rate(
                    review=review,
                    ratings={a.pk: (r, "") for a, r in zip(areas, ratings, strict=True)},
                    by=context.people[person],
                )
            services.agree_review(
                review=review,
                agreed={
                    a.pk: (r, why) for a, (r, why) in zip(areas, fields["agreed"], strict=True)
                },
                on=fields["agreed_on"],
                by=by,
            )
        for fields in part.get("case_studies", []):
            if CaseStudy.objects.filter(partnership=partnership, title=fields["title"]).exists():
                continue
            services.save_case_study(
                partnership=partnership,
                academic_year=fields["year"],
                title=fields["title"],
                story=fields["story"].strip(),
                outcome=_outcome(partnership, fields.get("outcome", "")),
                consent_by=fields.get("consent_by", ""),
                consent_on=fields.get("consent_on") or fields["added_on"],
                consent_how=fields.get("consent_how", ""),
                publishable=fields.get("publishable", False),
                illustrative=True,
                on=fields.get("consent_on") or fields["added_on"],
                by=by,
            )
        for fields in part.get("lessons", []):
            if Lesson.objects.filter(partnership=partnership, title=fields["title"]).exists():
                continue
            services.record_lesson(
                partnership=partnership,
                academic_year=fields["year"],
                title=fields["title"],
                what_worked=fields.get("what_worked", ""),
                could_be_better=fields.get("could_be_better", ""),
                shared_with_board=fields.get("shared_with_board", False),
                on=fields["recorded_on"],
                illustrative=True,
                by=by,
            )
        if "report" in part:
            fields = part["report"]
            if ImpactReport.objects.filter(
                partnership=partnership, academic_year=fields["year"]
            ).exists():
                continue
            report = services.save_impact_report(
                partnership=partnership,
                academic_year=fields["year"],
                introduction=fields.get("introduction", "").strip(),
                illustrative=True,
                by=by,
            )
            if fields.get("published_on"):
                services.publish_report(report=report, on=fields["published_on"], by=by)
