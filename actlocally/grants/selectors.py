"""Reads of the community budget, each a constant number of queries."""

from django.db.models import Prefetch, QuerySet

from .models import Criterion, FundingRound, Question


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
