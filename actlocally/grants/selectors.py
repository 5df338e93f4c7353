"""Reads of the community budget, each a constant number of queries."""

from django.db.models import Prefetch, QuerySet

from .models import Application, Criterion, FundingRound, Question


def rounds_for(partnership) -> QuerySet[FundingRound]:
    return FundingRound.objects.filter(partnership=partnership).select_related("focus_issue")


def round_detail(partnership, pk: int) -> FundingRound | None:
    return (
        FundingRound.objects.filter(partnership=partnership, pk=pk)
        .select_related("partnership__local_authority", "focus_issue")
        .prefetch_related(
            Prefetch("questions", queryset=Question.objects.order_by("order", "pk")),
            Prefetch("criteria", queryset=Criterion.objects.order_by("order", "pk")),
        )
        .first()
    )


def total_weight(funding_round: FundingRound) -> int:
    """The criteria's weights added up (from the prefetched criteria)."""
    return sum(c.weight for c in funding_round.criteria.all())


def open_rounds() -> QuerySet[FundingRound]:
    """Rounds taking applications now, for anyone looking for funding."""
    return (
        FundingRound.objects.filter(status=FundingRound.Status.OPEN)
        .select_related("partnership")
        .order_by("closes_at", "pk")
    )


def public_round(pk: int) -> FundingRound | None:
    """A round anyone may read: open or past, never a draft."""
    return (
        FundingRound.objects.exclude(status=FundingRound.Status.DRAFT)
        .select_related("partnership", "focus_issue")
        .prefetch_related(
            Prefetch("questions", queryset=Question.objects.order_by("order", "pk")),
            Prefetch("criteria", queryset=Criterion.objects.order_by("order", "pk")),
        )
        .filter(pk=pk)
        .first()
    )


def applications_of(user) -> QuerySet[Application]:
    """A person's own applications: applicants see nobody else's."""
    return Application.objects.filter(applicant=user).select_related("round__partnership")


def own_application(user, pk: int) -> Application | None:
    return (
        applications_of(user)
        .prefetch_related(
            Prefetch("round__questions", queryset=Question.objects.order_by("order", "pk")),
            "answers",
        )
        .filter(pk=pk)
        .first()
    )


def answers_by_question(application: Application) -> list[dict]:
    """Each question of the round beside this application's answer (check your answers)."""
    answers = {a.question_id: a for a in application.answers.all()}
    return [{"question": q, "answer": answers.get(q.pk)} for q in application.round.questions.all()]


def submitted_applications(funding_round: FundingRound) -> QuerySet[Application]:
    """What the co-ordinator checks: submitted applications, oldest first."""
    return funding_round.applications.filter(status=Application.Status.SUBMITTED).order_by(
        "submitted_at", "pk"
    )


def round_application(funding_round: FundingRound, pk: int) -> Application | None:
    return (
        submitted_applications(funding_round)
        .select_related("round", "eligibility_checked_by")
        .prefetch_related(
            Prefetch("round__questions", queryset=Question.objects.order_by("order", "pk")),
            "answers",
        )
        .filter(pk=pk)
        .first()
    )
