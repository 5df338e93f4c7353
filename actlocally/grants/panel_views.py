"""The panellist's pages: the round's eligible applications, a declaration of interest and the
scores for each, one thing per page. Only the round's panellists see them (404 for others)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from actlocally.core.forms import add_errors

from . import award_selectors, selectors, services
from .forms import DeclarationForm, ScoreForm
from .models import Application, FundingRound


def _panel_or_404(user, pk):
    funding_round = selectors.public_round(pk)
    panellist = funding_round and selectors.panellist_for(funding_round, user)
    if not panellist:
        raise Http404
    return funding_round, panellist


def _application_or_404(funding_round, pk) -> Application:
    found = selectors.round_application(funding_round, pk)
    if found is None or found.eligibility != Application.Eligibility.ELIGIBLE:
        raise Http404
    return found


def _home(funding_round) -> str:
    return reverse("grants_panel_round", kwargs={"pk": funding_round.pk})


@login_required
def round_home(request, pk):
    funding_round, panellist = _panel_or_404(request.user, pk)
    return render(
        request,
        "grants/panel_round.html",
        {
            "funding_round": funding_round,
            "rows": selectors.panel_home(funding_round, panellist),
            "scores": selectors.panel_scores(funding_round, request.user)["rows"],
            "scoring": funding_round.status == FundingRound.Status.SCORING,
            "already": award_selectors.already_funded(funding_round),
        },
    )


@login_required
def declare(request, pk, application):
    funding_round, _panellist = _panel_or_404(request.user, pk)
    found = _application_or_404(funding_round, application)
    form = DeclarationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            declaration = services.declare(
                funding_round=funding_round, application=found, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            if declaration.conflicted:
                messages.success(request, _("Thank you. You will not score it or see its scores."))
                return redirect(_home(funding_round))
            return redirect("grants_panel_score", pk=funding_round.pk, application=found.pk)
    return render(
        request,
        "grants/panel_declare.html",
        {"funding_round": funding_round, "application": found, "form": form},
    )


@login_required
def score(request, pk, application):
    funding_round, panellist = _panel_or_404(request.user, pk)
    found = _application_or_404(funding_round, application)
    declaration = panellist.declarations.filter(application=found).first()
    if declaration is None:
        return redirect("grants_panel_declare", pk=funding_round.pk, application=found.pk)
    if declaration.conflicted or panellist.sheets.filter(application=found).exists():
        messages.info(request, _("You have nothing more to do for this application."))
        return redirect(_home(funding_round))
    form = ScoreForm(request.POST or None, criteria=funding_round.criteria.all())
    if request.method == "POST" and form.is_valid():
        try:
            services.submit_scores(
                funding_round=funding_round,
                application=found,
                values=form.values(),
                comment=form.cleaned_data["comment"],
                by=request.user,
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Your scores are submitted."))
            return redirect(_home(funding_round))
    return render(
        request,
        "grants/panel_score.html",
        {
            "funding_round": funding_round,
            "application": found,
            "rows": selectors.answers_by_question(found),
            "form": form,
            "attachments": award_selectors.attachments_of(found),
        },
    )
