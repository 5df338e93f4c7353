"""Pages of the community budget of a partnership: its funding rounds, set up and moved on."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from actlocally.authorization import get_partnership_or_404, has_permission, require_permission
from actlocally.core.forms import add_errors
from actlocally.core.workflow import WrongState

from . import award_selectors, selectors, services
from .forms import (
    AllocationForm,
    CriterionForm,
    EligibilityForm,
    PanellistForm,
    QuestionForm,
    RoundForm,
)
from .models import Criterion, FundingRound, Question
from .workflow import WORKFLOW

VIEW = "grants.view_rounds"
MANAGE = "grants.manage_rounds"
CHECK = "grants.check_eligibility"


def _round_or_404(partnership, pk) -> FundingRound:
    found = selectors.round_detail(partnership, pk)
    if found is None:
        raise Http404
    return found


@login_required
def index(request, slug):
    p = get_partnership_or_404(request.user, slug, VIEW)
    return render(
        request,
        "grants/index.html",
        {
            "partnership": p,
            "rounds": selectors.rounds_for(p),
            "can_manage": has_permission(request.user, MANAGE, p),
        },
    )


@login_required
def round_form(request, slug, pk=None):
    p = get_partnership_or_404(request.user, slug, MANAGE)
    funding_round = _round_or_404(p, pk) if pk else None
    if funding_round and funding_round.status != FundingRound.Status.DRAFT:
        messages.error(request, _("This round is open or past: its terms can no longer change."))
        return redirect(funding_round)
    if funding_round is None and not p.focus_issues.exists():
        messages.error(request, _("Agree the partnership's focus issue before starting a round."))
        return redirect("grants", slug=p.slug)
    form = RoundForm(request.POST or None, partnership=p, funding_round=funding_round)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.save_round(
                partnership=p, funding_round=funding_round, by=request.user, **form.values()
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request,
                _("The round is saved as a draft. Add its questions and scoring criteria.")
                if funding_round is None
                else _("The round's terms are saved."),
            )
            return redirect(saved)
    return render(
        request,
        "grants/round_form.html",
        {"partnership": p, "form": form, "funding_round": funding_round},
    )


@login_required
def round_detail(request, slug, pk):
    p = get_partnership_or_404(request.user, slug, VIEW)
    funding_round = _round_or_404(p, pk)
    return render(
        request,
        "grants/round.html",
        {
            "partnership": p,
            "funding_round": funding_round,
            "steps": WORKFLOW.allowed(funding_round, request.user),
            "can_edit": funding_round.status == FundingRound.Status.DRAFT
            and has_permission(request.user, MANAGE, p),
            "total_weight": selectors.total_weight(funding_round),
            "can_run_panel": has_permission(request.user, "grants.manage_panel", p),
            "can_check": has_permission(request.user, CHECK, p),
            "can_manage_awards": has_permission(request.user, "grants.manage_awards", p),
        },
    )


def _item_page(request, slug, pk, *, form_class, service, template):
    p = get_partnership_or_404(request.user, slug, MANAGE)
    funding_round = _round_or_404(p, pk)
    if funding_round.status != FundingRound.Status.DRAFT:
        messages.error(request, _("This round is open or past: its terms can no longer change."))
        return redirect(funding_round)
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            service(funding_round=funding_round, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Added."))
            return redirect(funding_round)
    return render(
        request, template, {"partnership": p, "funding_round": funding_round, "form": form}
    )


@login_required
def question_new(request, slug, pk):
    return _item_page(
        request,
        slug,
        pk,
        form_class=QuestionForm,
        service=services.add_question,
        template="grants/question_form.html",
    )


@login_required
def criterion_new(request, slug, pk):
    return _item_page(
        request,
        slug,
        pk,
        form_class=CriterionForm,
        service=services.add_criterion,
        template="grants/criterion_form.html",
    )


@login_required
def item_remove(request, slug, pk, kind, item):
    p = get_partnership_or_404(request.user, slug, MANAGE)
    # A POST from the round's page; checked after the permission, so a GET tells nobody more.
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    funding_round = _round_or_404(p, pk)
    model = {"questions": Question, "criteria": Criterion}.get(kind)
    if model is None:
        raise Http404
    found = get_object_or_404(model, round=funding_round, pk=item)
    try:
        services.remove_item(item=found, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Removed."))
    return redirect(funding_round)


@login_required
def round_transition(request, slug, pk, name):
    p = get_partnership_or_404(request.user, slug, VIEW)
    if name not in WORKFLOW.by_name:
        raise Http404
    # Refused before looking the round up, as every page of the partnership does.
    require_permission(request.user, WORKFLOW.by_name[name].permission, p)
    funding_round = _round_or_404(p, pk)
    try:
        step = WORKFLOW.check(funding_round, name, by=request.user)
    except WrongState as error:
        messages.error(request, error.message)
        return redirect(funding_round)
    if request.method == "POST":
        try:
            funding_round = services.transition(
                funding_round=funding_round, name=name, by=request.user
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, WORKFLOW.message(step.done, funding_round))
        return redirect(funding_round)
    return render(
        request,
        "grants/transition.html",
        {"partnership": p, "funding_round": funding_round, "step": step},
    )


# Applications, as the co-ordinator checks them ---------------------------------------------------


@login_required
def round_applications(request, slug, pk):
    p = get_partnership_or_404(request.user, slug, CHECK)
    funding_round = _round_or_404(p, pk)
    return render(
        request,
        "grants/round_applications.html",
        {
            "partnership": p,
            "funding_round": funding_round,
            "applications": selectors.submitted_applications(funding_round),
        },
    )


@login_required
def application_check(request, slug, pk, application):
    p = get_partnership_or_404(request.user, slug, CHECK)
    funding_round = _round_or_404(p, pk)
    found = selectors.round_application(funding_round, application)
    if found is None:
        raise Http404
    form = EligibilityForm(request.POST or None)
    clarifications = award_selectors.clarifications_of(found)
    if request.method == "POST" and form.is_valid():
        try:
            services.check_eligibility(application=found, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The eligibility check is recorded."))
            return redirect("grants_round_applications", slug=p.slug, pk=funding_round.pk)
    return render(
        request,
        "grants/application_check.html",
        {
            "partnership": p,
            "funding_round": funding_round,
            "application": found,
            "rows": selectors.answers_by_question(found),
            "form": form,
            "attachments": award_selectors.attachments_of(found),
            "clarifications": clarifications,
            "waiting": award_selectors.open_clarification_of(clarifications),
        },
    )


# The panel, as the co-ordinator runs it ----------------------------------------------------------


@login_required
def panel(request, slug, pk):
    p = get_partnership_or_404(request.user, slug, "grants.manage_panel")
    funding_round = _round_or_404(p, pk)
    form = PanellistForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_panellist(
                funding_round=funding_round, email=form.cleaned_data["email"], by=request.user
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("They are on the panel."))
            return redirect("grants_panel", slug=p.slug, pk=funding_round.pk)
    return render(
        request,
        "grants/panel.html",
        {
            "partnership": p,
            "funding_round": funding_round,
            "panellists": selectors.panellists_of(funding_round),
            "form": form,
        },
    )


@login_required
def scores(request, slug, pk):
    p = get_partnership_or_404(request.user, slug, "grants.agree_allocation")
    funding_round = _round_or_404(p, pk)
    return render(
        request,
        "grants/scores.html",
        {
            "partnership": p,
            "funding_round": funding_round,
            "can_agree": "decide" in WORKFLOW.allowed(funding_round, request.user),
            **selectors.panel_scores(funding_round, request.user),
        },
    )


@login_required
def allocation(request, slug, pk):
    p = get_partnership_or_404(request.user, slug, "grants.agree_allocation")
    funding_round = _round_or_404(p, pk)
    if funding_round.status != FundingRound.Status.SCORING:
        messages.error(request, _("The allocation is agreed while the panel is scoring."))
        return redirect(funding_round)
    found = selectors.panel_scores(funding_round, request.user)
    form = AllocationForm(request.POST or None, rows=found["rows"])
    if request.method == "POST" and form.is_valid():
        try:
            services.agree_allocation(
                funding_round=funding_round,
                amounts=form.amounts(),
                feedback=form.feedback(),
                reason=form.cleaned_data["reason"],
                by=request.user,
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The panel's decision is recorded."))
            return redirect(funding_round)
    return render(
        request,
        "grants/allocation.html",
        {"partnership": p, "funding_round": funding_round, "form": form, **found},
    )
