"""Pages of connected data: linkage projects, their extracts, the linkage run and its quality
report, the named analyses and the SQL mode. No page shows a record: only counts and weights."""

import tempfile
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from actlocally.accessaudit.models import Kind
from actlocally.accessaudit.services import record_view
from actlocally.authorization import has_permission
from actlocally.core.forms import add_errors
from actlocally.jobs.services import start_job

from . import analyses, charts, selectors, services
from .forms import AnalysisForm, ExtractForm, LinkForm, MemberForm, ProjectForm, QueryForm
from .ingest import TRUTH
from .schemas import DATASETS


@login_required
def index(request):
    return render(
        request,
        "linkage/index.html",
        {
            "projects": selectors.projects_for(request.user),
            "can_start": bool(selectors.partnerships_for_new_project(request.user)),
        },
    )


@login_required
def project_new(request):
    partnerships = [
        p
        for p in selectors.partnerships_for_new_project(request.user)
        if has_permission(request.user, "linkage.add_project", p)
    ]
    if not partnerships:
        raise PermissionDenied
    form = ProjectForm(request.POST or None, partnerships=partnerships)
    if request.method == "POST" and form.is_valid():
        try:
            project = services.create_project(by=request.user, **form.values())
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The project is set up. You are its first analyst."))
            return redirect("linkage_project", pk=project.pk)
    return render(request, "linkage/project_form.html", {"form": form})


@login_required
def project_detail(request, pk):
    project = selectors.project_or_404(request.user, pk)
    return render(
        request,
        "linkage/project.html",
        {
            "project": project,
            **selectors.project_page(project),
            "can_manage": has_permission(request.user, "linkage.manage_project", project),
            "datasets": DATASETS,
            "analyses": analyses.ANALYSES,
        },
    )


@login_required
def member_add(request, pk):
    project = selectors.project_or_404(request.user, pk, "linkage.manage_project")
    form = MemberForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_member(
                project=project, user=form.user, role=form.cleaned_data["role"], by=request.user
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("They are named on the project."))
            return redirect("linkage_project", pk=project.pk)
    return render(request, "linkage/member_form.html", {"project": project, "form": form})


@login_required
def extract_upload(request, pk):
    project = selectors.project_or_404(request.user, pk, "linkage.manage_project")
    form = ExtractForm(request.POST or None, request.FILES or None)
    errors, more = [], 0
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        dataset = form.cleaned_data["dataset"]
        # The upload goes to a private temporary file, read once and deleted.
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "extract.csv"
            with path.open("wb") as f:
                for chunk in upload.chunks():
                    f.write(chunk)
            try:
                extract = services.load_extract(
                    project=project,
                    dataset=dataset,
                    path=path,
                    file_label=upload.name[:100],
                    by=request.user,
                )
            except services.ExtractRefused as refused:
                errors, more = refused.errors, refused.more
                form.add_error(
                    "file",
                    _("The file has problems: nothing was loaded. Correct the rows listed below."),
                )
            else:
                messages.success(
                    request,
                    _("%(n)s rows loaded and pseudonymised.") % {"n": f"{extract.rows:,}"},
                )
                return redirect("linkage_project", pk=project.pk)
    return render(
        request,
        "linkage/extract_form.html",
        {"project": project, "form": form, "errors": errors, "more": more, "datasets": DATASETS,
         "truth": TRUTH},
    )  # fmt: skip


@login_required
def link(request, pk):
    project = selectors.project_or_404(request.user, pk, "linkage.manage_project")
    form = LinkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        from .tasks import link_project_task

        run = services.start_run(
            project=project, threshold=form.cleaned_data["threshold"], by=request.user
        )
        job = start_job(
            kind="linkage.link",
            title=_("Linking the extracts of %(title)s") % {"title": project.title},
            task=link_project_task,
            kwargs={"run_id": run.pk},
            by=request.user,
        )
        run.job = job
        run.save(update_fields=["job"])
        return redirect(job)
    return render(
        request,
        "linkage/link_form.html",
        {"project": project, "form": form, "extracts": list(project.extracts.all())},
    )


@login_required
def quality(request, pk):
    project = selectors.project_or_404(request.user, pk, "linkage.analyse")
    run = selectors.latest_run(project)
    record_view(
        request, Kind.LINKED_OUTPUT, partnership=project.partnership,
        label=f"Connected data: {project.title}: linkage quality report",
    )  # fmt: skip
    return render(
        request,
        "linkage/quality.html",
        {
            "project": project,
            "run": run,
            "weights_chart": charts.weights_chart(run.weights) if run else None,
            "histogram_chart": charts.histogram_chart(run.histogram, run.threshold)
            if run
            else None,
        },
    )


@login_required
def analysis(request, pk, slug):
    project = selectors.project_or_404(request.user, pk, "linkage.analyse")
    chosen = analyses.ANALYSES.get(slug)
    if chosen is None:
        raise Http404
    form = AnalysisForm(request.POST or request.GET or {"by": "lsoa", "area": chosen.area})
    table = None
    if form.is_valid():
        try:
            table = analyses.analysis_table(
                project.pk, slug, by=form.cleaned_data["by"], area=form.cleaned_data["area"]
            )
        except analyses.NotLinked:
            messages.error(request, _("Load and link the extracts this analysis needs first."))
        else:
            record_view(
                request, Kind.LINKED_OUTPUT, partnership=project.partnership,
                label=f"Connected data: {project.title}: analysis {table.title}",
            )  # fmt: skip
            if request.method == "POST" and table.rows:
                output = _submit_for_checking(request, project, slug, table)
                if output is not None:
                    return redirect(output)
    return render(
        request,
        "linkage/analysis.html",
        {"project": project, "analysis": chosen, "form": form, "table": table,
         "submit_url": reverse("linkage_project", kwargs={"pk": project.pk})},
    )  # fmt: skip


def _submit_for_checking(request, project, slug, table):
    """A draft output request in output checking (the outputs app), which the analyst then
    sends to two checkers from its page."""
    from actlocally.outputs.services import draft_output

    try:
        return draft_output(
            project=project,
            title=table.title[:200],
            description=table.notes,
            table=table.for_release(),
            source="analysis",
            analysis=slug,
            illustrative=True,
            by=request.user,
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return None


@login_required
def query(request, pk):
    project = selectors.project_or_404(request.user, pk, "linkage.analyse")
    form = QueryForm(request.POST or None)
    table = None
    if request.method == "POST" and form.is_valid():
        sql = form.cleaned_data["sql"]
        # The query itself is audited before it runs, whatever it returns.
        record_view(
            request, Kind.LINKED_OUTPUT, partnership=project.partnership,
            label=f"Connected data: {project.title}: SQL query", reason=sql[:1000],
        )  # fmt: skip
        try:
            table = analyses.run_query(project.pk, sql)
        except analyses.QueryRefused as refused:
            form.add_error("sql", str(refused))
    return render(
        request,
        "linkage/query.html",
        {"project": project, "form": form, "table": table},
    )
