"""Reads for output checking, each page's data in a fixed number of queries."""

from django.db.models import Prefetch, QuerySet

from .models import CheckerReview, OutputComment, OutputRequest


def project_outputs(project) -> QuerySet[OutputRequest]:
    return project.output_requests.select_related("author").order_by("-modified", "-pk")


def check_queue(user) -> QuerySet[OutputRequest]:
    """The outputs submitted to this checker: never anything else of the project."""
    return (
        OutputRequest.objects.filter(reviews__checker=user)
        .exclude(author=user)
        .select_related("project", "author")
        .prefetch_related(
            Prefetch("reviews", queryset=CheckerReview.objects.filter(checker=user), to_attr="mine")
        )
        .distinct()
        .order_by("status", "-submitted_at", "-pk")
    )


def output_for_page(pk: int) -> OutputRequest:
    return (
        OutputRequest.objects.select_related("project__partnership", "author", "released_by")
        .prefetch_related(
            Prefetch("reviews", queryset=CheckerReview.objects.select_related("checker")),
            Prefetch("comments", queryset=OutputComment.objects.select_related("author")),
        )
        .get(pk=pk)
    )


def reviews_shown(output: OutputRequest, user) -> dict:
    """The current submission's reviews as this person may see them: a checker sees only their
    own until both have decided; the author sees them once both have decided."""
    reviews = list(output.reviews.all())
    latest = max((r.round for r in reviews), default=0)
    current = [r for r in reviews if r.round == latest]
    all_decided = bool(current) and all(r.decision for r in current)
    mine = next((r for r in current if r.checker_id == user.pk), None)
    earlier = [r for r in reviews if r.round < latest]
    # A checker's comments are blind too: hidden from the other checker until both decided.
    others = {r.checker_id for r in current} - {user.pk}
    hidden = set() if all_decided or mine is None else others
    comments = [c for c in output.comments.all() if c.author_id not in hidden]
    return {
        "comments": comments,
        "current": current if all_decided else ([mine] if mine else []),
        "mine": mine,
        "all_decided": all_decided,
        "waiting": sum(1 for r in current if not r.decision),
        "earlier": earlier,
        "round": latest,
    }


def released_output(pk: int) -> OutputRequest:
    return OutputRequest.objects.select_related("project__partnership", "released_by").get(
        pk=pk, status=OutputRequest.Status.RELEASED
    )
