"""Take-up at a hub: recording aggregate attendance (services), reading it back with small
numbers suppressed (selectors), and its chart. Suppression reuses measurement's threshold and
`suppress`, so one setting governs every small number the platform shows."""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from actlocally.authorization import has_permission
from actlocally.core.audit import acting_as
from actlocally.measurement.selectors import Estimate, small_number_threshold, suppress

from .models import AgeBand, Hub, Service, Session, TakeUp

# More than this many in one age band of one session's period is a typing mistake.
MOST_COUNT = 10_000


def _check(*, hub: Hub, session, service, period_start, period_end, from_hub, from_spokes):
    errors = {}
    if session is None and service is None:
        errors["session"] = _("Choose the session or the service the counts are for.")
    if session is not None and session.hub_id != hub.pk:
        errors["session"] = _("Choose one of this hub's sessions.")
    if service is not None and service.partnership_id != hub.partnership_id:
        errors["service"] = _("Choose a service of this partnership's local offer.")
    if period_start > period_end:
        errors["period_end"] = _("The end of the period must be on or after its start.")
    if period_end > timezone.localdate():
        errors["period_end"] = _("The period cannot end in the future: record it afterwards.")
    elif session is not None and session.hub_id == hub.pk and session.first_on > period_end:
        # A session that had not begun by the period's end had nobody at it to count.
        errors["period_end"] = _(
            "This session's first date is %(day)s, after the period ends: record it once it "
            "has run."
        ) % {"day": date_format(session.first_on, "j F Y")}
    for name, value in (
        ("from_hub_school_count", from_hub),
        ("from_spoke_school_count", from_spokes),
    ):
        if value < 0:
            errors[name] = _("A count cannot be negative.")
        elif value > MOST_COUNT:
            errors[name] = _("A count must be %(n)s or fewer.") % {"n": MOST_COUNT}
    if errors:
        raise ValidationError(errors)


def record_take_up(
    *,
    hub: Hub,
    period_start: datetime.date,
    period_end: datetime.date,
    age_band: str,
    from_hub_school_count: int,
    from_spoke_school_count: int,
    session: Session | None = None,
    service: Service | None = None,
    illustrative: bool = False,
    by,
) -> TakeUp:
    """Counts for one age band of a session (or service) in a period: families from the hub
    school and from a spoke school. Recording the same session, service, period and band again
    replaces the earlier counts."""
    _check(
        hub=hub,
        session=session,
        service=service,
        period_start=period_start,
        period_end=period_end,
        from_hub=from_hub_school_count,
        from_spokes=from_spoke_school_count,
    )
    if age_band not in AgeBand.values:
        raise ValidationError({"age_band": _("Choose an age band.")})
    with transaction.atomic(), acting_as(by):
        row, _created = TakeUp.objects.update_or_create(
            hub=hub,
            session=session,
            service=service,
            period_start=period_start,
            period_end=period_end,
            age_band=age_band,
            defaults={
                "from_hub_school_count": from_hub_school_count,
                "from_spoke_school_count": from_spoke_school_count,
                "recorded_by": by if getattr(by, "pk", None) else None,
                "illustrative": illustrative,
            },
        )
    return row


def remove_take_up(*, row: TakeUp, by) -> None:
    with transaction.atomic(), acting_as(by):
        row.delete()


# Reading -----------------------------------------------------------------------------------------


def threshold_for(user, partnership) -> int | None:
    """The threshold below which counts are hidden from `user` (None: they see every count)."""
    if has_permission(user, "hubs.view_small_numbers", partnership):
        return None
    return small_number_threshold()


def shown(count: int | None, threshold: int | None) -> int | None:
    """The count, or None when it is below the threshold (measurement's `suppress`)."""
    if count is None or threshold is None:
        return count
    figure = suppress(
        Estimate(period="", period_start=None, value=count, numerator=count),
        threshold=threshold,
    )
    return None if figure.suppressed else count


@dataclass(frozen=True)
class Row:
    """One take-up record as shown: None for a suppressed count. The total is hidden too when
    either part is, so it cannot be used to work a hidden part out."""

    record: TakeUp
    hub_school: int | None
    spoke_school: int | None
    total: int | None


def rows_of(hub: Hub, threshold: int | None) -> list[Row]:
    """Every take-up record of the hub, newest first (one query)."""
    records = hub.take_up.select_related("session", "service").order_by(
        "-period_start", "session__title", "service__name", "age_band", "pk"
    )
    found = []
    for record in records:
        hub_school, spoke_school = (
            shown(record.from_hub_school_count, threshold),
            shown(record.from_spoke_school_count, threshold),
        )
        total = None if hub_school is None or spoke_school is None else hub_school + spoke_school
        if total is not None:
            total = shown(total, threshold)
        found.append(Row(record, hub_school, spoke_school, total))
    return found


@dataclass(frozen=True)
class Month:
    month: datetime.date
    hub_school: int | None
    spoke_school: int | None


def by_month(hub: Hub, threshold: int | None) -> list[Month]:
    """Attendance per month (by the period's start) from the hub school and from spoke
    schools, each suppressed on its own when small (one query)."""
    totals: dict[datetime.date, list[int]] = defaultdict(lambda: [0, 0])
    for start, from_hub, from_spokes in hub.take_up.values_list(
        "period_start", "from_hub_school_count", "from_spoke_school_count"
    ):
        month = start.replace(day=1)
        totals[month][0] += from_hub
        totals[month][1] += from_spokes
    return [
        Month(month, shown(from_hub, threshold), shown(from_spokes, threshold))
        for month, (from_hub, from_spokes) in sorted(totals.items())
    ]


@dataclass(frozen=True)
class Band:
    age_band: str
    label: str
    hub_school: int | None
    spoke_school: int | None


def by_age_band(hub: Hub, threshold: int | None) -> list[Band]:
    """Attendance over everything recorded, per age band, from the hub school and from spoke
    schools, each suppressed on its own when small (one query)."""
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for band, from_hub, from_spokes in hub.take_up.values_list(
        "age_band", "from_hub_school_count", "from_spoke_school_count"
    ):
        totals[band][0] += from_hub
        totals[band][1] += from_spokes
    return [
        Band(
            band.value,
            band.label,
            shown(totals[band.value][0], threshold),
            shown(totals[band.value][1], threshold),
        )
        for band in AgeBand
        if band.value in totals
    ]


def unrecorded_sessions(hub: Hub, sessions: list[Session]) -> list[Session]:
    """Sessions that have already started but have no take-up recorded (one query)."""
    today = timezone.localdate()
    recorded = set(hub.take_up.exclude(session=None).values_list("session_id", flat=True))
    return [s for s in sessions if s.first_on <= today and s.pk not in recorded]


def chart_spec(hub: Hub, months: list[Month], *, illustrative: bool) -> dict:
    """A Vega-Lite stacked bar chart of attendance by month from the hub school and from spoke
    schools; suppressed months are left out of the data (the table beside it says they are
    hidden)."""
    from actlocally.measurement.charts.base import base_spec

    hub_label, spoke_label = _("From the hub school"), _("From a spoke school")
    values = []
    for m in months:
        label = m.month.strftime("%Y-%m")
        if m.hub_school is not None:
            values.append({"month": label, "kind": hub_label, "count": m.hub_school})
        if m.spoke_school is not None:
            values.append({"month": label, "kind": spoke_label, "count": m.spoke_school})
    spec = base_spec(
        _("Attendance at %(hub)s by month, from the hub school and spoke schools")
        % {"hub": hub.name},
        illustrative=illustrative,
        height=260,
    )
    spec.update(
        {
            "data": {"values": values},
            "mark": {"type": "bar"},
            "encoding": {
                "x": {
                    "field": "month",
                    "type": "ordinal",
                    "title": _("Month"),
                    "axis": {"labelAngle": 0},
                },
                "y": {"field": "count", "type": "quantitative", "title": _("Attendances")},
                "color": {
                    "field": "kind",
                    "type": "nominal",
                    "title": _("Families"),
                    "scale": {
                        "domain": [hub_label, spoke_label],
                        "range": ["#1d70b8", "#505a5f"],
                    },
                },
            },
        }
    )
    return spec
