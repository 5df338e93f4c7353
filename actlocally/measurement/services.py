"""Every write of shared measurement: defining indicators, choosing them for a partnership, and
saving data points (checked against the indicator's unit, all or nothing)."""

import datetime
import math
from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from actlocally.core.audit import acting_as
from actlocally.journey.blueprint import StepKey
from actlocally.journey.services import record_evidence
from actlocally.partnerships.models import Partnership

from . import versions
from .models import DataPoint, GeographyType, Indicator, PartnershipIndicator, Unit
from .periods import parse_period

# Beyond this the numbers are typing mistakes, not data (and keep clear of float trouble).
LARGEST = 1e12
# A value typed beside its numerator and denominator must agree with them to this much.
AGREEMENT = 0.005


def check_figures(
    indicator: Indicator,
    *,
    numerator: float | None,
    denominator: float | None,
    value: float | None,
) -> tuple[float | None, float | None, float]:
    """(numerator, denominator, value) for a data point of `indicator`, the value worked out from
    the numerator and denominator where both are given; ValidationError by field otherwise."""
    errors: dict[str, str] = {}
    for name, number in (("numerator", numerator), ("denominator", denominator), ("value", value)):
        if number is not None and (not math.isfinite(number) or abs(number) > LARGEST):
            errors[name] = _("Enter a number below a million million.")
    if errors:
        raise ValidationError(errors)
    unit = indicator.unit
    # A mean's numerator is a sum of scores (AHAH's are below zero for better than the middle),
    # not a count of anyone, so only it may be negative.
    if numerator is not None and numerator < 0 and unit != Unit.MEAN:
        errors["numerator"] = _("A count cannot be negative.")
    if denominator is not None and denominator <= 0:
        errors["denominator"] = _("The denominator must be more than 0.")
    if unit == Unit.COUNT:
        if numerator is None and value is not None:
            numerator = value
        if numerator is None:
            errors.setdefault("numerator", _("Enter the count."))
        elif numerator < 0:
            errors["numerator"] = _("A count cannot be negative.")
        elif not float(numerator).is_integer():
            errors["numerator"] = _("A count is a whole number.")
    elif (numerator is None or denominator is None) and value is None:
        errors.setdefault(
            "numerator",
            _("Enter the numerator and denominator (or, if you only have it, the value)."),
        )
    if errors:
        raise ValidationError(errors)
    if unit == Unit.COUNT:
        computed = numerator
    elif numerator is not None and denominator is not None:
        if indicator.is_proportion and numerator > denominator:
            raise ValidationError(
                {
                    "numerator": _(
                        "The numerator cannot be more than the denominator for a proportion."
                    )
                }
            )
        computed = numerator / denominator * indicator.multiplier
        if value is not None and abs(value - computed) > AGREEMENT * max(abs(computed), 1e-9):
            raise ValidationError(
                {
                    "value": _(
                        "The value does not match the numerator and denominator (they give "
                        "%(computed)s): leave it blank and it is worked out."
                    )
                    % {"computed": f"{computed:.4g}"}
                }
            )
    else:
        computed = value
    if unit == Unit.PROPORTION and not 0 <= computed <= 1:
        raise ValidationError({"value": _("A proportion is from 0 to 1.")})
    if unit == Unit.PERCENTAGE and not 0 <= computed <= 100:
        raise ValidationError({"value": _("A percentage is from 0 to 100.")})
    if unit in (Unit.RATE_1000, Unit.RATE_10000, Unit.COUNT) and computed < 0:
        raise ValidationError({"value": _("A rate cannot be negative.")})
    return numerator, denominator, computed


class Figure(NamedTuple):
    """A checked data point, ready to save (a tuple: uploads make 100,000 of them)."""

    indicator_id: int
    geography: str
    code: str
    partnership_id: int | None
    period: str
    period_start: datetime.date
    numerator: float | None
    denominator: float | None
    value: float
    note: str = ""


COLUMNS = [
    "indicator_id",
    "geography",
    "code",
    "partnership_id",
    "period",
    "period_start",
    "numerator",
    "denominator",
    "value",
    "note",
    "entered_by_id",
    "entered_at",
]
KEY = ["indicator_id", "geography", "code", "period"]


def _upsert_sql() -> str:
    """One prepared INSERT … ON CONFLICT DO UPDATE (SQLite and PostgreSQL both have it): the
    ORM's bulk_create builds and compiles every row as a model, 20 times slower on big files."""
    q = connection.ops.quote_name
    table = q(DataPoint._meta.db_table)
    updates = ", ".join(f"{q(c)} = excluded.{q(c)}" for c in COLUMNS if c not in KEY)
    return (
        f"INSERT INTO {table} ({', '.join(q(c) for c in COLUMNS)}) "  # noqa: S608
        f"VALUES ({', '.join(['%s'] * len(COLUMNS))}) "
        f"ON CONFLICT ({', '.join(q(c) for c in KEY)}) DO UPDATE SET {updates}"
    )


BATCH = 5000


def save_figures(*, figures: list[Figure], partnership: Partnership | None, by) -> int:
    """Save checked figures, replacing any for the same indicator, place and period, in one
    transaction. Returns how many were saved. The rows are open, aggregate data, so each upload
    is attributed on its rows (entered_by) rather than with an audit entry per row."""
    if not figures:
        return 0
    entered_by = by.pk if getattr(by, "is_authenticated", False) else None
    ops = connection.ops
    now = ops.adapt_datetimefield_value(timezone.now())
    dates: dict = {}

    def day(value):
        if value not in dates:
            dates[value] = ops.adapt_datefield_value(value)
        return dates[value]

    sql = _upsert_sql()
    with transaction.atomic(), acting_as(by), connection.cursor() as cursor:
        for i in range(0, len(figures), BATCH):
            cursor.executemany(
                sql,
                [(*f[:5], day(f[5]), *f[6:], entered_by, now) for f in figures[i : i + BATCH]],
            )
        # The prepared upsert goes around the ORM, so no signal changes the figures' version.
        versions.bump()
        if partnership is not None:
            record_data_evidence(partnership=partnership, by=by)
    return len(figures)


def record_data_evidence(*, partnership: Partnership, by=None) -> None:
    """Phase 4's "collect data" and "monitor progress" tick themselves once the partnership's
    chosen indicators have data (after the transaction, so a refused upload ticks nothing)."""
    from django.urls import reverse

    chosen = PartnershipIndicator.objects.filter(partnership=partnership)
    # The evidence dates from when the first of the chosen indicators' data was entered.
    first = (
        DataPoint.objects.filter(indicator__chosen_by__in=chosen)
        .order_by("entered_at")
        .values_list("entered_at", flat=True)
        .first()
    )
    if first is None:
        return
    on = timezone.localdate(first)
    url = reverse("measurement", kwargs={"slug": partnership.slug})

    def tick():
        record_evidence(
            partnership=partnership,
            step_key=StepKey.COLLECT_DATA,
            evidence_label=_("Data for the partnership's indicators"),
            evidence_url=url,
            on=on,
            by=by,
        )
        record_evidence(
            partnership=partnership,
            step_key=StepKey.MONITOR_PROGRESS,
            evidence_label=_("Indicators compared with %(authority)s and England")
            % {"authority": partnership.local_authority.name},
            evidence_url=url,
            on=on,
            by=by,
        )

    transaction.on_commit(tick)


def add_data_point(
    *,
    partnership: Partnership,
    indicator: Indicator,
    geography: str,
    code: str,
    period: str,
    numerator: float | None,
    denominator: float | None,
    value: float | None,
    note: str = "",
    by,
) -> DataPoint:
    """One figure typed into the form; the same checks as a file's rows."""
    errors = {}
    try:
        label, start = parse_period(indicator.period_type, period)
    except ValueError as e:
        errors["period"] = str(e)
    try:
        numerator, denominator, value = check_figures(
            indicator, numerator=numerator, denominator=denominator, value=value
        )
    except ValidationError as e:
        errors.update({k: v[0] for k, v in e.message_dict.items()})
    if geography == GeographyType.AREA:
        code = str(partnership.pk)
    else:
        from .importers import check_code

        problem = check_code(geography, code)
        if problem:
            errors["code"] = problem
    if errors:
        raise ValidationError(errors)
    save_figures(
        figures=[
            Figure(
                indicator_id=indicator.pk,
                geography=geography,
                code=code,
                partnership_id=partnership.pk if geography == GeographyType.AREA else None,
                period=label,
                period_start=start,
                numerator=numerator,
                denominator=denominator,
                value=value,
                note=note,
            )
        ],
        partnership=partnership,
        by=by,
    )
    return DataPoint.objects.get(indicator=indicator, geography=geography, code=code, period=label)


def define_indicator(*, local_authority, by, **fields) -> Indicator:
    """Add an indicator to a local authority's library."""
    if Indicator.objects.filter(local_authority=local_authority, key=fields.get("key")).exists():
        raise ValidationError(
            {"key": _("The library already has an indicator with this short name.")}
        )
    indicator = Indicator(local_authority=local_authority, created_by=by, **fields)
    indicator.full_clean()
    with transaction.atomic(), acting_as(by):
        indicator.save()
    return indicator


def choose_indicator(
    *,
    partnership: Partnership,
    indicator: Indicator,
    outcomes=(),
    baseline_period: str = "",
    baseline_value: float | None = None,
    target_period: str = "",
    target_value: float | None = None,
    why: str = "",
    by,
) -> PartnershipIndicator:
    """Add a library indicator to the partnership's indicators, for its active focus issue."""
    if indicator.local_authority_id != partnership.local_authority_id:
        raise ValidationError(
            {"indicator": _("Choose an indicator from your local authority's library.")}
        )
    if PartnershipIndicator.objects.filter(partnership=partnership, indicator=indicator).exists():
        raise ValidationError({"indicator": _("The partnership already has this indicator.")})
    chosen = PartnershipIndicator(
        partnership=partnership,
        indicator=indicator,
        focus_issue=partnership.focus_issues.filter(status="active").first(),
        added_by=by,
    )
    return _save_choice(
        chosen,
        outcomes=outcomes,
        baseline_period=baseline_period,
        baseline_value=baseline_value,
        target_period=target_period,
        target_value=target_value,
        why=why,
        by=by,
    )


def update_choice(*, chosen: PartnershipIndicator, by, **fields) -> PartnershipIndicator:
    """Change a chosen indicator's baseline, target, outcomes or reason."""
    return _save_choice(chosen, by=by, **fields)


def _save_choice(
    chosen: PartnershipIndicator,
    *,
    outcomes,
    baseline_period,
    baseline_value,
    target_period,
    target_value,
    why,
    by,
) -> PartnershipIndicator:
    errors = {}
    period_type = chosen.indicator.period_type
    for name, text in (("baseline_period", baseline_period), ("target_period", target_period)):
        if text:
            try:
                text, _start = parse_period(period_type, text)
            except ValueError as e:
                errors[name] = str(e)
        setattr(chosen, name, text)
    if baseline_value is not None and not baseline_period:
        errors["baseline_period"] = _("Enter the period the baseline is for.")
    if errors:
        raise ValidationError(errors)
    chosen.baseline_value = baseline_value
    chosen.target_value = target_value
    chosen.why = why
    allowed = set(partnership_outcomes(chosen.partnership).values_list("pk", flat=True))
    outcomes = [o for o in outcomes if o.pk in allowed]
    with transaction.atomic(), acting_as(by):
        chosen.save()
        chosen.outcomes.set(outcomes)
    return chosen


def partnership_outcomes(partnership: Partnership):
    from actlocally.partnerships.models import IntendedOutcome

    return IntendedOutcome.objects.filter(
        focus_issue__partnership=partnership, focus_issue__status="active"
    )
