"""The hubs app's models: the local offer in the ORUK data model (`offer`), and School Health
Hubs with their timetables (`timetable`). Every name is importable from here."""

from .activity import AgeBand, OneStopShopDay, TakeUp
from .joined_up import Outcome, ReasonCategory, ServiceReferralCount
from .offer import (
    PUBLIC,
    Contact,
    Frequency,
    Language,
    Location,
    OrukStatus,
    Schedule,
    Service,
    ServiceAtLocation,
    ServiceQuerySet,
    Taxonomy,
    TaxonomyTerm,
)
from .referrals import CLOSED, Referral, ReferralStatus
from .timetable import HolidayPeriod, Hub, Session

__all__ = [
    "CLOSED",
    "PUBLIC",
    "AgeBand",
    "Contact",
    "Frequency",
    "HolidayPeriod",
    "Hub",
    "Language",
    "Location",
    "OneStopShopDay",
    "OrukStatus",
    "Outcome",
    "ReasonCategory",
    "Referral",
    "ReferralStatus",
    "Schedule",
    "Service",
    "ServiceAtLocation",
    "ServiceQuerySet",
    "ServiceReferralCount",
    "Session",
    "TakeUp",
    "Taxonomy",
    "TaxonomyTerm",
]
