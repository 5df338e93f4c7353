"""Pages for an application's documents (attached by the applicant, downloaded only by those
allowed) and for clarification requests (asked by the co-ordinator, answered by the applicant)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from actlocally.accessaudit.models import Kind as Accessed
from actlocally.accessaudit.services import record_view
from actlocally.authorization import get_partnership_or_404, require_permission
from actlocally.core.forms import add_errors

from . import award_selectors, selectors, services
from .award_forms import AttachmentForm, ClarificationForm
from .models import Application, Attachment
from .views import CHECK, _round_or_404

CONTENT_TYPES = {
    Attachment.Kind.PDF: "application/pdf",
    Attachment.Kind.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    Attachment.Kind.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    Attachment.Kind.PNG: "image/png",
    Attachment.Kind.JPEG: "image/jpeg",
}


def _own_or_404(user, pk) -> Application:
    found = selectors.own_application(user, pk)
    if found is None:
        raise Http404
    return found


@login_required
def documents(request, pk):
    """The applicant's documents for a draft: list them, attach another."""
    found = _own_or_404(request.user, pk)
    is_draft = found.status == Application.Status.DRAFT
    form = AttachmentForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if not is_draft:
            messages.error(request, _("This application is submitted: it can no longer change."))
            return redirect(found)
        if form.is_valid():
            try:
                services.attach(
                    application=found, uploaded=form.cleaned_data["file"], by=request.user
                )
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(request, _("The document is attached."))
                return redirect("grants_documents", pk=found.pk)
    return render(
        request,
        "grants/documents.html",
        {
            "application": found,
            "funding_round": found.round,
            "attachments": award_selectors.attachments_of(found),
            "form": form,
            "is_draft": is_draft,
        },
    )


@login_required
def document_remove(request, pk, attachment):
    found = _own_or_404(request.user, pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    chosen = found.attachments.filter(pk=attachment).first()
    if chosen is None:
        raise Http404
    try:
        services.remove_attachment(attachment=chosen, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The document is removed."))
    return redirect("grants_documents", pk=found.pk)


@login_required
def document_download(request, pk):
    """One document, to the applicant, the co-ordinator or a panellist without a conflict: the
    only way to a file in private storage, and the permission table says who."""
    found = award_selectors.attachment(pk)
    if found is None:
        raise Http404
    require_permission(request.user, "grants.read_attachments", found.application)
    record_view(
        request,
        Accessed.EXPORT,
        found.application,
        partnership=found.application.round.partnership,
        label=_("Application document: %(name)s") % {"name": found.name},
    )
    # Read whole (documents are at most GRANTS_ATTACHMENT_MAX_BYTES), so no file stays open.
    try:
        with found.file.open("rb") as handle:
            content = handle.read()
    except FileNotFoundError as missing:
        raise Http404 from missing
    response = HttpResponse(content, content_type=CONTENT_TYPES[found.kind])
    response["Content-Disposition"] = content_disposition_header(True, found.name)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def clarify(request, slug, pk, application):
    """The co-ordinator asks for a clarification of the questions named."""
    p = get_partnership_or_404(request.user, slug, CHECK)
    funding_round = _round_or_404(p, pk)
    found = selectors.round_application(funding_round, application)
    if found is None:
        raise Http404
    form = ClarificationForm(request.POST or None, questions=funding_round.questions.all())
    if request.method == "POST" and form.is_valid():
        try:
            services.request_clarification(
                application=found,
                question_ids=form.cleaned_data["questions"],
                message=form.cleaned_data["message"],
                by=request.user,
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request, _("The clarification is asked: the applicant is told by email.")
            )
            return redirect(
                "grants_application_check", slug=p.slug, pk=funding_round.pk, application=found.pk
            )
    return render(
        request,
        "grants/clarify.html",
        {"partnership": p, "funding_round": funding_round, "application": found, "form": form},
    )


@login_required
def resubmit(request, pk):
    found = _own_or_404(request.user, pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    try:
        services.resubmit(application=found, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Your clarified application is sent to the co-ordinator."))
    return redirect(found)
