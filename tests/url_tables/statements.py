"""Access rules and the URL table for Statement of Intent pages."""

import datetime

from actlocally.partnerships.models import Role
from actlocally.partnerships.services import set_focus_issue
from actlocally.statements import services
from actlocally.statements.models import Statement, StatementVersion

from .foundation import MANAGERS, MEMBER_ROLES, partnership_rule

ACCESS = {
    # A button's target: opened by address it sends those allowed back to the facts editor.
    "edit_statement_button": lambda role: (
        302 if ACCESS["edit_statement"](role) == 200 else ACCESS["edit_statement"](role)
    ),
    # Co-ordinator, backbone and staff write drafts, and so does the research partner.
    "edit_statement": partnership_rule(MANAGERS | {Role.RESEARCH_PARTNER}),
    # A commissioner in the partnership or a member of the authority's board (not backbone staff).
    "respond": partnership_rule({"staff", Role.COMMISSIONER, "board"}),
    # Every member but an observer comments on a circulated draft, as do those who run it.
    "comment": partnership_rule(MANAGERS | (set(MEMBER_ROLES) - {Role.OBSERVER})),
}

TODAY = datetime.date(2024, 1, 15)


def draft(world):
    """A draft of the focus issue's Statement: its first; or the one being written; or (where a
    version was circulated or agreed, as in the demo the browser suite walks) a new one."""
    statement = Statement.objects.filter(focus_issue=world.focus).first()
    if statement is None:
        return services.start_statement(focus_issue=world.focus, by=world.people["staff"])
    latest = statement.versions.order_by("-number").first()
    if latest.status == StatementVersion.Status.DRAFT:
        return latest
    if latest.status == StatementVersion.Status.CIRCULATED:
        services.transition(
            version=latest, name="agree", agreed_on=TODAY, agreed_by_whom="The partnership", by=None
        )
    return services.start_new_draft(statement=statement, by=world.people["staff"])


def agreed(world, *, recommendation: bool = False):
    version = draft(world)
    if recommendation:
        content = dict(version.content)
        content["recommendations"] = [
            {
                "key": "R1",
                "text": "Fund it.",
                "to": world.organisation.name,
                "to_id": world.organisation.pk,
            }
        ]
        services.save_content(version=version, content=content, by=None)
    services.transition(version=version, name="circulate", by=None)
    return services.transition(
        version=version, name="agree", agreed_on=TODAY, agreed_by_whom="The partnership", by=None
    )


def sent_recommendation(world):
    version = agreed(world, recommendation=True)
    rec = version.statement.recommendations.latest("pk")
    services.mark_recommendations_sent(recommendations=[rec], sent_on=TODAY, by=None)
    return rec


def circulated(world):
    return services.transition(version=draft(world), name="circulate", by=None)


def comment(world):
    version = circulated(world)
    made = services.add_comment(version=version, section="actions", text="Add more.", by=None)
    return {"slug": "keighley", "number": version.number, "pk": made.pk}


def earlier(world, **extra):
    """The Statement of a focus issue the partnership has moved on from."""
    version = agreed(world)
    set_focus_issue(
        partnership=world.keighley,
        title="A new focus issue",
        summary="",
        started_on=world.focus.started_on,
        by=None,
    )
    return {"slug": "keighley", "focus_issue": world.focus.pk, **extra, "number": version.number}


def without_number(kwargs):
    kwargs.pop("number")
    return kwargs


def with_version(make):
    def kwargs(world):
        version = make(world)
        return {"slug": "keighley", "number": version.number}

    return kwargs


URLS = {
    "statement": (lambda w: {"slug": "keighley"}, "view"),
    "statement_start": (lambda w: {"slug": "keighley"}, "edit_statement"),
    "statement_new_draft": (lambda w: agreed(w) and {"slug": "keighley"}, "edit_statement"),
    "statement_versions": (lambda w: draft(w) and {"slug": "keighley"}, "view"),
    "statement_compare": (lambda w: draft(w) and {"slug": "keighley"}, "view"),
    "statement_version": (with_version(draft), "view"),
    "statement_edit_section": (
        lambda w: {**with_version(draft)(w), "section": "facts"},
        "edit_statement",
    ),
    "statement_add_area_evidence": (with_version(draft), "edit_statement_button"),
    "statement_transition": (lambda w: {**with_version(draft)(w), "name": "circulate"}, "manage"),
    "statement_pdf": (with_version(agreed), "view"),
    "statement_docx": (with_version(agreed), "view"),
    "statement_comment": (with_version(circulated), "comment"),
    "statement_comment_addressed": (comment, "manage"),
    "statement_earlier": (lambda w: without_number(earlier(w)), "view"),
    "statement_versions_earlier": (lambda w: without_number(earlier(w)), "view"),
    "statement_compare_earlier": (lambda w: without_number(earlier(w)), "view"),
    "statement_version_earlier": (earlier, "view"),
    "statement_pdf_earlier": (earlier, "view"),
    "statement_docx_earlier": (earlier, "view"),
    "recommendations": (lambda w: {"slug": "keighley"}, "view"),
    "recommendations_send": (
        lambda w: agreed(w, recommendation=True) and {"slug": "keighley"},
        "manage",
    ),
    "recommendation": (lambda w: {"slug": "keighley", "pk": sent_recommendation(w).pk}, "view"),
    "recommendation_respond": (
        lambda w: {"slug": "keighley", "pk": sent_recommendation(w).pk},
        "respond",
    ),
}
