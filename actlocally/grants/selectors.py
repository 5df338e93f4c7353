"""Reads of the community budget, each a constant number of queries."""

from django.db.models import F, Prefetch, QuerySet, Sum

from . import scoring
from .models import (
    Application,
    Award,
    Criterion,
    Declaration,
    FundingRound,
    Panellist,
    Question,
    Score,
    pounds,
)


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
    return Application.objects.filter(applicant=user).select_related(
        "round__partnership", "award", "ward"
    )


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


# The panel ---------------------------------------------------------------------------------------


def panellists_of(funding_round: FundingRound) -> QuerySet[Panellist]:
    return funding_round.panellists.select_related("person").order_by("pk")


def panellist_for(funding_round: FundingRound, user) -> Panellist | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return funding_round.panellists.filter(person=user).first()


def eligible_applications(funding_round: FundingRound) -> QuerySet[Application]:
    return submitted_applications(funding_round).filter(
        eligibility=Application.Eligibility.ELIGIBLE
    )


def _blind_to(funding_round: FundingRound, viewer) -> set[int] | None:
    """The applications whose scores this person may not see: for a panellist, those they are
    conflicted on or have not yet scored themselves. None for someone not on the panel."""
    panellist = panellist_for(funding_round, viewer)
    if panellist is None:
        return None
    scored = set(panellist.sheets.values_list("application_id", flat=True))
    conflicted = set(
        panellist.declarations.filter(conflicted=True).values_list("application_id", flat=True)
    )
    every = set(eligible_applications(funding_round).values_list("pk", flat=True))
    return (every - scored) | conflicted


def _score_row(application: Application, row: scoring.Row, *, hidden: bool) -> dict:
    """One line of the scores table, its figures worked out once (the table reads them as plain
    values: a big round has many rows)."""
    spread = row.spread
    return {
        "application": application,
        "row": row,
        "hidden": hidden,
        "title": application.project_title,
        "organisation": application.organisation_name,
        "asked": pounds(application.amount_requested_pence),
        "rank": row.rank,
        "tied": row.tied,
        "mean": row.mean,
        "spread": spread,
        "divergent": row.count >= 2 and spread >= scoring.DIVERGENCE,
        "count": row.count,
        "proposed": pounds(row.proposed) if row.proposed else "",
        "partial": row.partial,
    }


def panel_scores(funding_round: FundingRound, viewer=None) -> dict:
    """The aggregate of every eligible application (weighted mean, spread, rank, count, divergence,
    ties) and the allocation proposed within the budget. Conflicted panellists' scores never
    count; a panellist viewing sees an application's scores only once they have scored it."""
    applications = list(
        eligible_applications(funding_round)
        # The round too: the related manager checks each row's round_id, and a deferred one
        # would be fetched one query per application.
        .only(
            "round",
            "project_title",
            "organisation_name",
            "amount_requested_pence",
            "submitted_at",
        )
        .order_by("submitted_at", "pk")
    )
    weights = {c.pk: c.weight for c in funding_round.criteria.all()}
    conflicted = set(
        Declaration.objects.filter(application__round=funding_round, conflicted=True).values_list(
            "panellist_id", "application_id"
        )
    )
    # Each sheet's weighted sum, added up by the database (one row per sheet, not per score: a
    # big round has thousands of scores); the same as scoring.weighted_score, whose missing
    # criteria count 0.
    total_weight = sum(weights.values())
    by_application: dict[int, list[float]] = {}
    for panellist, application, weighted in (
        Score.objects.filter(sheet__application__round=funding_round)
        .values_list("sheet__panellist_id", "sheet__application_id")
        .annotate(weighted=Sum(F("value") * F("criterion__weight")))
        .order_by()
    ):
        if (panellist, application) in conflicted:
            continue
        by_application.setdefault(application, []).append(weighted / total_weight)
    rows = [
        scoring.Row(
            key=a.pk,
            requested=a.amount_requested_pence,
            order=(a.submitted_at,),
            scores=tuple(by_application.get(a.pk, ())),
        )
        for a in applications
    ]
    ranked = scoring.rank(rows)
    remaining = scoring.propose(
        ranked,
        budget=funding_round.budget_pence,
        min_grant=funding_round.min_grant_pence,
        partial=funding_round.partial_awards,
    )
    blind = _blind_to(funding_round, viewer) or set()
    named = {a.pk: a for a in applications}
    return {
        "rows": [_score_row(named[row.key], row, hidden=row.key in blind) for row in ranked],
        "proposed_total": pounds(funding_round.budget_pence - remaining),
        "remaining": pounds(remaining),
        "any_hidden": bool(blind),
        "any_tied": any(r.tied for r in ranked),
        "any_divergent": any(r.divergent for r in ranked),
    }


def panel_home(funding_round: FundingRound, panellist: Panellist) -> list[dict]:
    """What a panellist does next for each eligible application: declare, score, or done."""
    declarations = {d.application_id: d for d in panellist.declarations.all()}
    scored = set(panellist.sheets.values_list("application_id", flat=True))
    return [
        {
            "application": a,
            "declaration": declarations.get(a.pk),
            "scored": a.pk in scored,
        }
        for a in eligible_applications(funding_round)
    ]


def public_awards(funding_round: FundingRound) -> list[Award]:
    """What a decided round funded, largest first, for its public page."""
    if funding_round.status not in (FundingRound.Status.DECIDED, FundingRound.Status.PUBLISHED):
        return []
    return list(
        Award.objects.filter(application__round=funding_round)
        .select_related("application__ward")
        .order_by("-amount_pence", "pk")
    )
