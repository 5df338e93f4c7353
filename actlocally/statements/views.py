"""Statement of Intent pages: the document, its editor, versions and compare, exports, and the
recommendations tracker. Each view fetches through `authorization`, calls one service, renders."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from actlocally.authorization import get_partnership_or_404, has_permission, require_permission
from actlocally.core.forms import add_errors
from actlocally.core.workflow import WrongState

from . import diff, document, exports, selectors, services
from .forms import (
    AgreeForm,
    CommentForm,
    IntroductionForm,
    ResponseForm,
    SendForm,
    row_formset,
)
from .models import Comment, Recommendation, StatementVersion
from .workflow import EDITABLE_STATES, WORKFLOW


def _statement_or_404(partnership, focus_issue: int | None = None):
    statement = selectors.statement_of(partnership, focus_issue)
    if statement is None:
        raise Http404
    return statement


def _version_or_404(partnership, number: int, focus_issue: int | None = None) -> StatementVersion:
    version = selectors.version_of(_statement_or_404(partnership, focus_issue), number)
    if version is None:
        raise Http404
    return version


def _permissions(user, partnership) -> dict:
    return {
        name: has_permission(user, f"statements.{name}", partnership)
        for name in (
            "edit_statement",
            "circulate_statement",
            "agree_statement",
            "send_recommendations",
            "respond_to_recommendation",
            "comment_on_statement",
            "address_comment",
        )
    }


def _document_page(request, partnership, statement, version):
    can = _permissions(request.user, partnership)
    if not statement.is_current:
        # An earlier focus issue's Statement is history: read, compare and download only.
        can = dict.fromkeys(can, False)
    versions = selectors.versions_of(statement)
    comments = selectors.comments_on(version)
    return render(
        request,
        "statements/statement.html",
        {
            "partnership": partnership,
            **exports.document_context(version),
            "versions": versions,
            "open_version": next((v for v in versions if not v.is_agreed), None),
            "latest_agreed": next((v for v in versions if v.is_agreed), None),
            "editable": version.status in EDITABLE_STATES and can["edit_statement"],
            "transitions": WORKFLOW.allowed(version, request.user) if statement.is_current else [],
            "can": can,
            "earlier": selectors.earlier_statements(partnership),
            "priorities": selectors.other_agreed_priorities(statement.focus_issue),
            "comments": comments,
            "comment_count": sum(len(c) for c in comments.values()),
            "open_comment_count": sum(
                1 for cs in comments.values() for c in cs if not c.is_addressed
            ),
            "can_comment": statement.is_current
            and version.status == StatementVersion.Status.CIRCULATED
            and can["comment_on_statement"],
        },
    )


@login_required
def statement(request, slug, focus_issue=None):
    p = get_partnership_or_404(request.user, slug, "statements.view_statement")
    stmt = selectors.statement_of(p, focus_issue)
    version = selectors.current_version(stmt) if stmt else None
    if version is None:
        if focus_issue is not None:
            raise Http404
        focus = selectors.active_focus(p)
        return render(
            request,
            "statements/none.html",
            {
                "partnership": p,
                "focus": focus,
                "can_start": has_permission(request.user, "statements.edit_statement", p),
                "earlier": selectors.earlier_statements(p),
                "priorities": selectors.other_agreed_priorities(focus),
            },
        )
    return _document_page(request, p, stmt, version)


@login_required
def statement_version(request, slug, number, focus_issue=None):
    p = get_partnership_or_404(request.user, slug, "statements.view_statement")
    version = _version_or_404(p, number, focus_issue)
    return _document_page(request, p, version.statement, version)


@login_required
def statement_start(request, slug):
    p = get_partnership_or_404(request.user, slug, "statements.edit_statement")
    focus = selectors.active_focus(p)
    if focus is None or hasattr(focus, "statement"):
        raise Http404
    if request.method == "POST":
        try:
            version = services.start_statement(focus_issue=focus, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("statement", slug=p.slug)
        messages.success(request, _("A first draft has been started from the focus issue."))
        return redirect(version)
    return render(request, "statements/confirm_start.html", {"partnership": p, "focus": focus})


@login_required
def statement_new_draft(request, slug):
    p = get_partnership_or_404(request.user, slug, "statements.edit_statement")
    stmt = _statement_or_404(p)
    open_version = selectors.open_version(stmt)
    if open_version is not None:
        return redirect(open_version)
    latest = selectors.current_version(stmt)
    if request.method == "POST":
        try:
            version = services.start_new_draft(statement=stmt, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("statement", slug=p.slug)
        messages.success(
            request,
            _("Version %(n)s has been started as a copy of version %(m)s.")
            % {"n": version.number, "m": latest.number},
        )
        return redirect(version)
    return render(
        request, "statements/confirm_new_draft.html", {"partnership": p, "latest": latest}
    )


SECTION_TITLES = {
    "introduction": document.PARTS[0][1],
    **{s.key: s.heading for s in document.SECTIONS},
}


@login_required
def statement_edit_section(request, slug, number, section):
    p = get_partnership_or_404(request.user, slug, "statements.edit_statement")
    version = _version_or_404(p, number)
    if section not in SECTION_TITLES:
        raise Http404
    if version.status not in EDITABLE_STATES:
        messages.error(
            request,
            _("Version %(n)s is %(status)s and cannot be edited.")
            % {"n": version.number, "status": version.get_status_display().lower()},
        )
        return redirect(version)
    if section == "introduction":
        form = IntroductionForm(
            request.POST or None, initial={"introduction": version.content.get("introduction")}
        )
        formset = None
    else:
        form = None
        rows_for = {"partnership": p}
        formset_class = row_formset(section)
        initial = [formset_class.form.initial_from(row) for row in version.content.get(section, [])]
        if request.method == "POST" and "add_row" in request.POST:
            # Without JavaScript, "Add another row" posts the page back: show what was typed,
            # unchecked, with one more empty row.
            posted = formset_class(request.POST, initial=initial, form_kwargs=rows_for)
            initial = [_typed(f) for f in posted.forms if _typed(f)]
            formset = formset_class(initial=initial, form_kwargs=rows_for)
        else:
            formset = formset_class(request.POST or None, initial=initial, form_kwargs=rows_for)
    if request.method == "POST" and "add_row" not in request.POST:
        valid = form.is_valid() if form else formset.is_valid()
        if valid:
            value = (
                form.cleaned_data["introduction"]
                if form
                else [
                    f.to_row()
                    for f in formset.forms
                    # An empty new row has no cleaned data; removed rows are left out.
                    if f.cleaned_data and not f.cleaned_data.get("DELETE")
                ]
            )
            try:
                services.save_section(version=version, section=section, rows=value, by=request.user)
            except ValidationError as error:
                if form:
                    add_errors(form, error)
                else:
                    formset._non_form_errors = formset.error_class(error.messages)
            else:
                messages.success(
                    request,
                    _("%(section)s has been saved.") % {"section": SECTION_TITLES[section]},
                )
                return redirect(f"{version.get_absolute_url()}#{_anchor(section)}")
    return render(
        request,
        "statements/edit_section.html",
        {
            "partnership": p,
            "version": version,
            "section": section,
            "section_title": SECTION_TITLES[section],
            "form": form,
            "formset": formset,
        },
    )


@login_required
def statement_add_area_evidence(request, slug, number):
    p = get_partnership_or_404(request.user, slug, "statements.edit_statement")
    version = _version_or_404(p, number)
    if request.method != "POST":
        return redirect(
            "statement_edit_section", slug=p.slug, number=version.number, section="facts"
        )
    try:
        version, added = services.add_area_evidence(version=version, by=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect(
            "statement_edit_section", slug=p.slug, number=version.number, section="facts"
        )
    if added:
        messages.success(
            request,
            ngettext(
                "%(n)s item from the area profile has been added.",
                "%(n)s items from the area profile have been added.",
                added,
            )
            % {"n": added},
        )
    else:
        messages.success(request, _("The draft already has the area profile's facts."))
    return redirect(f"{version.get_absolute_url()}#data")


def _typed(form) -> dict:
    """What was typed in one row of a posted formset, as the row's initial values."""
    values = {name: form[name].value() for name in form.fields if name != "DELETE"}
    return values if any(v not in (None, "", False) for v in values.values()) else {}


def _anchor(section: str) -> str:
    return {
        "introduction": "problem",
        "facts": "data",
        "charts": "data",
        "indicators": "data",
        "quotes": "lived-experience",
    }.get(section, section)


@login_required
def statement_transition(request, slug, number, name):
    p = get_partnership_or_404(request.user, slug, "statements.view_statement")
    if name not in WORKFLOW.by_name:
        raise Http404
    # Refused before looking the version up, as every page of the partnership does.
    require_permission(request.user, WORKFLOW.by_name[name].permission, p)
    version = _version_or_404(p, number)
    try:
        step = WORKFLOW.check(version, name, by=request.user)
    except WrongState as error:
        messages.error(request, error.message)
        return redirect(version)
    form = AgreeForm(request.POST or None) if name == "agree" else None
    if request.method == "POST" and (form is None or form.is_valid()):
        try:
            # The message reads the state the service returns, not the one loaded before it.
            version = services.transition(
                version=version,
                name=name,
                by=request.user,
                base_url=request.build_absolute_uri("/"),
                **(form.cleaned_data if form else {}),
            )
        except ValidationError as error:
            if form is None:
                messages.error(request, " ".join(error.messages))
                return redirect(version)
            add_errors(form, error)
        else:
            messages.success(request, WORKFLOW.message(step.done, version))
            return redirect(version)
    return render(
        request,
        "statements/transition.html",
        {"partnership": p, "version": version, "step": step, "form": form},
    )


@login_required
@require_http_methods(["GET", "POST"])
def statement_comment(request, slug, number):
    p = get_partnership_or_404(request.user, slug, "statements.comment_on_statement")
    version = _version_or_404(p, number)
    if version.status != StatementVersion.Status.CIRCULATED:
        messages.error(
            request,
            _("Version %(n)s is not circulated for comment, so it cannot be commented on.")
            % {"n": version.number},
        )
        return redirect(version)
    section = request.GET.get("section")
    form = CommentForm(
        request.POST or None,
        initial={"section": section if section in dict(Comment.SECTIONS) else None},
    )
    if request.method == "POST" and form.is_valid():
        try:
            comment = services.add_comment(version=version, **form.cleaned_data, by=request.user)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request,
                _("Your comment on “%(section)s” has been added.")
                % {"section": comment.get_section_display()},
            )
            return redirect(comment)
    return render(
        request,
        "statements/comment.html",
        {"partnership": p, "version": version, "form": form},
    )


@login_required
@require_http_methods(["GET", "POST"])
def statement_comment_addressed(request, slug, number, pk):
    p = get_partnership_or_404(request.user, slug, "statements.address_comment")
    version = _version_or_404(p, number)
    comment = get_object_or_404(Comment.objects.select_related("author"), version=version, pk=pk)
    if request.method == "POST":
        try:
            services.mark_comment_addressed(comment=comment, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The comment is marked as addressed."))
        return redirect(comment)
    return render(
        request,
        "statements/comment_addressed.html",
        {"partnership": p, "version": version, "comment": comment},
    )


@login_required
def statement_versions(request, slug, focus_issue=None):
    p = get_partnership_or_404(request.user, slug, "statements.view_statement")
    stmt = _statement_or_404(p, focus_issue)
    return render(
        request,
        "statements/versions.html",
        {"partnership": p, "statement": stmt, "versions": selectors.versions_of(stmt)},
    )


@login_required
def statement_compare(request, slug, focus_issue=None):
    p = get_partnership_or_404(request.user, slug, "statements.view_statement")
    stmt = _statement_or_404(p, focus_issue)
    versions = selectors.versions_of(stmt)
    by_number = {v.number: v for v in versions}
    try:
        new_n = int(request.GET.get("to") or versions[0].number)
        old_n = int(request.GET.get("from") or (versions[1].number if len(versions) > 1 else new_n))
    except ValueError:
        raise Http404 from None
    if old_n not in by_number or new_n not in by_number:
        raise Http404
    old, new = by_number[old_n], by_number[new_n]
    sections = diff.compare(old.content, new.content)
    comments = selectors.comments_on(old, new)
    for section in sections:
        section.comments = comments.get(section.key, [])
    only_changes = request.GET.get("show") == "changes"
    if only_changes:
        for section in sections:
            section.rows = [r for r in section.rows if r.kind != "same"]
    return render(
        request,
        "statements/compare.html",
        {
            "partnership": p,
            "statement": stmt,
            "versions": versions,
            "old": old,
            "new": new,
            "sections": sections,
            "any_change": any(s.changed for s in sections),
            "only_changes": only_changes,
            "can": _permissions(request.user, p) if stmt.is_current else {},
        },
    )


@login_required
def statement_pdf(request, slug, number, focus_issue=None):
    p = get_partnership_or_404(request.user, slug, "statements.view_statement")
    version = _version_or_404(p, number, focus_issue)
    response = HttpResponse(exports.render_pdf(version), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{exports.file_name(version, "pdf")}"'
    return response


@login_required
def statement_docx(request, slug, number, focus_issue=None):
    p = get_partnership_or_404(request.user, slug, "statements.view_statement")
    version = _version_or_404(p, number, focus_issue)
    response = HttpResponse(
        exports.render_docx(version),
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    response["Content-Disposition"] = f'attachment; filename="{exports.file_name(version, "docx")}"'
    return response


@login_required
def recommendations(request, slug):
    p = get_partnership_or_404(request.user, slug, "statements.view_statement")
    rows = selectors.recommendations_of(p)
    return render(
        request,
        "statements/recommendations.html",
        {
            "partnership": p,
            "recommendations": rows,
            "counts": selectors.recommendation_counts(rows),
            "any_not_sent": any(r.status == Recommendation.Status.NOT_SENT for r in rows),
            "can": _permissions(request.user, p),
        },
    )


@login_required
def recommendation(request, slug, pk):
    p = get_partnership_or_404(request.user, slug, "statements.view_statement")
    rec = get_object_or_404(
        Recommendation.objects.select_related("commissioner", "agreed_in"), partnership=p, pk=pk
    )
    return render(
        request,
        "statements/recommendation.html",
        {
            "partnership": p,
            "recommendation": rec,
            "history": selectors.recommendation_history(rec),
            "can": _permissions(request.user, p),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def recommendations_send(request, slug):
    p = get_partnership_or_404(request.user, slug, "statements.send_recommendations")
    queryset = Recommendation.objects.filter(
        partnership=p, status=Recommendation.Status.NOT_SENT, in_latest_agreed=True
    ).select_related("commissioner")
    form = SendForm(request.POST or None, queryset=queryset)
    if request.method == "POST" and form.is_valid():
        try:
            count = services.mark_recommendations_sent(
                recommendations=list(form.cleaned_data["recommendations"]),
                sent_on=form.cleaned_data["sent_on"],
                by=request.user,
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request,
                ngettext(
                    "%(n)s recommendation is recorded as sent.",
                    "%(n)s recommendations are recorded as sent.",
                    count,
                )
                % {"n": count},
            )
            return redirect("recommendations", slug=p.slug)
    return render(
        request,
        "statements/send.html",
        {"partnership": p, "form": form, "nothing_to_send": not queryset.exists()},
    )


@login_required
@require_http_methods(["GET", "POST"])
def recommendation_respond(request, slug, pk):
    p = get_partnership_or_404(request.user, slug, "statements.respond_to_recommendation")
    rec = get_object_or_404(
        Recommendation.objects.select_related("commissioner"), partnership=p, pk=pk
    )
    form = ResponseForm(
        request.POST or None,
        initial={
            "status": rec.status if rec.status in Recommendation.RESPONSES else None,
            "response": rec.response,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.record_response(recommendation=rec, **form.cleaned_data, by=request.user)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The response has been recorded."))
            return redirect(rec)
    return render(
        request,
        "statements/respond.html",
        {"partnership": p, "recommendation": rec, "form": form},
    )
