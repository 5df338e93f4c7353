"""Every write to Statements of Intent and recommendations: keyword arguments, the acting person,
one transaction, audited. The workflow's rules come from workflow.py; permissions are checked
here too, so no page or command can skip them."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from actlocally.authorization import has_permission
from actlocally.core.audit import acting_as
from actlocally.journey.blueprint import StepKey
from actlocally.journey.services import record_evidence
from actlocally.organisations.models import Organisation
from actlocally.partnerships.models import DatePrecision, FocusIssue

from . import document, evidence
from .models import Comment, Recommendation, Statement, StatementVersion
from .notifications import tell_members
from .workflow import EDITABLE_STATES, WORKFLOW


def _require(user, perm: str, obj) -> None:
    # `by=None` is the platform itself (the demo seeder, migrations): trusted.
    if user is not None and not has_permission(user, perm, obj):
        raise PermissionDenied


def _locked(version: StatementVersion) -> StatementVersion:
    return StatementVersion.objects.select_for_update().get(pk=version.pk)


def start_statement(*, focus_issue: FocusIssue, by) -> StatementVersion:
    """A Statement of Intent for the focus issue, with a first draft that starts from its
    intended outcomes and what the data and local people say."""
    _require(by, "statements.edit_statement", focus_issue.partnership)
    with transaction.atomic(), acting_as(by):
        if Statement.objects.filter(focus_issue=focus_issue).exists():
            raise ValidationError(_("This focus issue already has a Statement of Intent."))
        statement = Statement.objects.create(
            partnership=focus_issue.partnership, focus_issue=focus_issue
        )
        content = document.empty_content()
        content["introduction"] = focus_issue.summary
        content["outcomes"] = [{"text": o.text} for o in focus_issue.outcomes.all()]
        return StatementVersion.objects.create(
            statement=statement,
            number=1,
            content=document.clean_content(content),
            created_by=_person(by),
        )


def start_new_draft(*, statement: Statement, by) -> StatementVersion:
    """A new draft that starts as a copy of the latest agreed version."""
    _require(by, "statements.edit_statement", statement.partnership)
    with transaction.atomic(), acting_as(by):
        # A fresh query: a statement read by the selectors carries a prefetch that joins people,
        # and PostgreSQL cannot lock the nullable side of that outer join.
        versions = list(
            StatementVersion.objects.filter(statement=statement)
            .select_for_update()
            .order_by("-number")
        )
        if any(not v.is_agreed for v in versions):
            raise ValidationError(
                _("There is already a draft: agree it or carry on editing it first.")
            )
        latest_agreed = versions[0] if versions else None
        content = (
            document.copy_content(latest_agreed.content)
            if latest_agreed
            else document.empty_content()
        )
        return StatementVersion.objects.create(
            statement=statement,
            number=(versions[0].number + 1) if versions else 1,
            content=content,
            based_on=latest_agreed,
            created_by=_person(by),
        )


def save_content(*, version: StatementVersion, content: dict, by) -> StatementVersion:
    """Replace a draft's content with a validated copy of `content`."""
    _require(by, "statements.edit_statement", version.statement.partnership)
    clean = document.clean_content(content)
    with transaction.atomic(), acting_as(by):
        version = _locked(version)
        if version.status not in EDITABLE_STATES:
            raise ValidationError(
                _("Version %(n)s is %(status)s and cannot be edited. Start a new draft instead.")
                % {"n": version.number, "status": version.get_status_display().lower()}
                if version.is_agreed
                else _("Version %(n)s is circulated: return it to draft to edit it.")
                % {"n": version.number}
            )
        version.content = clean
        version.save()
    return version


def save_section(
    *, version: StatementVersion, section: str, rows: list[dict] | str, by
) -> StatementVersion:
    """Replace one section of a draft (`introduction` takes text, the others a list of rows)."""
    if section != "introduction" and section not in document.SECTIONS_BY_KEY:
        raise ValidationError(_("There is no section called %(name)s.") % {"name": section})
    with transaction.atomic():
        version = _locked(version)
        content = document.copy_content(version.content)
        if section == "recommendations":
            rows = _number_recommendations(version.statement, rows)
        content[section] = rows
        return save_content(version=version, content=content, by=by)


def _number_recommendations(statement: Statement, rows: list[dict]) -> list[dict]:
    """Give new rows the next references of their statement (R1, R2 …), never one used before
    in any version or in the tracker."""
    used = set(statement.recommendations.values_list("key", flat=True))
    for content in statement.versions.values_list("content", flat=True):
        used.update(r.get("key", "") for r in (content or {}).get("recommendations", []))
    used.update(row.get("key") or "" for row in rows)
    new_keys = iter(document.next_recommendation_keys(used, sum(not r.get("key") for r in rows)))
    return [{**row, "key": row.get("key") or next(new_keys)} for row in rows]


def add_area_evidence(*, version: StatementVersion, by) -> tuple[StatementVersion, int]:
    """Pull the area profile's facts and decile chart into a draft's data, skipping any already
    there (by their words), so the statement quotes the same figures as the Area page.
    Returns the version and how many items were added."""
    from actlocally.places.selectors import area_evidence

    evidence = area_evidence(version.statement.partnership)
    if not evidence["facts"]:
        raise ValidationError(
            _("The partnership has no area of focus yet: define it on the Area page first.")
        )
    content = document.copy_content(version.content)
    have_facts = {row.get("text", "").strip().lower() for row in content["facts"]}
    new_facts = [
        {"value": _figure(f), "text": str(f["text"]), "source": str(f["source"])}
        for f in evidence["facts"]
        if str(f["text"]).strip().lower() not in have_facts
    ]
    chart = evidence["chart"]
    new_charts = [chart] if all(c.get("title") != chart["title"] for c in content["charts"]) else []
    if not new_facts and not new_charts:
        return version, 0
    content["facts"] = [*content["facts"], *new_facts]
    content["charts"] = [*content["charts"], *new_charts]
    return save_content(version=version, content=content, by=by), len(new_facts) + len(new_charts)


def _figure(fact: dict) -> str:
    """The big number beside a fact: a share keeps its per cent sign ("80%", not "80")."""
    value = str(fact["value"])
    figure = document.display_figure(value)  # "17,208", not "17208"
    return f"{figure}%" if str(fact["text"]).startswith(f"{value}%") else figure


def transition(
    *,
    version: StatementVersion,
    name: str,
    by,
    agreed_on: datetime.date | None = None,
    agreed_on_precision: str = DatePrecision.DAY,
    agreed_by_whom: str = "",
    base_url: str = "",
    as_history: bool = False,
) -> StatementVersion:
    """Move a version along the workflow (workflow.WORKFLOW says which moves exist and who
    may make them). Agreeing freezes the version and its embedded figures, ticks the journey,
    updates the tracker and carries its actions and outcomes into the plan. Members are emailed
    when a version is circulated or agreed (links start with `base_url`). `as_history` records a
    step taken before the platform (the demo's past statements): nobody is emailed and nothing is
    carried, since the plan of that time is recorded on its own."""
    partnership = version.statement.partnership
    # Refused before anything is written: an undeclared step or a person not allowed; the
    # state is checked on the locked row.
    WORKFLOW.permitted(version, name, by=by)
    with transaction.atomic(), acting_as(by):
        version = _locked(version)
        step = WORKFLOW.check(version, name, by=by)
        if step.target == StatementVersion.Status.AGREED:
            if agreed_on is None:
                raise ValidationError({"agreed_on": _("Enter the date it was agreed.")})
            if agreed_on > timezone.localdate():
                raise ValidationError(
                    {"agreed_on": _("The date it was agreed must be today or earlier.")}
                )
            if not agreed_by_whom.strip():
                raise ValidationError({"agreed_by_whom": _("Say who agreed it.")})
            version.agreed_on = agreed_on
            version.agreed_on_precision = agreed_on_precision
            version.agreed_by_whom = agreed_by_whom.strip()
            version.recorded_at = timezone.now()
            version.recorded_by = _person(by)
            # What the partnership agreed includes the figures it saw: freeze them, as the
            # public sees them, so data loaded later cannot change the agreed statement.
            version.figures = evidence.snapshot(partnership, version.content)
        if step.target == StatementVersion.Status.CIRCULATED:
            version.circulated_at = timezone.now()
        WORKFLOW.run(version, name, by=by)
        if version.is_agreed:
            _track_recommendations(version)
            if not as_history:
                carry_into_plan(version=version, by=by)
            record_evidence(
                partnership=partnership,
                step_key=StepKey.DEVELOP_STATEMENT_OF_INTENT,
                evidence_label=_("Statement of Intent, version %(n)s, agreed %(date)s")
                % {"n": version.number, "date": version.date_label},
                evidence_url=version.get_absolute_url(),
                on=agreed_on,
                by=_person(by),
            )
        if not as_history and version.status in (
            StatementVersion.Status.CIRCULATED,
            StatementVersion.Status.AGREED,
        ):
            tell_members(version=version, by=_person(by), base_url=base_url)
    return version


def add_comment(*, version: StatementVersion, section: str, text: str, by) -> Comment:
    """A member's comment on one section of a circulated version."""
    _require(by, "statements.comment_on_statement", version.statement.partnership)
    text = text.strip()
    if section not in dict(Comment.SECTIONS):
        raise ValidationError({"section": _("Select the section you are commenting on")})
    if not text:
        raise ValidationError({"text": _("Enter your comment")})
    with transaction.atomic(), acting_as(by):
        version = _locked(version)
        if version.status != StatementVersion.Status.CIRCULATED:
            raise ValidationError(
                _("Version %(n)s is not circulated for comment, so it cannot be commented on.")
                % {"n": version.number}
            )
        comment = Comment(version=version, section=section, text=text, author=_person(by))
        comment.full_clean()
        comment.save()
    return comment


def mark_comment_addressed(*, comment: Comment, by) -> Comment:
    """The co-ordinator has dealt with a comment (changed the draft, or answered it)."""
    _require(by, "statements.address_comment", comment.version.statement.partnership)
    with transaction.atomic(), acting_as(by):
        comment = Comment.objects.select_for_update().get(pk=comment.pk)
        if comment.is_addressed:
            raise ValidationError(_("This comment is already marked as addressed."))
        comment.addressed_at = timezone.now()
        comment.addressed_by = _person(by)
        comment.save(update_fields=["addressed_at", "addressed_by"])
    return comment


def carry_into_plan(*, version: StatementVersion, by) -> tuple[int, int]:
    """What an agreed version commits to, carried where the work is tracked: its agreed actions
    into the action plan (with their lead organisations) and its desired outcomes into the focus
    issue's intended outcomes. Nothing is added twice, so it is safe to run again; nothing is
    removed. Returns (actions added, outcomes added)."""
    from actlocally.actions.services import carry_agreed_actions
    from actlocally.partnerships.services import add_intended_outcomes

    if not version.is_agreed:
        raise ValidationError(_("Only an agreed version is carried into the action plan."))
    statement = version.statement
    with transaction.atomic(), acting_as(by):
        outcomes = add_intended_outcomes(
            focus_issue=statement.focus_issue,
            texts=[row["text"] for row in version.content.get("outcomes", [])],
            by=by,
        )
        actions = carry_agreed_actions(
            partnership=statement.partnership,
            focus_issue=statement.focus_issue,
            rows=version.content.get("actions", []),
            by=by,
        )
    return actions, outcomes


def _track_recommendations(version: StatementVersion) -> None:
    """The tracker follows the latest agreed version: new references become new rows, changed
    wording is carried over, and rows a later version dropped are marked so."""
    statement = version.statement
    rows = version.content.get("recommendations", [])
    existing = {r.key: r for r in statement.recommendations.select_for_update()}
    org_ids = {row["to_id"] for row in rows if row.get("to_id")}
    orgs = Organisation.objects.in_bulk(org_ids)
    for row in rows:
        commissioner = (
            orgs.get(row.get("to_id")) or Organisation.objects.filter(name=row["to"]).first()
        )
        if commissioner is None:
            raise ValidationError(
                _("Recommendation %(key)s is to “%(to)s”, which is not an organisation here.")
                % {"key": row["key"], "to": row["to"]}
            )
        rec = existing.pop(row["key"], None)
        if rec is None:
            Recommendation.objects.create(
                statement=statement,
                partnership=statement.partnership,
                key=row["key"],
                text=row["text"],
                commissioner=commissioner,
                is_illustrative=row.get("illustrative", False),
                agreed_in=version,
            )
        else:
            rec.text = row["text"]
            rec.commissioner = commissioner
            rec.is_illustrative = row.get("illustrative", False)
            rec.in_latest_agreed = True
            rec.save()
    for rec in existing.values():
        if rec.in_latest_agreed:
            rec.in_latest_agreed = False
            rec.save()


def mark_recommendations_sent(
    *, recommendations: list[Recommendation], sent_on: datetime.date, by
) -> int:
    """Record that recommendations went to their commissioners. Ticks `involve-commissioners`."""
    if not recommendations:
        raise ValidationError(_("Choose at least one recommendation that was sent."))
    partnership = recommendations[0].partnership
    _require(by, "statements.send_recommendations", partnership)
    if any(r.partnership_id != partnership.pk for r in recommendations):
        raise ValidationError(_("Those recommendations belong to different partnerships."))
    if sent_on > timezone.localdate():
        raise ValidationError({"sent_on": _("The date they were sent must be today or earlier.")})
    with transaction.atomic(), acting_as(by):
        count = 0
        for rec in Recommendation.objects.select_for_update().filter(
            pk__in=[r.pk for r in recommendations]
        ):
            if rec.status != Recommendation.Status.NOT_SENT:
                continue
            rec.status = Recommendation.Status.SENT
            rec.sent_on = sent_on
            rec.full_clean()
            rec.save()
            count += 1
        if count:
            record_evidence(
                partnership=partnership,
                step_key=StepKey.INVOLVE_COMMISSIONERS,
                evidence_label=_("Recommendations for commissioners sent on %(date)s")
                % {"date": formats.date_format(sent_on, "j F Y")},
                evidence_url=_tracker_url(partnership),
                on=sent_on,
                by=_person(by),
            )
    return count


def record_response(
    *,
    recommendation: Recommendation,
    status: str,
    response: str,
    responded_on: datetime.date,
    by,
) -> Recommendation:
    """A commissioner's response: in discussion, accepted or declined, with its words and date."""
    _require(by, "statements.respond_to_recommendation", recommendation.partnership)
    if status not in Recommendation.RESPONSES:
        raise ValidationError({"status": _("Choose in discussion, accepted or declined.")})
    if not response.strip():
        raise ValidationError({"response": _("Enter what the commissioner said.")})
    with transaction.atomic(), acting_as(by):
        rec = Recommendation.objects.select_for_update().get(pk=recommendation.pk)
        if rec.status == Recommendation.Status.NOT_SENT:
            raise ValidationError(
                _("Record that the recommendation was sent before recording a response.")
            )
        if responded_on < rec.sent_on:
            raise ValidationError(
                {
                    "responded_on": _(
                        "The response cannot be dated before the recommendation was sent."
                    )
                }
            )
        if responded_on > timezone.localdate():
            raise ValidationError({"responded_on": _("The date must be today or earlier.")})
        rec.status = status
        rec.response = response.strip()
        rec.responded_on = responded_on
        rec.full_clean()
        rec.save()
    return rec


def _tracker_url(partnership) -> str:
    from django.urls import reverse

    return reverse("recommendations", kwargs={"slug": partnership.slug})


def _person(by):
    return by if getattr(by, "is_authenticated", False) else None
