"""The community budget's models, one module per concept: rounds, applications, the panel."""

from .applications import Answer, Application, count_words
from .panel import SCORE_MAX, Award, Declaration, Panellist, Score, ScoreSheet
from .rounds import Criterion, FundingRound, OrganisationType, Question, pounds

__all__ = [
    "SCORE_MAX",
    "Answer",
    "Application",
    "Award",
    "Criterion",
    "Declaration",
    "FundingRound",
    "OrganisationType",
    "Panellist",
    "Question",
    "Score",
    "ScoreSheet",
    "count_words",
    "pounds",
]
