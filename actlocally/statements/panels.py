"""Where the Statement of Intent stands, on the partnership overview and the focus issue page."""

from .models import StatementVersion


def overview(*, partnership, user) -> dict:
    latest = (
        StatementVersion.objects.filter(
            statement__partnership=partnership, statement__focus_issue__status="active"
        )
        .order_by("-number")
        .first()
    )
    agreed = (
        StatementVersion.objects.filter(
            statement__partnership=partnership,
            statement__focus_issue__status="active",
            status="agreed",
        )
        .order_by("-number")
        .first()
    )
    return {"latest": latest, "agreed": agreed}


def focus_issue(*, partnership, user) -> dict:
    """On the focus issue page: the other priorities agreed with it, and its Statement of Intent
    (or a link to start one)."""
    from actlocally.authorization import has_permission

    from . import selectors

    focus = selectors.active_focus(partnership)
    if focus is None:
        return None
    statement = selectors.statement_of(partnership)
    return {
        "focus": focus,
        "priorities": selectors.other_agreed_priorities(focus),
        "latest": selectors.versions_of(statement)[0] if statement else None,
        "can_start": statement is None
        and has_permission(user, "statements.edit_statement", partnership),
    }
