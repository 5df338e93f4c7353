"""What the community budget shows on other apps' pages: the overview's budget panel (budget,
awarded, paid, remaining) and the area's public list of decided rounds."""

from django.db.models import Sum

from . import award_selectors
from .models import FundingRound, pounds

DECIDED = (FundingRound.Status.DECIDED, FundingRound.Status.PUBLISHED)


def overview(*, partnership, user) -> dict | None:
    """Budget, awarded, paid and remaining across the partnership's rounds (drafts left out)."""
    rounds = FundingRound.objects.filter(partnership=partnership).exclude(
        status=FundingRound.Status.DRAFT
    )
    totals = rounds.aggregate(budget=Sum("budget_pence"), awarded=Sum("awarded_pence"))
    if totals["budget"] is None:
        return None
    return {
        "budget": pounds(totals["budget"]),
        "awarded": pounds(totals["awarded"] or 0),
        "paid": pounds(award_selectors.paid_total(rounds)),
        "remaining": pounds(totals["budget"] - (totals["awarded"] or 0)),
        "open_rounds": rounds.filter(status=FundingRound.Status.OPEN).count(),
        "illustrative": rounds.filter(illustrative=True).exists(),
    }


def decided_rounds(*, partnership, user) -> dict | None:
    rounds = list(FundingRound.objects.filter(partnership=partnership, status__in=DECIDED))
    return {"funding_rounds": rounds} if rounds else None
