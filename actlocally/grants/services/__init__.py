"""Every write of the community budget: plain functions, keyword-only, the acting person as `by`.
One module per concept: rounds, applications, the panel and its allocation."""

from .applications import (
    check_eligibility,
    save_answer,
    save_application,
    submit_application,
)
from .awards import plan_payment, record_agreement, record_payment_made, submit_report
from .documents import attach, remove_attachment, request_clarification, resubmit
from .panel import add_panellist, agree_allocation, declare, submit_scores
from .rounds import add_criterion, add_question, remove_item, save_round, transition

__all__ = [
    "add_criterion",
    "add_panellist",
    "add_question",
    "agree_allocation",
    "attach",
    "check_eligibility",
    "declare",
    "plan_payment",
    "record_agreement",
    "record_payment_made",
    "remove_attachment",
    "remove_item",
    "request_clarification",
    "resubmit",
    "save_answer",
    "save_application",
    "save_round",
    "submit_application",
    "submit_report",
    "submit_scores",
    "transition",
]
