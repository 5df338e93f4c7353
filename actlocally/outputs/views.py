"""Pages of output checking: the analyst's outputs and upload, the checker's queue and decision
page, an output's own page, and a released table. Each view of an output is in the access audit."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from actlocally.accessaudit.models import Kind as AccessKind
from actlocally.accessaudit.services import record_view
from actlocally.authorization import has_permission, require_permission
from actlocally.core.forms import add_errors
from actlocally.linkage.models import LinkageProject

from . import indicators, selectors, services
from .evidence import shown_rows
from .forms import CommentForm, DecisionForm, IndicatorForm, ReviseForm, SubmitForm, UploadForm
from .models import OutputRequest
from .workflow import WORKFLOW


def _project_or_404(user, pk) -> LinkageProject:
    project = LinkageProject.objects.select_related("partnership").filter(pk=pk).first()
    if project is None or not has_permission(user, "outputs.view_outputs", project):
        raise Http404
    return project


def _output_or_404(user, pk, perm: str = "outputs.view_output") -> OutputRequest:
    try:
        output = selectors.output_for_page(pk)
    except OutputRequest.DoesNotExist:
        raise Http404 from None
    if not has_permission(user, "outputs.view_output", output):
        raise Http404
    require_permission(user, perm, output)
    return output


@login_required
def project_outputs(request, project_pk):
    project = _project_or_404(request.user, project_pk)
    record_view(request, AccessKind.LINKED_OUTPUT, project, partnership=project.partnership)
    return render(
        request,
        "outputs/project_outputs.html",
        {"project": project, "outputs": selectors.project_outputs(project)},
    )


@login_required
def output_new(request, project_pk):
    project = _project_or_404(request.user, project_pk)
    require_permission(request.user, "outputs.draft_output", project)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            table = services.table_from_csv(
                data["file"].read(), label_columns=data["label_columns"]
            )
            output = services.draft_output(
                project=project,
                title=data["title"],
                description=data["description"],
                table=table,
                source=OutputRequest.Source.UPLOAD,
                profile=data["profile"],
                by=request.user,
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The table is checked. Read what would be released."))
            return redirect(output)
    return render(request, "outputs/output_new.html", {"project": project, "form": form})


def _page(request, output, **extra):
    shown = selectors.reviews_shown(output, request.user)
    columns, rows = shown_rows(output)
    return {
        "output": output,
        "project": output.project,
        "columns": columns,
        "rows": rows,
        "status_rows": output.result.get("status", []),
        "flags": output.result.get("flags", []),
        "notes": output.result.get("notes", []),
        "reviews": shown,
        "steps": WORKFLOW.allowed(output, request.user),
        "is_author": output.author_id == request.user.pk,
        "can_decide": shown["mine"] is not None
        and not shown["mine"].decision
        and output.status == OutputRequest.Status.SUBMITTED,
        **extra,
    }


@login_required
def output_detail(request, pk):
    output = _output_or_404(request.user, pk)
    record_view(request, AccessKind.LINKED_OUTPUT, output, partnership=output.partnership)
    checkers = services.checkers_for(output)
    return render(
        request,
        "outputs/output.html",
        _page(
            request,
            output,
            submit_form=SubmitForm(checkers=checkers),
            revise_form=ReviseForm(),
            comment_form=CommentForm(),
            first_submission=not output.reviews.exists(),
        ),
    )


@login_required
@require_POST
def output_submit(request, pk):
    output = _output_or_404(request.user, pk, "outputs.submit_output")
    first = not output.reviews.exists()
    form = SubmitForm(request.POST, checkers=services.checkers_for(output))
    # A resubmission goes back to the same two checkers: only a first one chooses them.
    if not form.is_valid() and first:
        return render(
            request,
            "outputs/output.html",
            _page(
                request,
                output,
                submit_form=form,
                revise_form=ReviseForm(),
                comment_form=CommentForm(),
                first_submission=True,
            ),
            status=400,
        )
    try:
        services.submit_output(
            output=output,
            checkers=form.cleaned_data.get("checkers", []) if first else [],
            by=request.user,
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, WORKFLOW.message(WORKFLOW.get("submit").done, output))
    return redirect(output)


@login_required
@require_POST
def output_revise(request, pk):
    output = _output_or_404(request.user, pk, "outputs.submit_output")
    form = ReviseForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            table = services.table_from_csv(
                form.cleaned_data["file"].read(), label_columns=form.cleaned_data["label_columns"]
            )
            services.revise_output(output=output, table=table, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The changed table is checked."))
    else:
        messages.error(request, _("Choose the changed table's CSV file."))
    return redirect(output)


@login_required
@require_POST
def output_comment(request, pk):
    output = _output_or_404(request.user, pk, "outputs.comment_on_output")
    form = CommentForm(request.POST)
    if form.is_valid():
        services.add_comment(output=output, text=form.cleaned_data["text"], by=request.user)
        messages.success(request, _("Your comment is added."))
    else:
        messages.error(request, _("Write a comment."))
    return redirect(output)


@login_required
def output_decide(request, pk):
    output = _output_or_404(request.user, pk, "outputs.review_output")
    record_view(request, AccessKind.LINKED_OUTPUT, output, partnership=output.partnership)
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.decide(
                output=output,
                decision=form.cleaned_data["decision"],
                reason=form.cleaned_data["reason"],
                by=request.user,
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Your decision is recorded."))
            return redirect("outputs_queue")
    return render(request, "outputs/decide.html", _page(request, output, form=form))


@login_required
@require_POST
def output_release(request, pk):
    output = _output_or_404(request.user, pk, "outputs.release_output")
    try:
        services.release_output(output=output, by=request.user, request=request)
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        return redirect(output)
    messages.success(request, WORKFLOW.message(WORKFLOW.get("release").done, output))
    return redirect(output.get_released_url())


@login_required
def check_queue(request):
    require_permission(request.user, "outputs.view_check_queue")
    return render(request, "outputs/queue.html", {"outputs": selectors.check_queue(request.user)})


@login_required
def released(request, pk):
    try:
        output = selectors.released_output(pk)
    except OutputRequest.DoesNotExist:
        raise Http404 from None
    if not has_permission(request.user, "outputs.view_released", output):
        raise Http404
    record_view(request, AccessKind.LINKED_OUTPUT, output, partnership=output.partnership)
    columns, rows = shown_rows(output)
    return render(
        request,
        "outputs/released.html",
        {
            "output": output,
            "partnership": output.partnership,
            "columns": columns,
            "rows": rows,
            "label_columns": output.result.get("label_columns", 1),
            "can_add_data": has_permission(
                request.user, "measurement.add_data", output.partnership
            ),
        },
    )


@login_required
def released_to_indicator(request, pk):
    try:
        output = selectors.released_output(pk)
    except OutputRequest.DoesNotExist:
        raise Http404 from None
    if not has_permission(request.user, "outputs.view_released", output):
        raise Http404
    require_permission(request.user, "measurement.add_data", output.partnership)
    chosen = output.partnership.indicators.select_related("indicator").order_by("indicator__name")
    form = IndicatorForm(
        request.POST or None, indicators=chosen, columns=indicators.count_columns(output)
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            saved, left_out = indicators.to_indicator(
                output=output,
                chosen=chosen.get(pk=data["indicator"]),
                numerator=data["numerator"],
                denominator=data["denominator"],
                period=data["period"],
                by=request.user,
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request,
                _("%(n)s figures are added to the indicator.") % {"n": saved}
                + (
                    " " + _("Left out: %(rows)s.") % {"rows": "; ".join(left_out)}
                    if left_out
                    else ""
                ),
            )
            return redirect(output.get_released_url())
    return render(
        request,
        "outputs/to_indicator.html",
        {"output": output, "partnership": output.partnership, "form": form},
    )
