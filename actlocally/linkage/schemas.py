"""What each agency extract must hold: its columns, what kind each is, and where it goes.

Kinds: "record" (the agency's record id: hashed), "upn"/"nhs" (direct identifiers: normalised and
hashed), "first_name", "last_name", "dob", "sex", "postcode" (kept only in the identifier store,
for the linkage step), and the attributes analysts see: "text", "int", "flag" (Y/N), "lsoa".
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

IDENTIFIER_KINDS = ("first_name", "last_name", "dob", "sex", "postcode")
HASHED_KINDS = ("record", "upn", "nhs")


@dataclass(frozen=True)
class Column:
    name: str
    kind: str
    required: bool = True  # a value must be present in every row
    max_value: int | None = None


@dataclass(frozen=True)
class Dataset:
    name: str
    label: str
    columns: tuple[Column, ...]
    # Whether the dataset's people are linked (it carries names), or joined by UPN to the census.
    linked: bool = True

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    def of_kind(self, *kinds: str) -> list[Column]:
        return [c for c in self.columns if c.kind in kinds]


_PERSON = (
    Column("first_name", "first_name", required=False),
    Column("last_name", "last_name", required=False),
    Column("date_of_birth", "dob", required=False),
    Column("sex", "sex", required=False),
    Column("postcode", "postcode", required=False),
)

DATASETS = {
    d.name: d
    for d in [
        Dataset(
            "school_census",
            _("School census"),
            (
                Column("upn", "upn"),
                *_PERSON,
                Column("lsoa", "lsoa"),
                Column("school_urn", "text"),
                Column("school_name", "text"),
                Column("year_group", "int", max_value=14),
                Column("fsm", "flag"),
                Column("send", "flag"),
                Column("eal", "flag"),
            ),
        ),
        Dataset(
            "attendance",
            _("Attendance"),
            (
                Column("upn", "upn"),
                Column("academic_year", "text"),
                Column("sessions_possible", "int", max_value=400),
                Column("missed_illness", "int", max_value=400),
                Column("missed_medical", "int", max_value=400),
                Column("missed_dental", "int", max_value=400),
                Column("missed_other_authorised", "int", max_value=400),
                Column("missed_unauthorised", "int", max_value=400),
            ),
            linked=False,
        ),
        Dataset(
            "health",
            _("Health"),
            (
                Column("record_id", "record"),
                Column("nhs_number", "nhs", required=False),
                *_PERSON,
                Column("dental_registered", "flag"),
                Column("mh_support_referred", "flag"),
                Column("mh_support_attended", "flag"),
            ),
        ),
        Dataset(
            "police",
            _("Police and youth justice"),
            (
                Column("record_id", "record"),
                *_PERSON,
                Column("contact_count", "int", max_value=1000),
                Column("youth_justice_outcome", "text"),
            ),
        ),
        Dataset(
            "early_help",
            _("Early help"),
            (
                Column("record_id", "record"),
                *_PERSON,
                Column("lead_agency", "text"),
                Column("episode_weeks", "int", max_value=520),
            ),
        ),
    ]
}
