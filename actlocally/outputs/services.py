"""Every write of output checking: draft an output (from an analysis or a CSV), submit it to two
checkers, record each checker's decision, comment, and release. Plain functions, keyword-only,
the acting person as `by`, one transaction each, audited."""

import csv
import io

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from actlocally.accessaudit.models import Kind as AccessKind
from actlocally.accessaudit.services import record_access
from actlocally.authorization import has_permission
from actlocally.core.audit import acting_as
from actlocally.linkage.models import LinkageProject, ProjectMember
from actlocally.notifications.models import Kind
from actlocally.notifications.services import notify

from .disclosure import PROFILES, TableError, check_table
from .models import CheckerReview, OutputComment, OutputRequest
from .workflow import WORKFLOW

State = OutputRequest.Status
Decision = CheckerReview.Decision
CHECKERS_NEEDED = 2
MAX_CSV_BYTES = 2_000_000
MAX_CSV_ROWS = 10_000


def _require(by, perm: str, obj) -> None:
    if by is not None and not has_permission(by, perm, obj):
        raise PermissionDenied


def earlier_releases(output: OutputRequest) -> list[dict]:
    """Earlier releases of the same table (same project and title), for the differencing check."""
    found = (
        OutputRequest.objects.filter(
            project_id=output.project_id, title__iexact=output.title, status=State.RELEASED
        )
        .exclude(pk=output.pk)
        .order_by("released_at")
    )
    return [{"title": f"{o.title} ({o.released_at:%-d %B %Y})", "result": o.result} for o in found]


def _checked(output: OutputRequest) -> dict:
    try:
        return check_table(
            output.table, profile=output.profile, earlier=earlier_releases(output)
        ).as_json()
    except TableError as error:
        raise ValidationError({"table": str(error)}) from None


def table_from_csv(data: bytes, *, label_columns: int = 1) -> dict:
    """A table from an uploaded CSV: the first line names the columns, the first
    `label_columns` columns label the rows and the rest are counts. Raises ValidationError
    naming each row that cannot be read; nothing is kept from a bad file."""
    if len(data) > MAX_CSV_BYTES:
        raise ValidationError({"file": _("The file is larger than 2 MB: split the table.")})
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(
            {"file": _("The file is not UTF-8 text: save it as CSV UTF-8.")}
        ) from None
    try:
        lines = list(csv.reader(io.StringIO(text)))
    except csv.Error as error:
        raise ValidationError({"file": _("The file is not CSV: %(e)s") % {"e": error}}) from None
    lines = [line for line in lines if any(cell.strip() for cell in line)]
    if len(lines) < 2:
        raise ValidationError({"file": _("The file needs a header line and at least one row.")})
    if len(lines) > MAX_CSV_ROWS + 1:
        raise ValidationError(
            {"file": _("The file has more than %(n)s rows.") % {"n": MAX_CSV_ROWS}}
        )
    header, rows = [c.strip() for c in lines[0]], lines[1:]
    errors = [
        _("Row %(row)s has %(got)s cells; the header has %(want)s.")
        % {"row": number, "got": len(row), "want": len(header)}
        for number, row in enumerate(rows, start=2)
        if len(row) != len(header)
    ]
    if errors:
        raise ValidationError({"file": errors[:20]})
    table = {"columns": header, "label_columns": label_columns, "rows": rows}
    try:
        check_table(table)
    except TableError as error:
        raise ValidationError({"file": str(error)}) from None
    return table


def table_from_analysis(
    *, columns: list[str], rows: list[list], count_columns: list[str], label_columns: int = 1
) -> dict:
    """A table for checking from a named analysis's result (linkage's AnalysisTable: columns,
    rows, count_columns): its labels and its counts of children only; any other column (a sum
    of sessions, a mean) is left out rather than released unchecked. Its count columns overlap
    (children, of whom those absent …), so rows get no total; columns do (groups partition)."""
    keep = list(range(label_columns)) + [
        i for i, c in enumerate(columns) if i >= label_columns and c in count_columns
    ]
    if len(keep) == label_columns:
        raise ValidationError(_("The analysis has no counts to release."))
    return {
        "columns": [str(columns[i]) for i in keep],
        "label_columns": label_columns,
        "rows": [[row[i] for i in keep] for row in rows],
        "row_totals": False,
        "column_totals": True,
    }


def draft_output(
    *,
    project: LinkageProject,
    title: str,
    description: str,
    table: dict,
    source: str,
    analysis: str = "",
    profile: str = "ons-srs",
    illustrative: bool = False,
    by,
) -> OutputRequest:
    """A new output request, its disclosure check run. The table comes from a named analysis or
    an analyst's upload (`table_from_csv`)."""
    if profile not in PROFILES:
        raise ValidationError({"profile": _("Choose the disclosure rules.")})
    with transaction.atomic(), acting_as(by):
        _require(by, "outputs.draft_output", project)
        author = by
        if author is None:
            author = project.members.filter(role=ProjectMember.Role.ANALYST).first().user
        output = OutputRequest(
            project=project,
            title=title.strip(),
            description=description.strip(),
            author=author,
            source=source,
            analysis=analysis,
            table=table,
            profile=profile,
            illustrative=illustrative,
        )
        output.result = _checked(output)
        output.full_clean()
        output.save()
        return output


def revise_output(*, output: OutputRequest, table: dict, by) -> OutputRequest:
    """Replace the table of a draft or returned output (the analyst's changes), re-checked."""
    with transaction.atomic(), acting_as(by):
        output = OutputRequest.objects.select_for_update().get(pk=output.pk)
        _require(by, "outputs.submit_output", output)
        if output.status not in (State.DRAFT, State.RETURNED):
            raise ValidationError(_("Only a draft or returned output can be changed."))
        # The changed table keeps how the first was totalled.
        for key in ("row_totals", "column_totals", "ratios"):
            if key in output.table and key not in table:
                table[key] = output.table[key]
        output.table = table
        output.result = _checked(output)
        output.save()
        return output


def current_round(output: OutputRequest) -> int:
    return max((r.round for r in output.reviews.all()), default=0)


def submit_output(*, output: OutputRequest, checkers=(), by) -> OutputRequest:
    """Send the output to two of the project's checkers, neither its author. A returned output
    goes back to the same two, for a fresh pair of decisions."""
    with transaction.atomic(), acting_as(by):
        output = OutputRequest.objects.select_for_update().get(pk=output.pk)
        WORKFLOW.check(output, "submit", by=by)
        previous = current_round(output)
        if previous:
            people = [r.checker for r in output.reviews.filter(round=previous)]
        else:
            people = list(dict.fromkeys(checkers))
        allowed = set(
            ProjectMember.objects.filter(
                project_id=output.project_id, role=ProjectMember.Role.CHECKER
            ).values_list("user_id", flat=True)
        )
        if len(people) != CHECKERS_NEEDED:
            raise ValidationError({"checkers": _("Choose two different checkers.")})
        for person in people:
            if person.pk == output.author_id:
                raise ValidationError({"checkers": _("You cannot check your own output.")})
            if person.pk not in allowed:
                raise ValidationError(
                    {"checkers": _("%(name)s is not a checker on this project.") % {"name": person}}
                )
        output.result = _checked(output)
        output.submitted_at = timezone.now()
        for person in people:
            CheckerReview.objects.create(request=output, checker=person, round=previous + 1)
        WORKFLOW.run(output, "submit", by=by, update_fields=["result", "submitted_at", "modified"])
        notify(
            kind=Kind.OUTPUT_TO_CHECK,
            recipients=people,
            subject=_("Please check: %(title)s") % {"title": output.title},
            context={"output": output},
            url=output.get_absolute_url(),
            by=by,
        )
        return output


def decide(*, output: OutputRequest, decision: str, reason: str = "", by) -> CheckerReview:
    """One checker's decision on the current submission. When the second checker decides the
    output moves on: approved if both approve, rejected if either rejects, else returned."""
    if decision not in (Decision.APPROVE, Decision.RETURN, Decision.REJECT):
        raise ValidationError({"decision": _("Choose a decision.")})
    if decision != Decision.APPROVE and not reason.strip():
        raise ValidationError({"reason": _("Say what the analyst should change, or why not.")})
    with transaction.atomic(), acting_as(by):
        output = OutputRequest.objects.select_for_update().get(pk=output.pk)
        _require(by, "outputs.review_output", output)
        if output.status != State.SUBMITTED:
            raise ValidationError(_("This output is not waiting for a decision."))
        reviews = list(output.reviews.filter(round=current_round(output)))
        mine = next((r for r in reviews if by is None or r.checker_id == by.pk), None)
        if mine is None:
            raise PermissionDenied
        if mine.decision:
            raise ValidationError(_("You have already decided on this submission."))
        mine.decision = decision
        mine.reason = reason.strip()
        mine.decided_at = timezone.now()
        mine.save()
        decisions = [r.decision for r in reviews]
        if all(decisions):
            if Decision.REJECT in decisions:
                step = "reject"
            elif all(d == Decision.APPROVE for d in decisions):
                step = "approve"
            else:
                step = "return"
            WORKFLOW.run(output, step, by=by)
            notify(
                kind=Kind.OUTPUT_DECIDED,
                recipients=[output.author],
                subject=_("Your checkers have decided: %(title)s") % {"title": output.title},
                context={"output": output},
                url=output.get_absolute_url(),
                by=by,
            )
        return mine


def add_comment(*, output: OutputRequest, text: str, by) -> OutputComment:
    if not text.strip():
        raise ValidationError({"text": _("Write a comment.")})
    with transaction.atomic(), acting_as(by):
        _require(by, "outputs.comment_on_output", output)
        return OutputComment.objects.create(request=output, author=by, text=text.strip())


def release_output(*, output: OutputRequest, by, request=None) -> OutputRequest:
    """Release an output both checkers approved: only its checked table leaves."""
    with transaction.atomic(), acting_as(by):
        output = OutputRequest.objects.select_for_update().get(pk=output.pk)
        WORKFLOW.check(output, "release", by=by)
        # Checked again at release, against whatever was released since it was submitted.
        output.result = _checked(output)
        output.released_at = timezone.now()
        output.released_by = by if getattr(by, "is_authenticated", False) else None
        WORKFLOW.run(
            output, "release", by=by, update_fields=["result", "released_at", "released_by"]
        )
        record_access(
            by=by,
            kind=AccessKind.LINKED_OUTPUT,
            obj=output,
            partnership=output.project.partnership,
            reason=_("Released from output checking"),
            request=request,
        )
        return output


def checkers_for(output: OutputRequest):
    """The people the author may send the output to: the project's checkers but themselves."""
    return (
        get_user_model()
        .objects.filter(
            linkage_roles__project_id=output.project_id,
            linkage_roles__role=ProjectMember.Role.CHECKER,
            is_active=True,
        )
        .exclude(pk=output.author_id)
        .distinct()
        .order_by("email")
    )
