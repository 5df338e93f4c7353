"""Shared measurement pages: the partnership's indicators, one indicator's data, choosing and
defining indicators, and entering data by form or file."""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from actlocally.authorization import get_partnership_or_404, has_permission
from actlocally.core.csv import csv_response, writer
from actlocally.core.forms import add_errors
from actlocally.jobs.services import start_job

from . import chart_selectors, selectors, services
from .forms import (
    COMPARE_LSOAS,
    COMPARE_WARDS,
    FUNNEL_OF,
    ChoiceForm,
    DataPointForm,
    IndicatorForm,
    UploadForm,
    funnel_compare,
)
from .importers import BACKGROUND_BYTES, TEMPLATE_HEADERS, ImportRefused, import_figures
from .models import Indicator, PartnershipIndicator
from .periods import EXAMPLES
from .tasks import import_data

VIEW = "measurement.view_measurement"
MANAGE = "measurement.manage_indicators"
ADD_DATA = "measurement.add_data"
SUPPRESSED = "suppressed"


@login_required
def indicators(request, slug):
    p = get_partnership_or_404(request.user, slug, VIEW)
    page, spine = chart_selectors.spine_chart(p, request.user)
    return render(
        request,
        "measurement/indicators.html",
        {
            "partnership": p,
            "can_manage": has_permission(request.user, MANAGE, p),
            "can_add_data": has_permission(request.user, ADD_DATA, p),
            "spine": spine,
            **page,
        },
    )


def _cell(text: str, e) -> str:
    if e is not None and e.suppressed:
        return SUPPRESSED
    return text


@login_required
def indicators_csv(request, slug):
    p = get_partnership_or_404(request.user, slug, VIEW)
    page = selectors.indicators_page(p, request.user)
    response = csv_response(f"indicators-{p.slug}-{timezone.localdate():%Y-%m-%d}.csv")
    out = writer(response)
    la = p.local_authority.name
    out.writerow(
        [
            _("Indicator"),
            _("Illustrative (not real data)"),
            _("Latest period"),
            _("Value"),
            _("95% confidence interval"),
            la,
            _("Compared with %(name)s") % {"name": la},
            _("England"),
            _("Compared with England"),
            _("Source"),
            _("Licence"),
        ]
    )
    for row in page["rows"]:
        latest = row["latest"]
        out.writerow(
            [
                row["indicator"].name,
                _("yes: illustrative values") if row["indicator"].illustrative else _("no"),
                latest.period if latest else "",
                _cell(row["latest_value"], latest),
                _cell(row["latest_interval"], latest),
                row["local_authority_value"],
                row["vs_local_authority"].sentence,
                row["england_value"],
                row["vs_england"].sentence,
                row["indicator"].source,
                row["indicator"].licence,
            ]
        )
    return response


def _indicator_page(request, p, pk):
    page = selectors.indicator_page(p, pk, request.user)
    if page is None:
        raise Http404
    return page


@login_required
def indicator(request, slug, pk):
    p = get_partnership_or_404(request.user, slug, VIEW)
    compare = funnel_compare(request.GET)
    funnel = FUNNEL_OF[compare]
    found = chart_selectors.indicator_charts(
        p, pk, request.user, kinds=("trend", "comparators", funnel)
    )
    if found is None:
        raise Http404
    page, charts = found
    la_name = p.local_authority.name
    return render(
        request,
        "measurement/indicator.html",
        {
            "partnership": p,
            "can_manage": has_permission(request.user, MANAGE, p),
            "can_add_data": has_permission(request.user, ADD_DATA, p),
            "charts": [charts["comparators"], charts[funnel]],
            "trend_chart": charts["trend"],
            # The funnel's choice, with the authority's name in the label.
            "compare_options": [
                (COMPARE_WARDS, _("%(la)s's wards") % {"la": la_name}, compare == COMPARE_WARDS),
                (COMPARE_LSOAS, _("The area's LSOAs"), compare == COMPARE_LSOAS),
            ],
            **page,
        },
    )


@login_required
def indicator_csv(request, slug, pk):
    p = get_partnership_or_404(request.user, slug, VIEW)
    page = _indicator_page(request, p, pk)
    ind = page["indicator"]
    name = f"{ind.key}-{p.slug}{'-illustrative' if ind.illustrative else ''}.csv"
    response = csv_response(name)
    out = writer(response)
    la = p.local_authority.name
    out.writerow(
        [
            _("Indicator"),
            _("Illustrative (not real data)"),
            _("Period"),
            _("Area value"),
            _("Area lower 95% limit"),
            _("Area upper 95% limit"),
            _("Area numerator"),
            _("Area denominator"),
            _("%(name)s value") % {"name": la},
            _("England value"),
            _("Note"),
            _("Source"),
            _("Licence"),
        ]
    )
    for row in page["table"]:
        area = row["area"]
        hidden = area is not None and area.suppressed

        def part(e, name):
            if e is None:
                return ""
            if e.suppressed:
                return SUPPRESSED
            number = getattr(e, name)
            return "" if number is None else f"{number:.6g}"

        out.writerow(
            [
                ind.name,
                _("yes: illustrative values") if ind.illustrative else _("no"),
                row["period"],
                part(area, "value"),
                part(area, "lower"),
                part(area, "upper"),
                part(area, "numerator"),
                part(area, "denominator"),
                part(row["local_authority"], "value"),
                part(row["england"], "value"),
                "" if hidden or area is None else area.note,
                ind.source,
                ind.licence,
            ]
        )
    return response


@login_required
def choose(request, slug):
    p = get_partnership_or_404(request.user, slug, MANAGE)
    form = ChoiceForm(
        request.POST or None,
        indicators=selectors.library(p),
        outcomes=services.partnership_outcomes(p),
    )
    if request.method == "POST" and form.is_valid():
        try:
            chosen = services.choose_indicator(partnership=p, **form.cleaned_data, by=request.user)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The indicator has been added."))
            return redirect(chosen)
    return render(
        request,
        "measurement/choose.html",
        {"partnership": p, "form": form, "chosen": None, "examples": EXAMPLES},
    )


@login_required
def edit(request, slug, pk):
    p = get_partnership_or_404(request.user, slug, MANAGE)
    chosen = (
        PartnershipIndicator.objects.filter(partnership=p, pk=pk)
        .select_related("indicator", "partnership")
        .first()
    )
    if chosen is None:
        raise Http404
    initial = {
        "outcomes": list(chosen.outcomes.all()),
        "baseline_period": chosen.baseline_period,
        "baseline_value": chosen.baseline_value,
        "target_period": chosen.target_period,
        "target_value": chosen.target_value,
        "why": chosen.why,
    }
    form = ChoiceForm(
        request.POST or None,
        initial=initial,
        outcomes=services.partnership_outcomes(p),
        editing=True,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_choice(chosen=chosen, **form.cleaned_data, by=request.user)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The indicator has been changed."))
            return redirect(chosen)
    return render(
        request,
        "measurement/choose.html",
        {"partnership": p, "form": form, "chosen": chosen, "examples": EXAMPLES},
    )


@login_required
def define(request, slug):
    p = get_partnership_or_404(request.user, slug, MANAGE)
    form = IndicatorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.field_order}
        try:
            services.define_indicator(local_authority=p.local_authority, by=request.user, **fields)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request,
                _("%(name)s is in the library: choose it for the partnership below.")
                % {"name": fields["name"]},
            )
            return redirect("measurement_choose", slug=p.slug)
    return render(request, "measurement/define.html", {"partnership": p, "form": form})


def _library(p):
    return Indicator.objects.filter(local_authority_id=p.local_authority_id)


@login_required
def data_new(request, slug):
    p = get_partnership_or_404(request.user, slug, ADD_DATA)
    form = DataPointForm(request.POST or None, indicators=_library(p))
    if request.method == "POST" and form.is_valid():
        try:
            services.add_data_point(partnership=p, **form.cleaned_data, by=request.user)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The figure has been saved."))
            return redirect("measurement", slug=p.slug)
    return render(request, "measurement/data_form.html", {"partnership": p, "form": form})


@login_required
def upload(request, slug):
    p = get_partnership_or_404(request.user, slug, ADD_DATA)
    form = UploadForm(request.POST or None, request.FILES or None)
    refused = None
    if request.method == "POST" and form.is_valid():
        f = form.cleaned_data["file"]
        if f.size > BACKGROUND_BYTES:
            stored = default_storage.save(
                f"uploads/measurement/{uuid.uuid4().hex}/{get_valid_filename(f.name)}", f
            )
            job = start_job(
                kind="measurement.data",
                title=_("Importing indicator data"),
                task=import_data,
                kwargs={"partnership_id": p.pk, "path": stored, "name": f.name},
                files=[stored],
                by=request.user,
            )
            return redirect(job)
        try:
            saved = import_figures(data=f.read(), name=f.name, partnership=p, by=request.user)
        except ImportRefused as e:
            refused = e
        else:
            messages.success(
                request,
                _("%(n)s figures saved from %(name)s.") % {"n": f"{saved:,}", "name": f.name},
            )
            return redirect("measurement", slug=p.slug)
    return render(
        request,
        "measurement/upload.html",
        {
            "partnership": p,
            "form": form,
            "refused": refused,
            "library": _library(p),
            "headers": TEMPLATE_HEADERS,
        },
    )


@login_required
def template_csv(request, slug):
    p = get_partnership_or_404(request.user, slug, ADD_DATA)
    first = _library(p).first()
    rows = [TEMPLATE_HEADERS]
    if first is not None:
        rows.append(
            [
                first.key,
                EXAMPLES.get(first.period_type, ""),
                "area",
                "12",
                "400",
                "",
                _("Example row: replace it"),
            ]
        )
    return csv_response(f"indicator-data-template-{p.slug}.csv", rows)
