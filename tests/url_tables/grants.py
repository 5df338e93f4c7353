"""Access rules and URLs of the community budget (funding rounds)."""

from tests import factories_grants as f

from .foundation import MANAGERS, VIEWERS


def slug(w):
    return {"slug": "keighley"}


def draft_round(w):
    found = w.keighley.funding_rounds.filter(status="draft").first()
    if found is None:
        found = f.FundingRoundFactory(focus_issue=w.keighley.focus_issues.first())
    return {"slug": "keighley", "pk": found.pk}


def draft_with_question(w):
    kwargs = draft_round(w)
    f.QuestionFactory(round_id=kwargs["pk"])
    f.CriterionFactory(round_id=kwargs["pk"])
    return {**kwargs, "name": "open"}


URLS = {
    "grants": (slug, "view"),
    "grants_round_new": (slug, "manage"),
    "grants_round": (draft_round, "view"),
    "grants_round_edit": (draft_round, "manage"),
    "grants_question_new": (draft_round, "manage"),
    "grants_criterion_new": (draft_round, "manage"),
    "grants_transition": (draft_with_question, "manage"),
}


def question_on_draft(w):
    kwargs = draft_round(w)
    question = f.QuestionFactory(round_id=kwargs["pk"])
    return {**kwargs, "kind": "questions", "item": question.pk}


ACCESS = {
    # Removing a question is a POST from the round's page: a GET is refused once the person may.
    "grants_post_only": lambda role: (
        302 if role == "anonymous" else 405 if role in MANAGERS else 403 if role in VIEWERS else 404
    ),
}

URLS["grants_item_remove"] = (question_on_draft, "grants_post_only")
