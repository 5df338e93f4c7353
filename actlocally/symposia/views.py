"""Symposium pages for the partnership: setting up, codes, contributing, merging, ranking, agreeing.

The phone flow for guests is in `phone.py`. Each view fetches through `authorization`, calls one
service and renders; the rules live in services and permissions.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from actlocally.accessaudit.models import Kind as Accessed
from actlocally.accessaudit.services import record_view
from actlocally.authorization import get_partnership_or_404, has_permission
from actlocally.core.csv import csv_response
from actlocally.core.forms import add_errors
from actlocally.core.pagination import paginate
from actlocally.partnerships.models import FocusIssue

from . import exports, selectors, services
from .forms import (
    AgreeForm,
    BallotForm,
    CandidateForm,
    ContributionForm,
    JoinCodeForm,
    MergeForm,
    SplitForm,
    SymposiumForm,
)
from .models import Candidate, Contribution, JoinCode, Symposium
from .workflow import STAGE_ACTIONS, WORKFLOW


def _symposium(request, slug, pk, perm="symposia.view_symposium"):
    partnership = get_partnership_or_404(request.user, slug, perm)
    symposium = get_object_or_404(
        Symposium.objects.select_related("partnership"), partnership=partnership, pk=pk
    )
    return partnership, symposium


def _abilities(user, partnership) -> dict:
    return {
        "can_run": has_permission(user, "symposia.run_symposium", partnership),
        "can_take_part": has_permission(user, "symposia.take_part", partnership),
    }


@login_required
def symposia(request, slug):
    p = get_partnership_or_404(request.user, slug, "symposia.view_symposium")
    return render(
        request,
        "symposia/list.html",
        {"partnership": p, "symposia": selectors.symposia_of(p), **_abilities(request.user, p)},
    )


@login_required
def symposium_new(request, slug):
    p = get_partnership_or_404(request.user, slug, "symposia.run_symposium")
    form = SymposiumForm(
        request.POST or None,
        partnership=p,
        initial={"title": _("%(area)s learning symposium") % {"area": p.area_name}},
    )
    if request.method == "POST" and form.is_valid():
        try:
            s = services.create_symposium(partnership=p, **form.cleaned_data, by=request.user)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The symposium has been set up."))
            return redirect(s)
    return render(request, "symposia/form.html", {"form": form, "partnership": p, "new": True})


@login_required
def symposium_edit(request, slug, pk):
    p, s = _symposium(request, slug, pk, "symposia.run_symposium")
    form = SymposiumForm(
        request.POST or None,
        partnership=p,
        initial={
            "title": s.title,
            "starts_at": timezone.localtime(s.starts_at),
            "venue": s.venue,
            "purpose": s.purpose,
            "invited_groups": s.invited_groups,
            "invited_people": s.invited_people.all(),
            "invited_organisations": s.invited_organisations.all(),
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_symposium(symposium=s, **form.cleaned_data, by=request.user)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The symposium has been saved."))
            return redirect(s)
    return render(
        request,
        "symposia/form.html",
        {"form": form, "partnership": p, "symposium": s, "new": False},
    )


@login_required
def symposium(request, slug, pk):
    p, s = _symposium(request, slug, pk)
    detail = selectors.symposium_detail(s)
    contributions = paginate(request, detail["contributions"], show_all=True)
    return render(
        request,
        "symposia/detail.html",
        {
            "partnership": p,
            "symposium": s,
            "has_voted": selectors.member_has_voted(s, request.user),
            "codes": selectors.current_join_codes(s),
            **detail,
            "contributions": contributions,
            "sections": selectors.contribution_sections(
                contributions, detail["contribution_counts"]
            ),
            **_abilities(request.user, p),
        },
    )


@login_required
def symposium_codes(request, slug, pk):
    p, s = _symposium(request, slug, pk, "symposia.run_symposium")
    form = JoinCodeForm(
        request.POST or None, initial={"expires_at": timezone.localtime(s.event_day_ends_at)}
    )
    if request.method == "POST":
        if "end" in request.POST:
            code = get_object_or_404(JoinCode, symposium=s, pk=request.POST.get("end"))
            services.end_join_code(join_code=code, by=request.user)
            messages.success(request, _("Code %(code)s no longer works.") % {"code": code})
            return redirect("symposium_codes", slug=p.slug, pk=s.pk)
        if form.is_valid():
            try:
                code = services.create_join_code(
                    symposium=s, expires_at=form.cleaned_data["expires_at"], by=request.user
                )
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(request, _("New code: %(code)s") % {"code": code})
                return redirect("symposium_codes", slug=p.slug, pk=s.pk)
    guests = list(selectors.guests_of(s))
    if guests:
        record_view(request, Accessed.SYMPOSIUM_GUESTS, s)
    return render(
        request,
        "symposia/codes.html",
        {
            "partnership": p,
            "symposium": s,
            "form": form,
            "codes": selectors.current_join_codes(s),
            "guests": guests,
            "join_url": request.build_absolute_uri("/join/"),
        },
    )


@login_required
def symposium_contribute(request, slug, pk):
    p, s = _symposium(request, slug, pk, "symposia.take_part")
    form = ContributionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_contribution(symposium=s, **form.cleaned_data, by=request.user)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Thank you. Your contribution has been added."))
            if "another" in request.POST:
                return redirect("symposium_contribute", slug=p.slug, pk=s.pk)
            return redirect(s)
    return render(
        request, "symposia/contribute.html", {"form": form, "partnership": p, "symposium": s}
    )


@login_required
def contribution_remove(request, slug, pk, cpk):
    p, s = _symposium(request, slug, pk, "symposia.run_symposium")
    contribution = get_object_or_404(Contribution, symposium=s, pk=cpk)
    if request.method == "POST":
        services.remove_contribution(contribution=contribution, by=request.user)
        messages.success(request, _("The contribution has been removed."))
        return redirect(s)
    return render(
        request,
        "symposia/contribution_remove.html",
        {"partnership": p, "symposium": s, "contribution": contribution},
    )


@login_required
def symposium_merge(request, slug, pk):
    p, s = _symposium(request, slug, pk, "symposia.run_symposium")
    form = MergeForm(request.POST or None, symposium=s)
    if request.method == "POST" and form.is_valid():
        try:
            candidate = services.merge_challenges(symposium=s, **form.cleaned_data, by=request.user)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request, _("Candidate priority “%(title)s” created.") % {"title": candidate}
            )
            return redirect("symposium_merge", slug=p.slug, pk=s.pk)
    return render(
        request,
        "symposia/merge.html",
        {
            "form": form,
            "partnership": p,
            "symposium": s,
            "candidates": selectors.candidates_with_challenges(s),
        },
    )


@login_required
def symposium_candidate(request, slug, pk, cpk):
    p, s = _symposium(request, slug, pk, "symposia.run_symposium")
    candidate = get_object_or_404(Candidate, symposium=s, pk=cpk)
    form = CandidateForm(
        request.POST if "save" in request.POST else None,
        initial={"title": candidate.title, "description": candidate.description},
    )
    split = SplitForm(request.POST if "split" in request.POST else None, candidate=candidate)
    if request.method == "POST":
        try:
            if "delete" in request.POST:
                services.delete_candidate(candidate=candidate, by=request.user)
                messages.success(request, _("The candidate priority has been removed."))
                return redirect("symposium_merge", slug=p.slug, pk=s.pk)
            if "save" in request.POST and form.is_valid():
                services.update_candidate(candidate=candidate, **form.cleaned_data, by=request.user)
                messages.success(request, _("The candidate priority has been saved."))
                return redirect("symposium_merge", slug=p.slug, pk=s.pk)
            if "split" in request.POST and split.is_valid():
                services.split_candidate(candidate=candidate, **split.cleaned_data, by=request.user)
                messages.success(request, _("The candidate priority has been split."))
                return redirect("symposium_merge", slug=p.slug, pk=s.pk)
        except ValidationError as error:
            add_errors(split if "split" in request.POST else form, error)
    return render(
        request,
        "symposia/candidate.html",
        {"partnership": p, "symposium": s, "candidate": candidate, "form": form, "split": split},
    )


@login_required
def symposium_stage(request, slug, pk):
    """Confirm the next step of the workflow: open the ranking, close it, or mark the event held."""
    p, s = _symposium(request, slug, pk, "symposia.run_symposium")
    action = request.POST.get("action") or request.GET.get("action") or _next_action(s)
    error = None
    if request.method == "POST":
        try:
            if action == "open":
                services.open_ranking(symposium=s, by=request.user)
                messages.success(
                    request, WORKFLOW.message(WORKFLOW.by_name["open_ranking"].done, s)
                )
            elif action == "close":
                services.close_ranking(symposium=s, by=request.user)
                messages.success(
                    request, WORKFLOW.message(WORKFLOW.by_name["close_ranking"].done, s)
                )
                return redirect("symposium_results", slug=p.slug, pk=s.pk)
            elif action == "held":
                services.mark_held(symposium=s, by=request.user)
                messages.success(request, _("The symposium is marked as held."))
            return redirect(s)
        except ValidationError as exc:
            error = exc.messages[0]
    return render(
        request,
        "symposia/stage.html",
        {
            "partnership": p,
            "symposium": s,
            "action": action,
            "error": error,
            "candidate_count": s.candidates.count(),
            "ballot_count": selectors.ballot_count(s),
        },
    )


def _next_action(symposium: Symposium) -> str | None:
    """The stage page's default: the one step the workflow offers from here, if it confirms it."""
    names = {t.name for t in WORKFLOW.available(symposium)}
    return next((a for a, name in STAGE_ACTIONS.items() if name in names), None)


@login_required
def symposium_rank(request, slug, pk):
    p, s = _symposium(request, slug, pk, "symposia.take_part")
    candidates = selectors.candidates_with_challenges(s)
    already = selectors.member_has_voted(s, request.user)
    form = BallotForm(request.POST or None, candidates=candidates)
    if request.method == "POST" and not already and form.is_valid():
        try:
            services.cast_ballot(symposium=s, ranking=form.cleaned_data["ranking"], by=request.user)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Thank you. Your ranking has been counted."))
            return redirect(s)
    return render(
        request,
        "symposia/rank.html",
        {
            "partnership": p,
            "symposium": s,
            "form": form,
            "already": already,
            "is_open": s.stage == Symposium.Stage.RANKING,
        },
    )


@login_required
def symposium_results(request, slug, pk):
    p, s = _symposium(request, slug, pk)
    counted = s.stage in (Symposium.Stage.COUNTED, Symposium.Stage.AGREED)
    return render(
        request,
        "symposia/results.html",
        {
            "partnership": p,
            "symposium": s,
            "counted": counted,
            "result": selectors.result_for(s) if counted else None,
            "ballot_count": selectors.ballot_count(s),
            "agreed": list(s.agreed_priorities.select_related("focus_issue")),
            **_abilities(request.user, p),
        },
    )


def _csv_response(text: str, filename: str) -> HttpResponse:
    response = csv_response(filename)
    response.write(text)
    return response


@login_required
def results_csv(request, slug, pk):
    p, s = _symposium(request, slug, pk)
    return _csv_response(
        exports.results_csv(s, selectors.result_for(s)), f"{p.slug}-symposium-{s.pk}-results.csv"
    )


@login_required
def contributions_csv(request, slug, pk):
    p, s = _symposium(request, slug, pk)
    return _csv_response(
        exports.contributions_csv(s), f"{p.slug}-symposium-{s.pk}-contributions.csv"
    )


@login_required
def symposium_agree(request, slug, pk):
    p, s = _symposium(request, slug, pk, "symposia.run_symposium")
    counted = "agree_priorities" in WORKFLOW.allowed(s, request.user)
    result = selectors.result_for(s) if counted else None
    top = [result.candidates[pk] for pk in result.top_ids(3)] if result else []
    form = AgreeForm(
        request.POST or None,
        candidates=s.candidates.all(),
        initial=dict(zip(("first", "second", "third"), top, strict=False)),
    )
    if request.method == "POST" and counted and form.is_valid():
        data = form.cleaned_data
        try:
            services.agree_priorities(
                symposium=s,
                priorities=data["priorities"],
                reason=data["reason"],
                focus_starts_on=data["focus_starts_on"],
                by=request.user,
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The priorities have been agreed."))
            return redirect("symposium_results", slug=p.slug, pk=s.pk)
    return render(
        request,
        "symposia/agree.html",
        {
            "partnership": p,
            "symposium": s,
            "form": form,
            "counted": counted,
            "result": result,
            "current_focus": FocusIssue.objects.filter(
                partnership=p, status=FocusIssue.Status.ACTIVE
            ).first(),
        },
    )
