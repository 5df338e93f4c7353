"""Local authorities, their strategic boards, and the convening partnerships in their areas.

One module per part (see each); every name is importable from here, as before the split.
"""

from .authorities import Board, BoardMembership, LocalAuthority, validate_la_code
from .focus import FocusIssue, IntendedOutcome
from .journey import DatePrecision, EarlyImpact, TimelineEvent, format_date
from .memberships import Invitation, Membership
from .partnerships import Partnership, PartnershipQuerySet
from .roles import BoardRole, Role

__all__ = [
    "Board",
    "BoardMembership",
    "BoardRole",
    "DatePrecision",
    "EarlyImpact",
    "FocusIssue",
    "IntendedOutcome",
    "Invitation",
    "LocalAuthority",
    "Membership",
    "Partnership",
    "PartnershipQuerySet",
    "Role",
    "TimelineEvent",
    "format_date",
    "validate_la_code",
]
