"""Demo theories of change, one per Bradford focus issue.

Outcomes are each partnership's intended outcomes (shared/seeds/002). Inputs, impact and
assumptions come from the programme-level theory of change in shared/seeds/003, Section 3;
activities and outputs from each area's early impact and meeting topics in 002.
"""

from . import services

INPUTS = [
    "Co-ordination from the backbone, the Education Alliance for Life Chances",
    "Data, research and evaluation from CAER, Born in Bradford and Age of Wonder",
    "Schools and early years settings as anchor institutions of the community",
    "Time and knowledge of partners: health, council, police, VCSE, residents and young people",
    "Permissions and resources from commissioners and the strategic partnership board",
]

IMPACT = [
    "Better child health outcomes",
    "Reduced attainment gap",
    "Improved life chances for children and young people from disadvantaged communities",
]

ASSUMPTIONS = [
    "Reducing health inequalities through education needs a whole system, evidence-based "
    "approach to child wellbeing.",
    "Schools see the impact of health and care on children's behaviour, attendance and readiness "
    "to learn, and are well placed to link families to services.",
    "Partners keep coming to termly meetings and act on what they agree.",
]

THEORIES = {
    "keighley": {
        "summary": "Children and young people in central Keighley are food secure, eat well and "
        "have healthy teeth, with support co-ordinated through their schools.",
        "activities": [
            "Supervised tooth brushing (BRUSH) campaign in nurseries and primary schools",
            "Schools record absences for dental reasons",
            "Healthy Start Champions training for schools and practitioners",
            "Work with the community dental service",
            "Keighley Food Conversation and the Bradford Food Survey",
            "A schools signposting resource (local offer)",
        ],
        "outputs": [
            "Over 2,500 tooth brushing kits for nursery and primary school pupils",
            "Dental absence data from Keighley schools",
            "Schools and practitioners trained as Healthy Start Champions",
            "Termly convening partnership meetings",
        ],
    },
    "holme-wood": {
        "summary": "Children and young people in Holme Wood get the right support early, and fewer "
        "are involved in crime and antisocial behaviour.",
        "activities": [
            "Bespoke trauma informed training for schools",
            "Early Help targeted support for 6 year olds",
            "Schools and VCSE network, working with Zarach",
            "Resident led problem based learning",
            "Planning a one stop health shop",
        ],
        "outputs": [
            "Schools trained in trauma informed practice",
            "Schools and VCSE networking lunch",
            "Parents' consultation on a School Hub of Health (250+ responses)",
            "Termly convening partnership meetings",
        ],
    },
    "manningham-girlington": {
        "summary": "Female pupils and parents in Manningham & Girlington have their mental health "
        "needs met, nearer to home and better co-ordinated.",
        "activities": [
            "Healthy Minds offer in every school, explored through the Thrive Model",
            "Living Well Schools offer",
            "School Health Hub for Bradford West at Dixons Allerton Academy",
            "Governors championing mental health",
            "Listening to young people and community groups",
        ],
        "outputs": [
            "Focus groups on the needs of the area",
            "Joint funding bid (final stage of the NHS Charities Together Innovation Challenge)",
            "Termly convening partnership meetings",
        ],
    },
}


def load_demo(context) -> None:
    for slug, data in THEORIES.items():
        focus = context.partnerships[slug].focus_issues.get(status="active")
        services.save_theory(
            focus_issue=focus,
            summary=data["summary"],
            inputs=INPUTS,
            activities=data["activities"],
            outputs=data["outputs"],
            intended_outcomes=list(focus.outcomes.all()),
            impact=IMPACT,
            assumptions=ASSUMPTIONS,
            by=context.people["researcher"],
        )
