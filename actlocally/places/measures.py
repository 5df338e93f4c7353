"""The measures of the English Indices of Deprivation, by the stable keys the platform uses."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Measure:
    key: str
    label: str
    short: str


# The Index of Multiple Deprivation first, then its seven domains and the two supplementary
# indices. Each has a score (where the release publishes one), a national rank (1 = most
# deprived) and a national decile (1 = most deprived 10% of LSOAs).
MEASURES = [
    Measure("imd", _("Index of Multiple Deprivation"), _("IMD")),
    Measure("income", _("Income"), _("Income")),
    Measure("employment", _("Employment"), _("Employment")),
    Measure("education", _("Education, skills and training"), _("Education")),
    Measure("health", _("Health deprivation and disability"), _("Health")),
    Measure("crime", _("Crime"), _("Crime")),
    Measure("barriers", _("Barriers to housing and services"), _("Housing and services")),
    Measure("environment", _("Living environment"), _("Living environment")),
    Measure("idaci", _("Income deprivation affecting children (IDACI)"), _("IDACI")),
    Measure("idaopi", _("Income deprivation affecting older people (IDAOPI)"), _("IDAOPI")),
]
BY_KEY = {m.key: m for m in MEASURES}
KEYS = [m.key for m in MEASURES]

# Population denominators (IoD2019 File 6), by field name.
POPULATIONS = ["population", "children", "aged_16_59", "aged_60_plus", "working_age"]
