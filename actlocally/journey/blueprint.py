"""The Act Locally five-phase blueprint, from "Conditions to Success", Section 5 (shared/seeds/003).

This is data: `sync_blueprint` copies it into the Phase and Step tables (a migration runs it), so a
local authority's copy can be extended in the admin. Step keys are stable: other apps pass them to
`journey.services.record_evidence` to tick a step from evidence.
"""

from enum import StrEnum


class StepKey(StrEnum):
    """Every step's key. Apps name a step by one of these, never by a string they type, so a
    mistyped key fails at import, not silently at run time."""

    BUILD_STRATEGIC_COALITION = "build-strategic-coalition"
    SECURE_BOARD_BACKING = "secure-board-backing"
    IDENTIFY_BACKBONE = "identify-backbone"
    IDENTIFY_RESEARCH_PARTNER = "identify-research-partner"
    IDENTIFY_AREA_OF_FOCUS = "identify-area-of-focus"
    MAP_ASSETS_AND_ALLIES = "map-assets-and-allies"
    PLAN_MONITORING_EVALUATION = "plan-monitoring-evaluation"
    HOLD_LEARNING_SYMPOSIUM = "hold-learning-symposium"
    OUTLINE_PURPOSE = "outline-purpose"
    SHARE_CHALLENGES = "share-challenges"
    IDENTIFY_PEOPLE_PLACES = "identify-people-places"
    IDENTIFY_BARRIERS = "identify-barriers"
    AGREE_THREE_PRIORITIES = "agree-three-priorities"
    DEVELOP_STATEMENT_OF_INTENT = "develop-statement-of-intent"
    DEVELOP_ACTION_PLAN = "develop-action-plan"
    DEVELOP_THEORY_OF_CHANGE = "develop-theory-of-change"
    ESTABLISH_CONVENING_PARTNERSHIP = "establish-convening-partnership"
    SET_MEETING_DATES = "set-meeting-dates"
    SECURE_COMMUNITY_BUDGET = "secure-community-budget"
    INVOLVE_COMMISSIONERS = "involve-commissioners"
    IDENTIFY_SCHOOL_HEALTH_HUB = "identify-school-health-hub"
    PLAN_HUB_OFFER = "plan-hub-offer"
    MONITOR_PROGRESS = "monitor-progress"
    CAPABILITY_ANALYSIS = "capability-analysis"
    COLLECT_DATA = "collect-data"
    COLLECT_CASE_STUDIES = "collect-case-studies"
    COLLECT_FEEDBACK = "collect-feedback"
    COLLATE_EARLY_IMPACT = "collate-early-impact"
    LEARN_FROM_OTHERS = "learn-from-others"
    LESSONS_LEARNED = "lessons-learned"
    SHARE_FINDINGS = "share-findings"
    REFINE_THEORY_OF_CHANGE = "refine-theory-of-change"
    REPLICATE = "replicate"
    NEXT_PRIORITY = "next-priority"


# What is enough evidence for a step to tick itself. Below it the platform marks the step in
# progress and says how far there is to go; the journey page shows each rule ("ticks itself when").
ASSETS_MAPPED = {"assets": 5, "kinds": 2}
ACTION_PLAN = {"actions": 3}


def assets_mapped(*, assets: int, kinds: int) -> bool:
    """ "Map area assets and allies" is done with enough assets, of more than one kind."""
    return assets >= ASSETS_MAPPED["assets"] and kinds >= ASSETS_MAPPED["kinds"]


def action_plan_developed(*, actions_with_owner_and_due_date: int) -> bool:
    """ "Develop an action plan" is done when enough actions say who does them and by when."""
    return actions_with_owner_and_due_date >= ACTION_PLAN["actions"]


PHASES = [
    {
        "number": 1,
        "title": "Access & Connect",
        "summary": "Secure backing, name who does what, choose the area from data and map who is there.",
        "steps": [
            (
                StepKey.BUILD_STRATEGIC_COALITION,
                "Develop a broad coalition of senior support",
                "Through a strategic partnership board, to oversee the whole-system approach and secure authority, permissions and resources.",
                "The local authority has a strategic partnership board with members.",
            ),
            (
                StepKey.SECURE_BOARD_BACKING,
                "Secure buy-in and backing from the strategic partnership",
                "Outline the collective impact approach, the Act Locally methodology and theory of change.",
                "",
            ),
            (
                StepKey.IDENTIFY_BACKBONE,
                "Identify a backbone organisation",
                "The strategic and place-based convenor, facilitator and enabler.",
                "The partnership names its backbone organisation.",
            ),
            (
                StepKey.IDENTIFY_RESEARCH_PARTNER,
                "Identify a research and development partner",
                "To help with data, evidence and research insights, monitoring and evaluation.",
                "The partnership names its research partner.",
            ),
            (
                StepKey.IDENTIFY_AREA_OF_FOCUS,
                "Identify an area of focus",
                "A town, ward, estate or school cluster, or data driven: an area of multiple deprivation.",
                "The partnership's area is defined from deprivation data.",
            ),
            (
                StepKey.MAP_ASSETS_AND_ALLIES,
                "Map area assets and allies",
                "School partnerships and clusters, VCSE organisations and groups, residents who can support and enable.",
                f"At least {ASSETS_MAPPED['assets']} assets of at least {ASSETS_MAPPED['kinds']} kinds are mapped for the area.",
            ),
            (
                StepKey.PLAN_MONITORING_EVALUATION,
                "Plan the monitoring and evaluation framework",
                "With the research partner: robust data capture and impact evaluation.",
                "Indicators with baselines are set for the focus issue.",
            ),
        ],
    },
    {
        "number": 2,
        "title": "Plan & Prioritise",
        "summary": "A learning symposium shares the biggest challenges and agrees three focus priorities.",
        "steps": [
            (
                StepKey.HOLD_LEARNING_SYMPOSIUM,
                "Hold a learning symposium in the area",
                "The backbone brings together senior people from schools, health and care, with parents and community partners.",
                "A symposium is held.",
            ),
            (
                StepKey.OUTLINE_PURPOSE,
                "Outline the purpose",
                "Share the collective impact approach and the Act Locally methodology.",
                "",
            ),
            (
                StepKey.SHARE_CHALLENGES,
                "Share and agree the biggest challenges for children in the area",
                "What are the biggest challenges facing children and young people here?",
                "Challenges are collected at the symposium.",
            ),
            (
                StepKey.IDENTIFY_PEOPLE_PLACES,
                "Identify the people, places, projects and organisations",
                "Who will you work with and through to reach children and families?",
                "People, places, projects and organisations are collected at the symposium.",
            ),
            (
                StepKey.IDENTIFY_BARRIERS,
                "Think about the likely barriers to change",
                "Which resources and permissions will you need from the local authority and others?",
                "Barriers and permissions are collected at the symposium.",
            ),
            (
                StepKey.AGREE_THREE_PRIORITIES,
                "Agree 3 focus priorities, ranked by urgency",
                "The first becomes the partnership's focus issue.",
                "Three priorities are agreed from the ranking.",
            ),
        ],
    },
    {
        "number": 3,
        "title": "Deliver & Act",
        "summary": "A Statement of Intent, an action plan, a theory of change, termly meetings, a budget and a hub.",
        "steps": [
            (
                StepKey.DEVELOP_STATEMENT_OF_INTENT,
                "Develop a Statement of Intent",
                "The problem locally with data and lived experience, agreed actions, desired outcomes and recommendations for commissioners.",
                "A Statement of Intent is agreed.",
            ),
            (
                StepKey.DEVELOP_ACTION_PLAN,
                "Develop an action plan",
                "The actions agreed at the symposium, so the partnership can monitor them.",
                f"The action plan has at least {ACTION_PLAN['actions']} actions, each with an owner and a due date.",
            ),
            (
                StepKey.DEVELOP_THEORY_OF_CHANGE,
                "Develop a theory of change for the focus issue",
                "",
                "A theory of change exists for the focus issue.",
            ),
            (
                StepKey.ESTABLISH_CONVENING_PARTNERSHIP,
                "Establish the convening partnership",
                "Those who attended the symposium, plus community representatives and young people.",
                "The partnership has members, including a community representative or young person.",
            ),
            (
                StepKey.SET_MEETING_DATES,
                "Set convening partnership meeting dates",
                "The backbone organisation facilitates termly meetings.",
                "Partnership meetings are scheduled.",
            ),
            (
                StepKey.SECURE_COMMUNITY_BUDGET,
                "Secure a community budget",
                "To commission support from local VCSE organisations, avoiding duplication.",
                "A community budget round is open.",
            ),
            (
                StepKey.INVOLVE_COMMISSIONERS,
                "Involve commissioners and others",
                "Secure further permissions and resources for the focus issue.",
                "Recommendations are sent to commissioners.",
            ),
            (
                StepKey.IDENTIFY_SCHOOL_HEALTH_HUB,
                "Identify a School Health Hub within the area",
                "An accessible school site for co-located, integrated 'cradle to career' support.",
                "A School Health Hub is named.",
            ),
            (
                StepKey.PLAN_HUB_OFFER,
                "Plan the School Health Hub offer",
                "One-stop-shop days, a weekly timetable of services, a co-located multi-disciplinary offer.",
                "The hub publishes its services and timetable.",
            ),
        ],
    },
    {
        "number": 4,
        "title": "Review & Learn",
        "summary": "Monitor progress, rate the partnership's capability, collect evidence and feedback.",
        "steps": [
            (
                StepKey.MONITOR_PROGRESS,
                "Monitor progress",
                "Against the theory of change and the evaluation framework.",
                "Indicators are updated after their baseline.",
            ),
            (
                StepKey.CAPABILITY_ANALYSIS,
                "Carry out a capability analysis",
                "The partnership RAG-rates itself against six self-evaluation areas.",
                "A capability analysis is recorded.",
            ),
            (
                StepKey.COLLECT_DATA,
                "Collect data sources linked to the priority",
                "To demonstrate improvement.",
                "",
            ),
            (StepKey.COLLECT_CASE_STUDIES, "Collect case studies", "To demonstrate impact.", ""),
            (
                StepKey.COLLECT_FEEDBACK,
                "Collect feedback",
                "From commissioners and community budget recipients and beneficiaries.",
                "",
            ),
            (
                StepKey.COLLATE_EARLY_IMPACT,
                "Collate early impact",
                "As defined by the partnership.",
                "Early impact is recorded.",
            ),
            (StepKey.LEARN_FROM_OTHERS, "Learn from other place-based models", "", ""),
        ],
    },
    {
        "number": 5,
        "title": "Share & Refine",
        "summary": "Reflect with the board and the community, share findings, refine, replicate, move on.",
        "steps": [
            (
                StepKey.LESSONS_LEARNED,
                "Reflect on lessons learned",
                "With the strategic partnership and the convening partnership, community and young people included.",
                "",
            ),
            (StepKey.SHARE_FINDINGS, "Share findings on method and impact", "", ""),
            (
                StepKey.REFINE_THEORY_OF_CHANGE,
                "Refine the theory of change and methodology",
                "",
                "",
            ),
            (StepKey.REPLICATE, "Replicate the blueprint in the next area", "", ""),
            (
                StepKey.NEXT_PRIORITY,
                "Move on to the next priority",
                "Tackle one issue at one time: when enough is happening, take the next agreed priority.",
                "The partnership moves on to a new focus issue.",
            ),
        ],
    },
]
