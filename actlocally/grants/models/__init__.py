"""The community budget's models, one module per concept: rounds, applications, the panel."""

from .applications import Answer, Application, count_words
from .awards import Agreement, GranteeReport, Payment
from .documents import Attachment, Clarification
from .panel import SCORE_MAX, Award, Declaration, Panellist, Score, ScoreSheet
from .rounds import Criterion, FundingRound, OrganisationType, Question, pounds

__all__ = [
    "SCORE_MAX",
    "Agreement",
    "Answer",
    "Application",
    "Attachment",
    "Award",
    "Clarification",
    "Criterion",
    "Declaration",
    "FundingRound",
    "GranteeReport",
    "OrganisationType",
    "Panellist",
    "Payment",
    "Question",
    "Score",
    "ScoreSheet",
    "count_words",
    "pounds",
]
