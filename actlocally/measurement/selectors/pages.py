"""The measurement pages' reads, each in a fixed number of queries: a partnership's indicators
with their latest figures and judgements, one indicator's whole series, the theory of change's
links and the library. Small numbers are suppressed here, once, for everyone who may not see
them, so no page, file or API answer can forget to."""

from collections import defaultdict

from actlocally.authorization import has_permission

from ..models import Indicator, PartnershipIndicator
from .figures import Series, series_for, small_number_threshold
from .judgements import _summary, format_interval, format_value


def sees_small_numbers(user, partnership) -> bool:
    return has_permission(user, "measurement.view_small_numbers", partnership)


def chosen_indicators(partnership) -> list[PartnershipIndicator]:
    return list(
        PartnershipIndicator.objects.filter(partnership=partnership)
        .select_related("indicator", "indicator__owner", "focus_issue", "partnership")
        .prefetch_related("outcomes")
        .order_by("indicator__name")
    )


def indicators_page(partnership, user) -> dict:
    """Every indicator the partnership chose, with its latest figure and judgements."""
    chosen = chosen_indicators(partnership)
    series = series_for(partnership, chosen)
    threshold = None if sees_small_numbers(user, partnership) else small_number_threshold()
    rows = [_summary(partnership, series[c.pk], threshold=threshold) for c in chosen]
    return {
        "rows": rows,
        "threshold": small_number_threshold(),
        "sees_small_numbers": threshold is None,
        "any_illustrative": any(r["indicator"].illustrative for r in rows),
    }


def period_table(indicator: Indicator, shown: Series) -> list[dict]:
    """A series (as shown: already suppressed) as table rows by period, the latest first (no
    queries)."""
    table = []
    for period, _start in reversed(shown.periods()):
        area = shown.area.get(period)
        la = shown.local_authority.get(period)
        england = shown.england.get(period)
        table.append(
            {
                "period": period,
                "area": area,
                "area_value": format_value(indicator, area.value if area else None),
                "area_interval": format_interval(indicator, area),
                "local_authority": la,
                "local_authority_value": format_value(indicator, la.value if la else None),
                "england": england,
                "england_value": format_value(indicator, england.value if england else None),
            }
        )
    return table


def indicator_page(partnership, pk: int, user) -> dict | None:
    """One chosen indicator, its latest judgements and its whole series as table rows."""
    chosen = (
        PartnershipIndicator.objects.filter(partnership=partnership, pk=pk)
        .select_related("indicator", "indicator__owner", "focus_issue", "partnership")
        .prefetch_related("outcomes")
        .first()
    )
    if chosen is None:
        return None
    series = series_for(partnership, [chosen])[chosen.pk]
    threshold = None if sees_small_numbers(user, partnership) else small_number_threshold()
    summary = _summary(partnership, series, threshold=threshold)
    table = period_table(chosen.indicator, summary["series"])
    return {
        **summary,
        "table": table,
        "threshold": small_number_threshold(),
        "sees_small_numbers": threshold is None,
    }


def outcome_links(partnership, outcome_ids: list[int]) -> dict:
    """For the theory of change: the indicators evidencing each intended outcome (one query)."""
    from actlocally.theory.links import OutcomeLink

    result: dict[int, list] = defaultdict(list)
    through = PartnershipIndicator.outcomes.through
    for link in through.objects.filter(
        intendedoutcome_id__in=outcome_ids, partnershipindicator__partnership=partnership
    ).select_related("partnershipindicator__indicator", "partnershipindicator__partnership"):
        chosen = link.partnershipindicator
        result[link.intendedoutcome_id].append(
            OutcomeLink(label=chosen.indicator.name, url=chosen.get_absolute_url())
        )
    return dict(result)


def library(partnership):
    """The local authority's indicators the partnership has not chosen yet."""
    return Indicator.objects.filter(local_authority_id=partnership.local_authority_id).exclude(
        chosen_by__partnership=partnership
    )
