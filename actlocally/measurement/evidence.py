"""Measurement's indicators as evidence a Statement of Intent can embed (statements/evidence.py):
the latest figure, its interval, the comparison sentences and the trend chart, always as someone
who sees suppressed tables sees them, since a statement is shared outside the research team."""

from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext as _

from .chart_images import chart_png, chart_svg
from .chart_selectors import indicator_charts
from .charts import for_image
from .selectors import chosen_indicators


def choices(partnership) -> list[tuple[str, str]]:
    return [
        (
            str(c.pk),
            c.indicator.name + (" " + _("(illustrative)") if c.indicator.illustrative else ""),
        )
        for c in chosen_indicators(partnership)
    ]


def _latest(page) -> str:
    latest = page["latest"]
    if latest is None:
        return _("No data yet.")
    if latest.suppressed:
        return _("Suppressed: the count is too small to show.")
    if page["latest_interval"]:
        return _("%(value)s (95%% confidence interval %(ci)s)") % {
            "value": page["latest_value"],
            "ci": page["latest_interval"],
        }
    return page["latest_value"]


def embed(partnership, ref: str):
    from actlocally.statements.evidence import Evidence

    if not ref.isdigit():
        return None
    found = indicator_charts(partnership, int(ref), AnonymousUser(), kinds=("trend",))
    if found is None:
        return None
    page, charts = found
    latest = page["latest"]
    trend = charts["trend"]
    facts = [
        (
            _("Latest (%(period)s)") % {"period": latest.period} if latest else _("Latest"),
            _latest(page),
        ),
        (
            _("Compared with %(name)s") % {"name": partnership.local_authority.name},
            page["vs_local_authority"].sentence,
        ),
        (_("Compared with England"), page["vs_england"].sentence),
    ]
    if page["change"]:
        facts.append((_("Since the baseline"), page["change"]["sentence"]))
    facts.append((_("Recent trend"), page["trend"]["sentence"]))
    chosen = page["chosen"]
    drawn = trend.spec is not None
    return Evidence(
        title=page["indicator"].name,
        url=chosen.get_absolute_url(),
        facts=facts,
        illustrative=page["indicator"].illustrative,
        chart_title=trend.title,
        chart_description=trend.description,
        chart_columns=trend.columns,
        chart_rows=trend.rows,
        chart_svg=(lambda: chart_svg(trend)) if drawn else None,
        chart_png=(lambda: chart_png(trend)) if drawn else None,
        # The public view's spec, drawn from the page (not measurement's chart URL, which checks
        # the viewer and would give the research partner the unsuppressed numbers), and kept
        # whole so an agreed statement can freeze its chart.
        chart_spec=trend.spec,
        chart_image_spec=for_image(trend) if drawn else None,
    )
