"""The hubs app's models: the local offer in the ORUK data model (`offer`), and School Health
Hubs with their timetables (`timetable`). Every name is importable from here."""

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
from .timetable import HolidayPeriod, Hub, Session

__all__ = [
    "PUBLIC",
    "Contact",
    "Frequency",
    "HolidayPeriod",
    "Hub",
    "Language",
    "Location",
    "OrukStatus",
    "Schedule",
    "Service",
    "ServiceAtLocation",
    "ServiceQuerySet",
    "Session",
    "Taxonomy",
    "TaxonomyTerm",
]
