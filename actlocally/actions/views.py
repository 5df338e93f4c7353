"""Action plan pages: the plan with its filters, one action, adding, changing and updating."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from actlocally.accessaudit.models import Kind as Accessed
from actlocally.accessaudit.services import record_view
from actlocally.authorization import get_partnership_or_404, has_permission, require_permission
from actlocally.core.csv import csv_response, writer
from actlocally.core.forms import add_errors
from actlocally.core.pagination import paginate

from . import selectors, services
from .forms import PlanFilterForm, ProgressForm, action_form_for


def _filters(request) -> dict[str, str]:
    # A filter the page never offers is dropped: the plan shows unfiltered rather than failing.
    return PlanFilterForm.read(request.GET, statuses=selectors.DISPLAY_STATUSES)


@login_required
def action_plan(request, slug):
    p = get_partnership_or_404(request.user, slug, "actions.view_actions")
    page = selectors.plan_page(p, _filters(request), person=request.user)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "actions/plan.html",
        {
            "partnership": p,
            "can_manage": has_permission(request.user, "actions.manage_actions", p),
            "me": request.user,
            "query": query.urlencode(),
            **page,
            # The counts need every action, so the page is cut from the plan already read.
            "actions": paginate(request, page["actions"], show_all=True),
        },
    )


@login_required
def action_plan_csv(request, slug):
    p = get_partnership_or_404(request.user, slug, "actions.view_actions")
    page = selectors.plan_page(p, _filters(request))
    # The owners' names leave the platform with the file.
    record_view(request, Accessed.EXPORT, p, label=_("Action plan (CSV)"))
    response = csv_response(f"action-plan-{p.slug}-{timezone.localdate():%Y-%m-%d}.csv")
    out = writer(response)
    out.writerow(
        [
            _("Action"),
            _("What it involves"),
            _("Owner"),
            _("Organisation"),
            _("Due by"),
            _("Status"),
            _("Intended outcome"),
            _("Latest progress"),
            _("Latest update on"),
        ]
    )
    for a in page["actions"]:
        notes = list(a.notes.all())
        latest = next((n for n in notes if n.text), None)
        out.writerow(
            [
                a.title,
                a.description,
                a.owner.full_name if a.owner else "",
                str(a.owner_organisation or ""),
                a.due_on.isoformat() if a.due_on else "",
                a.display_status_label,
                a.outcome.text if a.outcome else "",
                latest.text if latest else "",
                timezone.localtime(notes[0].written_at).date().isoformat() if notes else "",
            ]
        )
    return response


def _get_action(p, pk):
    action = selectors.action_detail(p, pk)
    if action is None:
        raise Http404
    return action


@login_required
def action_detail(request, slug, pk):
    p = get_partnership_or_404(request.user, slug, "actions.view_actions")
    action = _get_action(p, pk)
    return render(
        request,
        "actions/detail.html",
        {
            "partnership": p,
            "action": action,
            "can_update": has_permission(request.user, "actions.update_action", action),
            "can_manage": has_permission(request.user, "actions.manage_actions", p),
        },
    )


@login_required
def action_new(request, slug):
    p = get_partnership_or_404(request.user, slug, "actions.manage_actions")
    form = action_form_for(p, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            action = services.create_action(partnership=p, **form.cleaned_data, by=request.user)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The action has been added to the plan."))
            return redirect(action)
    return render(request, "actions/form.html", {"form": form, "partnership": p, "action": None})


@login_required
def action_edit(request, slug, pk):
    p = get_partnership_or_404(request.user, slug, "actions.manage_actions")
    action = _get_action(p, pk)
    initial = {
        "title": action.title,
        "description": action.description,
        "owner": action.owner_id,
        "owner_organisation": action.owner_organisation_id,
        "due_on": action.due_on,
        "status": action.status,
        "outcome": action.outcome_id,
    }
    form = action_form_for(p, request.POST or None, initial, focus_issue=action.focus_issue)
    if request.method == "POST":
        if "delete" in request.POST:
            services.delete_action(action=action, by=request.user)
            messages.success(request, _("The action has been removed from the plan."))
            return redirect("action_plan", slug=p.slug)
        if form.is_valid():
            try:
                services.update_action(action=action, **form.cleaned_data, by=request.user)
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(request, _("The action has been saved."))
                return redirect(action)
    return render(request, "actions/form.html", {"form": form, "partnership": p, "action": action})


@login_required
def action_update(request, slug, pk):
    """The owner's page: how is it going?"""
    p = get_partnership_or_404(request.user, slug, "actions.view_actions")
    action = _get_action(p, pk)
    require_permission(request.user, "actions.update_action", action)
    form = ProgressForm(request.POST or None, initial={"status": action.status})
    if request.method == "POST" and form.is_valid():
        try:
            services.add_progress(action=action, **form.cleaned_data, by=request.user)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Your update has been added."))
            return redirect(action)
    return render(
        request, "actions/update.html", {"form": form, "partnership": p, "action": action}
    )
