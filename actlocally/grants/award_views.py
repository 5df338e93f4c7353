"""Pages after the decision: the co-ordinator's awards (grant agreement, planned and made
payments, the grantee's reports) and the grantee's report on the funded work."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from actlocally.authorization import get_partnership_or_404
from actlocally.core.forms import add_errors

from . import award_selectors, selectors, services
from .award_forms import AgreementForm, PaidForm, PaymentForm, ReportForm
from .views import _round_or_404

MANAGE_AWARDS = "grants.manage_awards"


def _award_or_404(funding_round, pk):
    found = award_selectors.award_of(funding_round, pk)
    if found is None:
        raise Http404
    return found


@login_required
def awards(request, slug, pk):
    p = get_partnership_or_404(request.user, slug, MANAGE_AWARDS)
    funding_round = _round_or_404(p, pk)
    found = award_selectors.awards_of(funding_round)
    return render(
        request,
        "grants/awards.html",
        {
            "partnership": p,
            "funding_round": funding_round,
            "rows": [{"award": a, **award_selectors.paid_of(a)} for a in found],
        },
    )


def _award_page(request, p, funding_round, award, **forms):
    agreement = getattr(award, "agreement", None)
    context = {
        "partnership": p,
        "funding_round": funding_round,
        "award": award,
        "agreement": agreement,
        "agreement_form": AgreementForm(
            initial={
                "starts_on": agreement.starts_on,
                "ends_on": agreement.ends_on,
                "signed_on": agreement.signed_on,
                "conditions": agreement.conditions,
            }
            if agreement
            else None,
            prefix="agreement",
        ),
        "payment_form": PaymentForm(prefix="payment"),
        **award_selectors.paid_of(award),
    }
    context.update(forms)
    return render(request, "grants/award.html", context)


@login_required
def award(request, slug, pk, award):
    p = get_partnership_or_404(request.user, slug, MANAGE_AWARDS)
    funding_round = _round_or_404(p, pk)
    return _award_page(request, p, funding_round, _award_or_404(funding_round, award))


@login_required
def agreement(request, slug, pk, award):
    p = get_partnership_or_404(request.user, slug, MANAGE_AWARDS)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    funding_round = _round_or_404(p, pk)
    found = _award_or_404(funding_round, award)
    form = AgreementForm(request.POST, prefix="agreement")
    if form.is_valid():
        try:
            services.record_agreement(award=found, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The grant agreement is recorded."))
            return redirect("grants_award", slug=p.slug, pk=funding_round.pk, award=found.pk)
    return _award_page(request, p, funding_round, found, agreement_form=form)


@login_required
def payment_new(request, slug, pk, award):
    p = get_partnership_or_404(request.user, slug, MANAGE_AWARDS)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    funding_round = _round_or_404(p, pk)
    found = _award_or_404(funding_round, award)
    form = PaymentForm(request.POST, prefix="payment")
    if form.is_valid():
        try:
            services.plan_payment(award=found, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The payment is planned."))
            return redirect("grants_award", slug=p.slug, pk=funding_round.pk, award=found.pk)
    return _award_page(request, p, funding_round, found, payment_form=form)


@login_required
def payment_paid(request, slug, pk, award, payment):
    p = get_partnership_or_404(request.user, slug, MANAGE_AWARDS)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    funding_round = _round_or_404(p, pk)
    found = _award_or_404(funding_round, award)
    chosen = next((x for x in found.payments.all() if x.pk == payment), None)
    if chosen is None:
        raise Http404
    form = PaidForm(request.POST, prefix=f"paid-{chosen.pk}")
    if form.is_valid():
        try:
            services.record_payment_made(
                payment=chosen, paid_on=form.cleaned_data["paid_on"], by=request.user
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The payment is recorded as made."))
    else:
        messages.error(request, _("Enter the date the payment was made."))
    return redirect("grants_award", slug=p.slug, pk=funding_round.pk, award=found.pk)


@login_required
def report(request, pk):
    """The grantee's report on the funded work (the application's own contact only)."""
    found = selectors.own_application(request.user, pk)
    award_found = getattr(found, "award", None) if found else None
    if award_found is None or found.round.status not in award_selectors.DECIDED:
        raise Http404
    outcomes = found.round.focus_issue.outcomes.all()
    form = ReportForm(request.POST or None, outcomes=outcomes)
    if request.method == "POST" and form.is_valid():
        try:
            services.submit_report(award=award_found, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Thank you: your report is sent to the partnership."))
            return redirect(found)
    return render(
        request,
        "grants/report.html",
        {"application": found, "funding_round": found.round, "award": award_found, "form": form},
    )
