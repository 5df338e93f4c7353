"""The journey pages: the five phases as a task list, and updating one step."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from actlocally.authorization import get_partnership_or_404, has_permission, require_permission
from actlocally.core.forms import add_errors

from . import services
from .forms import StepProgressForm
from .models import Step, StepProgress
from .selectors import journey_for


@login_required
def journey(request, slug):
    partnership = get_partnership_or_404(request.user, slug)
    return render(
        request,
        "journey/journey.html",
        {
            "partnership": partnership,
            "journey": journey_for(partnership),
            "can_update": has_permission(request.user, "partnerships.update_journey", partnership),
        },
    )


@login_required
def step(request, slug, key):
    partnership = get_partnership_or_404(request.user, slug)
    step = get_object_or_404(Step.objects.select_related("phase"), key=key)
    progress = (
        StepProgress.objects.filter(partnership=partnership, step=step)
        .select_related("updated_by")
        .first()
    )
    can_update = has_permission(request.user, "partnerships.update_journey", partnership)
    initial = (
        {
            "status": progress.status,
            "on": progress.on,
            "evidence_label": progress.evidence_label,
            "evidence_url": progress.evidence_url,
            "note": progress.note,
        }
        if progress
        else {"status": "not_started"}
    )
    form = StepProgressForm(request.POST or None, initial=initial) if can_update else None
    if request.method == "POST":
        require_permission(request.user, "partnerships.update_journey", partnership)
        if form.is_valid():
            try:
                services.update_step(
                    partnership=partnership, step=step, **form.cleaned_data, by=request.user
                )
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(request, _("“%(step)s” has been updated.") % {"step": step.title})
                return redirect("journey", slug=partnership.slug)
    return render(
        request,
        "journey/step.html",
        {"partnership": partnership, "step": step, "progress": progress, "form": form},
    )
