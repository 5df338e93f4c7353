"""Referral pages: a school refers a family to a service (a reference, never a name); the
service's provider (and the hub lead and co-ordinator) see the referrals they may and move them
on. Every look at referrals is written to the access audit."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from actlocally.accessaudit.models import Kind
from actlocally.accessaudit.services import record_view
from actlocally.authorization import get_partnership_or_404, has_permission
from actlocally.core.forms import add_errors

from . import referrals
from .forms import ReferralForm
from .workflow import WORKFLOW


@login_required
def referral_list(request, slug):
    partnership = get_partnership_or_404(request.user, slug)
    found = list(referrals.referrals_for(request.user, partnership))
    if found:
        record_view(
            request,
            Kind.PROFILE,
            partnership=partnership,
            label=_("Referrals (%(n)s) of %(name)s") % {"n": len(found), "name": partnership.name},
        )
    return render(
        request,
        "hubs/referrals.html",
        {
            "partnership": partnership,
            "referrals": [(r, WORKFLOW.allowed(r, request.user)) for r in found],
            "can_refer": has_permission(request.user, "hubs.make_referral", partnership),
        },
    )


@login_required
def referral_new(request, slug):
    partnership = get_partnership_or_404(request.user, slug, "hubs.make_referral")
    schools = referrals.schools_for(request.user, partnership)
    form = ReferralForm(request.POST or None, partnership=partnership, schools=schools)
    if request.method == "POST" and form.is_valid():
        try:
            referral = referrals.make_referral(
                partnership=partnership, **form.cleaned_data, by=request.user
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request,
                _("Referral %(reference)s is sent to %(service)s.")
                % {"reference": referral.reference, "service": referral.service.name},
            )
            return redirect("hubs_referrals", slug=partnership.slug)
    return render(request, "hubs/referral_form.html", {"partnership": partnership, "form": form})


@login_required
@require_POST
def referral_move(request, slug, pk):
    partnership = get_partnership_or_404(request.user, slug)
    referral = get_object_or_404(referrals.referrals_for(request.user, partnership), pk=pk)
    name = request.POST.get("transition", "")
    try:
        moved = referrals.move_referral(referral=referral, transition=name, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, WORKFLOW.message(WORKFLOW.get(name).done, moved))
    return redirect("hubs_referrals", slug=partnership.slug)
