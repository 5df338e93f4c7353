"""The measures of the English Indices of Deprivation, by the stable keys the platform uses."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Measure:
    key: str
    label: str
    short: str
    # What the score is, in words a reader understands. A rate is a share of people (0.23 means
    # 23% of them); every other score is a relative figure where higher is more deprived.
    rate_of: str = ""

    @property
    def is_rate(self) -> bool:
        return bool(self.rate_of)

    @property
    def score_unit(self):
        return self.rate_of or _("score, higher is more deprived")


# The Index of Multiple Deprivation first, then its seven domains and the two supplementary
# indices. Each has a score (where the release publishes one), a national rank (1 = most
# deprived) and a national decile (1 = most deprived 10% of LSOAs).
MEASURES = [
    Measure("imd", _("Index of Multiple Deprivation"), _("IMD")),
    Measure("income", _("Income"), _("Income"), _("% of people who are income-deprived")),
    Measure(
        "employment",
        _("Employment"),
        _("Employment"),
        _("% of working-age people who are employment-deprived"),
    ),
    Measure("education", _("Education, skills and training"), _("Education")),
    Measure("health", _("Health deprivation and disability"), _("Health")),
    Measure("crime", _("Crime"), _("Crime")),
    Measure("barriers", _("Barriers to housing and services"), _("Housing and services")),
    Measure("environment", _("Living environment"), _("Living environment")),
    Measure(
        "idaci",
        _("Income deprivation affecting children (IDACI)"),
        _("IDACI"),
        _("% of children aged 0 to 15 living in income-deprived families"),
    ),
    Measure(
        "idaopi",
        _("Income deprivation affecting older people (IDAOPI)"),
        _("IDAOPI"),
        _("% of people aged 60 and over who are income-deprived"),
    ),
]
BY_KEY = {m.key: m for m in MEASURES}
KEYS = [m.key for m in MEASURES]

# Population denominators (IoD2019 File 6), by field name.
POPULATIONS = ["population", "children", "aged_16_59", "aged_60_plus", "working_age"]
