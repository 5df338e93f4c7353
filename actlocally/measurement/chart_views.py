"""Measurement's charts as Vega-Lite JSON (drawn in the page by static/actlocally/charts.js) and
their numbers as CSV, each checked like the page it belongs to."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse

from actlocally.authorization import get_partnership_or_404
from actlocally.core.csv import csv_response

from . import charts
from .chart_selectors import indicator_charts, spine_chart

VIEW = "measurement.view_measurement"
INDICATOR_CHARTS = ("trend", "comparators", "funnel", "funnel-wards")


def _indicator_chart(request, slug, pk, kind):
    p = get_partnership_or_404(request.user, slug, VIEW)
    if kind not in INDICATOR_CHARTS:
        raise Http404
    found = indicator_charts(p, pk, request.user, kinds=(kind,))
    if found is None:
        raise Http404
    page, charts = found
    return p, page, charts[kind]


@login_required
def indicator_chart(request, slug, pk, kind):
    _p, _page, chart = _indicator_chart(request, slug, pk, kind)
    return JsonResponse(charts.spec_or_empty(chart))


@login_required
def indicator_chart_csv(request, slug, pk, kind):
    p, page, chart = _indicator_chart(request, slug, pk, kind)
    indicator = page["indicator"]
    name = f"{indicator.key}-{kind}-{p.slug}{'-illustrative' if indicator.illustrative else ''}.csv"
    return csv_response(name, [chart.columns, *chart.rows])


@login_required
def spine(request, slug):
    p = get_partnership_or_404(request.user, slug, VIEW)
    _page, chart = spine_chart(p, request.user)
    return JsonResponse(charts.spec_or_empty(chart))


@login_required
def spine_csv(request, slug):
    p = get_partnership_or_404(request.user, slug, VIEW)
    page, chart = spine_chart(p, request.user)
    suffix = "-illustrative" if page["any_illustrative"] else ""
    return csv_response(f"indicators-spine-{p.slug}{suffix}.csv", [chart.columns, *chart.rows])
