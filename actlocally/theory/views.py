"""The theory of change pages: the diagram and its one edit form."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from actlocally.authorization import get_partnership_or_404, has_permission

from . import selectors, services
from .forms import TheoryForm
from .models import Kind


@login_required
def theory_of_change(request, slug):
    p = get_partnership_or_404(request.user, slug, "theory.view_theory")
    focus = selectors.active_focus(p)
    theory = selectors.theory_for(focus)
    return render(
        request,
        "theory/theory.html",
        {
            "partnership": p,
            "focus": focus,
            "theory": theory,
            "can_edit": has_permission(request.user, "theory.edit_theory", p),
            **selectors.diagram(p, theory),
        },
    )


@login_required
def theory_edit(request, slug):
    p = get_partnership_or_404(request.user, slug, "theory.edit_theory")
    focus = selectors.active_focus(p)
    if focus is None:
        raise Http404
    theory = selectors.theory_for(focus)
    if theory is None:
        # A first draft: the focus issue's intended outcomes are the outcomes.
        initial = {"intended_outcomes": list(focus.outcomes.all())}
    else:
        elements = list(theory.elements.all())

        def lines(kind):
            return "\n".join(
                e.text for e in elements if e.kind == kind and not e.intended_outcome_id
            )

        initial = {
            "summary": theory.summary,
            "inputs": lines(Kind.INPUT),
            "activities": lines(Kind.ACTIVITY),
            "outputs": lines(Kind.OUTPUT),
            "intended_outcomes": [e.intended_outcome for e in elements if e.intended_outcome_id],
            "other_outcomes": lines(Kind.OUTCOME),
            "impact": lines(Kind.IMPACT),
            "assumptions": lines(Kind.ASSUMPTION),
        }
    form = TheoryForm(request.POST or None, initial=initial, focus_issue=focus)
    if request.method == "POST" and form.is_valid():
        services.save_theory(focus_issue=focus, **form.cleaned_data, by=request.user)
        messages.success(request, _("The theory of change has been saved."))
        return redirect("theory_of_change", slug=p.slug)
    return render(request, "theory/form.html", {"form": form, "partnership": p, "focus": focus})
