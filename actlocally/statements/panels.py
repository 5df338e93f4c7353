"""Where the Statement of Intent stands, on the partnership overview."""

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
