"""One fictional person per role, for demos. Names and addresses are invented; nothing is real."""

# The one password every demo login uses (documented in the README; demo mode only).
DEMO_PASSWORD = "actlocally-demo"  # noqa: S105

# key, email, full name, job title, what they see (shown on the sign-in page in demo mode)
PERSONAS = [
    (
        "staff",
        "admin@example.org",
        "Alex Morgan",
        "Platform administrator",
        "Site staff: every partnership and the site admin.",
    ),
    (
        "backbone",
        "backbone@example.org",
        "Priya Shah",
        "Act Locally programme lead",
        "Backbone staff (Bradford): runs every Bradford partnership, can start new ones.",
    ),
    (
        "board",
        "board@example.org",
        "David Okafor",
        "Strategic director, children's services",
        "Board member (Bradford): reads every Bradford partnership.",
    ),
    (
        "coordinator",
        "coordinator@example.org",
        "Hannah Clarke",
        "Act Locally co-ordinator",
        "Co-ordinator of Act Locally: Keighley: runs that partnership.",
    ),
    (
        "coordinator_hw",
        "coordinator.holmewood@example.org",
        "Kate Dawson",
        "Act Locally co-ordinator",
        "Co-ordinator of Act Locally: Holme Wood.",
    ),
    (
        "coordinator_mg",
        "coordinator.manningham@example.org",
        "Aisha Begum",
        "Act Locally co-ordinator",
        "Co-ordinator of Act Locally: Manningham & Girlington.",
    ),
    (
        "researcher",
        "researcher@example.org",
        "Tom Reid",
        "Research fellow",
        "Research partner in all three partnerships: keeps the journey up to date.",
    ),
    (
        "member",
        "headteacher@example.org",
        "Ruth Bennett",
        "Headteacher",
        "Member of Act Locally: Keighley (a school leader).",
    ),
    (
        "police",
        "police@example.org",
        "Claire Walsh",
        "Neighbourhood sergeant",
        "Member of Act Locally: Holme Wood (police).",
    ),
    (
        "community",
        "community@example.org",
        "Nasreen Akhtar",
        "Parent and volunteer",
        "Community representative in Act Locally: Manningham & Girlington.",
    ),
    (
        "young_person",
        "youngperson@example.org",
        "Jordan Lee",
        "Youth council member",
        "Young person in Act Locally: Holme Wood.",
    ),
    (
        "commissioner",
        "commissioner@example.org",
        "Gillian Foster",
        "Head of children's commissioning",
        "Commissioner in Act Locally: Keighley.",
    ),
    (
        "observer",
        "observer@example.org",
        "Peter Marsh",
        "Visiting programme officer",
        "Observer in Act Locally: Manningham & Girlington.",
    ),
]
