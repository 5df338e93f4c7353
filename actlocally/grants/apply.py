"""The applicant's pages: open rounds anyone can read, and a person's own applications (one
thing per page, then check your answers and submit)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from actlocally.authorization import require_permission
from actlocally.core.forms import add_errors

from . import award_selectors, selectors, services, threesixty, threesixty_flat
from .forms import AnswerForm, ApplicationForm
from .models import Application, FundingRound
from .services.applications import reopened_questions


def _public_round_or_404(pk) -> FundingRound:
    found = selectors.public_round(pk)
    if found is None:
        raise Http404
    return found


def _own_or_404(user, pk) -> Application:
    # 404 alike for an application that does not exist and one that is someone else's.
    found = selectors.own_application(user, pk)
    if found is None:
        raise Http404
    return found


def open_rounds(request):
    return render(request, "grants/open_rounds.html", {"rounds": selectors.open_rounds()})


def public_round(request, pk):
    funding_round = _public_round_or_404(pk)
    return render(
        request,
        "grants/public_round.html",
        {"funding_round": funding_round, "awards": selectors.public_awards(funding_round)},
    )


def public_360giving(request, pk):
    """The round's published awards as a 360Giving JSON package."""
    funding_round = _public_round_or_404(pk)
    if funding_round.status != FundingRound.Status.PUBLISHED:
        raise Http404
    data = threesixty.package(threesixty.published_awards(funding_round))
    response = JsonResponse(data, json_dumps_params={"indent": 2, "ensure_ascii": False})
    response["Content-Disposition"] = (
        f'attachment; filename="360giving-round-{funding_round.pk}.json"'
    )
    return response


FLAT = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}


def public_360giving_flat(request, pk, fmt):
    """The round's published awards in 360Giving's flat form (XLSX or CSV)."""
    if fmt not in FLAT:
        raise Http404
    funding_round = _public_round_or_404(pk)
    if funding_round.status != FundingRound.Status.PUBLISHED:
        raise Http404
    data = threesixty.package(threesixty.published_awards(funding_round))
    content = threesixty_flat.to_xlsx(data) if fmt == "xlsx" else threesixty_flat.to_csv(data)
    response = HttpResponse(content, content_type=FLAT[fmt])
    response["Content-Disposition"] = (
        f'attachment; filename="360giving-round-{funding_round.pk}.{fmt}"'
    )
    return response


@login_required
def apply(request, pk):
    funding_round = _public_round_or_404(pk)
    require_permission(request.user, "grants.apply", funding_round)
    if funding_round.status != FundingRound.Status.OPEN:
        messages.error(request, _("This round is not open for applications."))
        return redirect("grants_public_round", pk=funding_round.pk)
    form = ApplicationForm(request.POST or None, funding_round=funding_round)
    if request.method == "POST" and form.is_valid():
        try:
            application = services.save_application(
                funding_round=funding_round, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request, _("Your draft application is saved. Now answer the questions.")
            )
            return redirect(application)
    return render(
        request,
        "grants/apply.html",
        {
            "funding_round": funding_round,
            "form": form,
            "already": award_selectors.already_funded(funding_round),
        },
    )


@login_required
def my_applications(request):
    return render(
        request,
        "grants/my_applications.html",
        {"applications": selectors.applications_of(request.user).order_by("-created_at")},
    )


@login_required
def application(request, pk):
    found = _own_or_404(request.user, pk)
    clarifications = award_selectors.clarifications_of(found)
    waiting = award_selectors.open_clarification_of(clarifications)
    return render(
        request,
        "grants/application.html",
        {
            "application": found,
            "funding_round": found.round,
            "rows": selectors.answers_by_question(found),
            "is_draft": found.status == Application.Status.DRAFT,
            "attachments": award_selectors.attachments_of(found),
            "clarifications": clarifications,
            "waiting": waiting,
            "reopened": {q.pk for q in waiting.questions.all()} if waiting else set(),
            "already": award_selectors.already_funded(found.round)
            if found.status == Application.Status.DRAFT
            else None,
            "can_report": found.round.status in award_selectors.DECIDED,
        },
    )


@login_required
def application_edit(request, pk):
    found = _own_or_404(request.user, pk)
    if found.status != Application.Status.DRAFT:
        messages.error(request, _("This application is submitted: it can no longer change."))
        return redirect(found)
    form = ApplicationForm(request.POST or None, funding_round=found.round, application=found)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_application(
                funding_round=found.round, application=found, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            return redirect(found)
    return render(
        request,
        "grants/apply.html",
        {"funding_round": found.round, "form": form, "application": found},
    )


@login_required
def application_answer(request, pk, question):
    found = _own_or_404(request.user, pk)
    chosen = next((q for q in found.round.questions.all() if q.pk == question), None)
    if chosen is None:
        raise Http404
    if found.status != Application.Status.DRAFT and chosen.pk not in reopened_questions(found):
        messages.error(request, _("This application is submitted: it can no longer change."))
        return redirect(found)
    given = next((a for a in found.answers.all() if a.question_id == chosen.pk), None)
    form = AnswerForm(
        request.POST or None, question=chosen, initial={"text": given.text if given else ""}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.save_answer(
                application=found, question=chosen, text=form.cleaned_data["text"], by=request.user
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            return redirect(found)
    return render(
        request,
        "grants/answer.html",
        {"application": found, "funding_round": found.round, "question": chosen, "form": form},
    )


@login_required
def application_submit(request, pk):
    found = _own_or_404(request.user, pk)
    # A POST from the check-your-answers page.
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    try:
        services.submit_application(application=found, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("Your application is submitted. The partnership will tell you what it decides."),
        )
    return redirect(found)
