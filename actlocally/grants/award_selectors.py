"""Reads beside the round's own: an application's documents and clarifications, each award's
agreement, payments and reports, and what is already funded or offered in the area. Each is a
constant number of queries."""

from django.db.models import Prefetch, Q, QuerySet, Sum

from actlocally.hubs import selectors as hub_selectors

from .models import (
    Application,
    Attachment,
    Award,
    Clarification,
    FundingRound,
    GranteeReport,
    Payment,
    pounds,
)

DECIDED = (FundingRound.Status.DECIDED, FundingRound.Status.PUBLISHED)


def attachments_of(application: Application) -> list[Attachment]:
    return list(application.attachments.order_by("uploaded_at", "pk"))


def attachment(pk: int) -> Attachment | None:
    return (
        Attachment.objects.select_related("application__round__partnership").filter(pk=pk).first()
    )


def clarifications_of(application: Application) -> list[Clarification]:
    return list(
        application.clarifications.select_related("requested_by", "resubmitted_by")
        .prefetch_related("questions")
        .order_by("requested_at", "pk")
    )


def open_clarification_of(clarifications: list[Clarification]) -> Clarification | None:
    return next((c for c in clarifications if c.is_open), None)


def awards_of(funding_round: FundingRound) -> list[Award]:
    """The round's awards with their agreement, payments and reports, for the co-ordinator."""
    return list(
        Award.objects.filter(application__round=funding_round)
        .select_related("application", "agreement")
        .prefetch_related(
            Prefetch("payments", queryset=Payment.objects.order_by("due_on", "pk")),
            Prefetch(
                "reports",
                queryset=GranteeReport.objects.prefetch_related("outcomes").order_by(
                    "-period_end", "pk"
                ),
            ),
        )
        .order_by("-amount_pence", "pk")
    )


def award_of(funding_round: FundingRound, pk: int) -> Award | None:
    return next((a for a in awards_of(funding_round) if a.pk == pk), None)


def paid_of(award: Award) -> dict:
    """What has been planned and paid of an award (from its prefetched payments)."""
    payments = list(award.payments.all())
    planned = sum(p.amount_pence for p in payments)
    paid = sum(p.amount_pence for p in payments if p.paid_on)
    return {
        "planned": pounds(planned),
        "paid": pounds(paid),
        "unplanned": pounds(award.amount_pence - planned),
        "unplanned_pence": award.amount_pence - planned,
    }


def paid_total(rounds: QuerySet[FundingRound]) -> int:
    """Pence paid out across these rounds' awards."""
    return (
        Payment.objects.filter(award__application__round__in=rounds, paid_on__isnull=False)
        .aggregate(total=Sum("amount_pence"))
        .get("total")
        or 0
    )


def already_funded(funding_round: FundingRound) -> dict:
    """What the area already has, so overlap shows before money is spent: earlier awards from
    this platform in the same local authority, and the published services of the partnership's
    local offer (the hubs app)."""
    partnership = funding_round.partnership
    awards = list(
        Award.objects.filter(
            application__round__status__in=DECIDED,
            application__round__partnership__local_authority_id=partnership.local_authority_id,
        )
        .exclude(application__round=funding_round)
        .select_related("application__ward", "application__round__partnership")
        .order_by("-decided_at", "pk")[:50]
    )
    services = list(
        hub_selectors.public_services()
        .filter(Q(partnership=partnership))
        .only("name", "description", "organisation__name", "illustrative")[:50]
    )
    return {"earlier_awards": awards, "services": services}
