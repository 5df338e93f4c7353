"""Referrals between the services at a hub, as counts (optional per hub): recording them
(services) and reading them back by from→to pair with small numbers suppressed (selectors, one
query each). It shows whether co-location joins services up; it never names a family."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from actlocally.core.audit import acting_as

from .models import Hub, Outcome, ReasonCategory, Service, ServiceReferralCount
from .takeup import MOST_COUNT, shown


def services_at(hub: Hub) -> QuerySet[Service]:
    """The services at the hub: those with a session on its timetable or present on one of its
    one-stop-shop days."""
    return (
        Service.objects.filter(partnership=hub.partnership)
        .filter(Q(sessions__hub=hub) | Q(one_stop_days__hub=hub))
        .distinct()
        .order_by("name", "pk")
    )


def _check(*, hub: Hub, from_service, to_service, on, reason, outcome, count) -> None:
    errors = {}
    if not hub.records_service_referrals:
        errors["from_service"] = _(
            "This hub does not record referrals between its services: turn it on on the "
            "hub's page first."
        )
    at_hub = set(services_at(hub).values_list("pk", flat=True))
    if from_service.pk not in at_hub:
        errors.setdefault("from_service", _("Choose a service at this hub."))
    if to_service.pk not in at_hub:
        errors["to_service"] = _("Choose a service at this hub.")
    elif to_service.pk == from_service.pk:
        errors["to_service"] = _("Choose a different service from the one referring.")
    if on > timezone.localdate():
        errors["on"] = _("The date cannot be in the future: record referrals once made.")
    if reason not in ReasonCategory.values:
        errors["reason"] = _("Choose a reason.")
    if outcome not in Outcome.values:
        errors["outcome"] = _("Choose what came of the referrals.")
    if count < 1:
        errors["count"] = _("Enter a number of referrals of 1 or more.")
    elif count > MOST_COUNT:
        errors["count"] = _("A count must be %(n)s or fewer.") % {"n": MOST_COUNT}
    if errors:
        raise ValidationError(errors)


def record_service_referrals(
    *,
    hub: Hub,
    from_service: Service,
    to_service: Service,
    on: datetime.date,
    reason: str,
    outcome: str,
    count: int,
    illustrative: bool = False,
    by,
) -> ServiceReferralCount:
    """How many referrals one service at the hub made to another on a day, for a reason, with
    an outcome. Recording the same services, day, reason and outcome again replaces the count."""
    _check(
        hub=hub,
        from_service=from_service,
        to_service=to_service,
        on=on,
        reason=reason,
        outcome=outcome,
        count=count,
    )
    with transaction.atomic(), acting_as(by):
        row, _created = ServiceReferralCount.objects.update_or_create(
            hub=hub,
            from_service=from_service,
            to_service=to_service,
            on=on,
            reason=reason,
            outcome=outcome,
            defaults={
                "count": count,
                "recorded_by": by if getattr(by, "pk", None) else None,
                "illustrative": illustrative,
            },
        )
    return row


def remove_service_referrals(*, row: ServiceReferralCount, by) -> None:
    with transaction.atomic(), acting_as(by):
        row.delete()


# Reading -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pair:
    """All referrals from one service at the hub to another: None when suppressed."""

    from_name: str
    to_name: str
    count: int | None


def pairs_of(hub: Hub, threshold: int | None) -> list[Pair]:
    """Referrals by from→to pair, most first, each suppressed when small (one query)."""
    totals = (
        hub.service_referrals.values("from_service__name", "to_service__name")
        .annotate(total=Sum("count"))
        .order_by("-total", "from_service__name", "to_service__name")
    )
    return [
        Pair(t["from_service__name"], t["to_service__name"], shown(t["total"], threshold))
        for t in totals
    ]


@dataclass(frozen=True)
class Row:
    record: ServiceReferralCount
    count: int | None


def rows_of(hub: Hub, threshold: int | None) -> list[Row]:
    """Every recorded count of the hub, newest first, small ones suppressed (one query)."""
    records = hub.service_referrals.select_related("from_service", "to_service").order_by(
        "-on", "from_service__name", "to_service__name", "pk"
    )
    return [Row(r, shown(r.count, threshold)) for r in records]
