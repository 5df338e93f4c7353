"""Reads of Review & Learn, each in a fixed number of queries: the review section's page, one
capability review, side-by-side reviews and the RAG agreement logic."""

from collections import Counter
from collections.abc import Iterable

from django.db.models import Count, Prefetch

from actlocally.authorization import has_permission
from actlocally.partnerships.models import FocusIssue, IntendedOutcome, Partnership

from .models import (
    RAG_TAG,
    RAG_WORDS,
    AgreedRating,
    CapabilityReview,
    CaseStudy,
    EvaluationArea,
    FeedbackLink,
    ImpactReport,
    Lesson,
    MemberRating,
    Rag,
)

# Worst first: a tie between ratings is settled on the more cautious one.
RAG_ORDER = [Rag.RED, Rag.AMBER, Rag.GREEN]


def rag_cell(rating: str | None, text: str = "") -> dict | None:
    """A rating as pages show it: the word beside the colour, never the colour alone."""
    if not rating:
        return None
    return {"rating": rating, "words": RAG_WORDS[rating], "tag": RAG_TAG[rating], "text": text}


def consensus(ratings: Iterable[str]) -> dict:
    """What members' ratings of one area suggest the partnership agrees: the most common rating,
    a tie settled on the lower (more cautious) one; whether everyone agreed; and the counts."""
    counts = Counter(r for r in ratings if r in Rag.values)
    if not counts:
        return {"suggested": None, "unanimous": False, "counts": [], "total": 0}
    top = max(counts.values())
    suggested = next(r for r in RAG_ORDER if counts.get(r) == top)
    return {
        "suggested": rag_cell(suggested),
        "unanimous": len(counts) == 1,
        "counts": [{"cell": rag_cell(r), "n": counts[r]} for r in RAG_ORDER if counts.get(r)],
        "total": sum(counts.values()),
    }


def areas_for(partnership: Partnership) -> list[EvaluationArea]:
    return list(EvaluationArea.objects.filter(local_authority_id=partnership.local_authority_id))


def side_by_side(partnership: Partnership, areas: list[EvaluationArea]) -> dict:
    """Every agreed review of the partnership as a column, each area a row (two queries)."""
    reviews = list(
        CapabilityReview.objects.filter(
            partnership=partnership, status=CapabilityReview.Status.AGREED
        )
        .prefetch_related(Prefetch("agreed", queryset=AgreedRating.objects.all()))
        .order_by("academic_year")
    )
    by_review = {r.pk: {a.area_id: a for a in r.agreed.all()} for r in reviews}
    rows = []
    for area in areas:
        cells = []
        for review in reviews:
            agreed = by_review[review.pk].get(area.pk)
            cells.append(rag_cell(agreed.rating, agreed.reason) if agreed else None)
        rows.append({"area": area, "cells": cells})
    return {"reviews": reviews, "rows": rows}


def sees_all_lessons(user, partnership) -> bool:
    return has_permission(user, "review.view_all_lessons", partnership)


def lessons_for(partnership: Partnership, user) -> list[Lesson]:
    """Members and those who run the partnership read every lesson; the board, those shared."""
    lessons = Lesson.objects.filter(partnership=partnership)
    if not sees_all_lessons(user, partnership):
        lessons = lessons.filter(shared_with_board=True)
    return list(lessons)


def review_page(partnership: Partnership, user) -> dict:
    """The Review section: capability reviews side by side, case studies, feedback, early impact,
    lessons learned and impact reports."""
    areas = areas_for(partnership)
    return {
        "areas": areas,
        "open_reviews": list(
            CapabilityReview.objects.filter(
                partnership=partnership, status=CapabilityReview.Status.OPEN
            )
        ),
        "side_by_side": side_by_side(partnership, areas),
        "case_studies": list(
            CaseStudy.objects.filter(partnership=partnership).select_related("outcome")
        ),
        "feedback_links": list(
            FeedbackLink.objects.filter(partnership=partnership).annotate(
                answers=Count("responses")
            )
        )
        if has_permission(user, "review.manage_review", partnership)
        else [],
        "early_impact": list(partnership.early_impact.all()),
        "lessons": lessons_for(partnership, user),
        "reports": list(ImpactReport.objects.filter(partnership=partnership)),
    }


def review_detail(review: CapabilityReview, user) -> dict:
    """One capability review: each area with the person's own rating, and for those who agree
    it, everyone's ratings and what they suggest."""
    areas = areas_for(review.partnership)
    ratings = list(
        MemberRating.objects.filter(review=review).select_related("person").order_by("pk")
    )
    agreed = {a.area_id: a for a in AgreedRating.objects.filter(review=review)}
    sees_all = has_permission(user, "review.agree_capability", review.partnership)
    mine = {r.area_id: r for r in ratings if r.person_id == getattr(user, "pk", None)}
    rows = []
    for area in areas:
        of_area = [r for r in ratings if r.area_id == area.pk]
        rows.append(
            {
                "area": area,
                "mine": rag_cell(mine[area.pk].rating, mine[area.pk].comment)
                if area.pk in mine
                else None,
                "ratings": [
                    {"person": r.person, "cell": rag_cell(r.rating, r.comment)} for r in of_area
                ]
                if sees_all
                else [],
                "consensus": consensus(r.rating for r in of_area),
                "agreed": rag_cell(agreed[area.pk].rating, agreed[area.pk].reason)
                if area.pk in agreed
                else None,
            }
        )
    raters = {r.person_id for r in ratings}
    return {
        "review": review,
        "rows": rows,
        "sees_all": sees_all,
        "raters": len(raters),
        "has_rated": bool(mine),
        "can_rate": review.status == CapabilityReview.Status.OPEN
        and has_permission(user, "review.rate_capability", review.partnership),
    }


def my_ratings(review: CapabilityReview, user) -> dict[int, MemberRating]:
    return {r.area_id: r for r in MemberRating.objects.filter(review=review, person=user)}


def member_ratings(review: CapabilityReview) -> dict[int, list[str]]:
    """Each area's member ratings (for the agreeing form's suggestions)."""
    found: dict[int, list[str]] = {}
    for area_id, rating in MemberRating.objects.filter(review=review).values_list(
        "area_id", "rating"
    ):
        found.setdefault(area_id, []).append(rating)
    return found


def publishable_case_studies(partnership: Partnership, academic_year: str | None = None):
    """Case studies that may appear on public pages and exports: marked publishable, with
    consent recorded (the database refuses publishable without it; this checks again)."""
    found = (
        CaseStudy.objects.filter(partnership=partnership, publishable=True)
        .exclude(consent_by="")
        .exclude(consent_on__isnull=True)
        .exclude(consent_how="")
        .select_related("outcome")
    )
    if academic_year:
        found = found.filter(academic_year=academic_year)
    return list(found)


def partnership_outcomes(partnership: Partnership):
    return IntendedOutcome.objects.filter(focus_issue__partnership=partnership).select_related(
        "focus_issue"
    )


def active_focus(partnership: Partnership) -> FocusIssue | None:
    return (
        FocusIssue.objects.filter(partnership=partnership, status=FocusIssue.Status.ACTIVE)
        .prefetch_related("outcomes")
        .first()
    )


def search_case_studies(partnership: Partnership, words: list[str], limit: int) -> list:
    from actlocally.search.registry import Result, matching

    found = (
        CaseStudy.objects.filter(partnership=partnership)
        .filter(matching(words, "title", "story"))
        .select_related("partnership")[:limit]
    )
    return [Result(title=c.title, url=c.get_absolute_url(), detail=c.academic_year) for c in found]


def search_lessons(partnership: Partnership, words: list[str], limit: int) -> list:
    from django.urls import reverse

    from actlocally.search.registry import Result, matching

    found = Lesson.objects.filter(partnership=partnership).filter(
        matching(words, "title", "what_worked", "could_be_better")
    )[:limit]
    url = reverse("review", kwargs={"slug": partnership.slug})
    return [
        Result(title=x.title, url=f"{url}#lesson-{x.pk}", detail=x.academic_year) for x in found
    ]
