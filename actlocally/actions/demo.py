"""Demo action plans for the three Bradford partnerships, from shared/seeds/002.

The actions are the ones the source names (early impact, meeting topics, intended outcomes). The
source gives no owners, due dates or statuses: owners are the demo personas, and dates and
statuses are illustrative, set relative to the day the demo is loaded so that each plan always
shows some actions on track, at risk, overdue and done. Each action says so in its first note.
Actions agreed at a meeting are added by the meetings demo, from the minutes.
"""

import datetime

from django.utils import timezone

from . import services

ILLUSTRATIVE = "Illustrative: the source material gives no due date or status for this action."

# slug -> [(title, description, owner persona, organisation or None, outcome number,
#           status, due in days from today (negative: past), [(days ago, progress note)])]
ACTIONS = {
    "keighley": [
        (
            "Develop a Keighley campaign for supervised tooth brushing (BRUSH)",
            "Supervised tooth brushing in nurseries and primary schools, working to improve "
            "children's oral health using a school based solution.",
            "coordinator",
            "Education Alliance for Life Chances",
            4,
            "on_track",
            90,
            [
                (
                    300,
                    "Purchased over 2,500 tooth brushing kits for nursery and primary school pupils.",
                )
            ],
        ),
        (
            "Offer Healthy Start Champions training to Keighley schools and practitioners",
            "So that staff can help eligible families apply for Healthy Start vouchers.",
            "coordinator",
            "Education Alliance for Life Chances",
            7,
            "on_track",
            45,
            [(200, "Training offered to Keighley schools and practitioners.")],
        ),
        (
            "Increase take-up of Healthy Start vouchers by eligible Keighley families",
            "Find out how many eligible families do not claim, and why; work with schools and "
            "Family Hubs to close the gap.",
            "commissioner",
            "NHS West Yorkshire Integrated Care Board",
            7,
            "at_risk",
            30,
            [(20, "Take-up figures for Keighley are not yet available from the national scheme.")],
        ),
        (
            "Develop the local offer: a schools signposting resource",
            "A resource Keighley schools use to signpost families to local support beyond the "
            "school gates.",
            "researcher",
            "Centre for Applied Education Research",
            3,
            "not_started",
            -14,
            [],
        ),
        (
            "Hold the Keighley Food Conversation on behalf of Sustainable Food Places",
            "An event in autumn 2024 contributing to Bradford's Good Food Strategy.",
            "coordinator",
            "Sustainable Food Places",
            2,
            "done",
            -760,
            [
                (
                    780,
                    "Feedback from the Keighley Food Conversation taken to the October 2024 meeting.",
                )
            ],
        ),
    ],
    "holme-wood": [
        (
            "Deliver bespoke trauma informed training to schools",
            "So that schools and local agencies are trauma informed in their understanding of the "
            "issue and in the support they provide to children and families.",
            "coordinator_hw",
            "Education Alliance for Life Chances",
            8,
            "on_track",
            60,
            [(400, "Training sessions under way with Holme Wood schools.")],
        ),
        (
            "Early Help targeted support for 6 year olds",
            "Explored at the schools and VCSE networking lunch, 24 January 2024.",
            "coordinator_hw",
            "Bradford Family Hubs and Early Help",
            3,
            "on_track",
            120,
            [(950, "Early Help team agreed to provide targeted support for 6 year olds.")],
        ),
        (
            "Build the Holme Wood schools and VCSE network",
            "Local schools and VCSE organisations work together to find solutions and understand "
            "each other's work, including with Zarach.",
            "coordinator_hw",
            "Zarach",
            5,
            "on_track",
            75,
            [(1030, "Schools and VCSE networking lunch held, 24 January 2024.")],
        ),
        (
            "Plan our Holme Wood one stop health shop",
            "Building on the parents' consultation on a School Hub of Health (250+ responses).",
            "coordinator_hw",
            "Education Alliance for Life Chances",
            7,
            "at_risk",
            20,
            [(10, "A school site is not yet confirmed for the first one stop shop day.")],
        ),
        (
            "Share patterns of risk with schools and local agencies",
            "Bring the work of the Holme Wood Community Safety Partnership to the convening "
            "partnership, with what police data shows about when children become involved.",
            "police",
            "West Yorkshire Police",
            6,
            "not_started",
            -21,
            [],
        ),
    ],
    "manningham-girlington": [
        (
            "Every Manningham & Girlington school accesses the Healthy Minds offer",
            "Mental Health Senior Leads Training, Mental Health Champions in Schools, the Healthy "
            "Minds Chartermark and Directory of Services.",
            "coordinator_mg",
            "Education Alliance for Life Chances",
            3,
            "on_track",
            100,
            [(1020, "Explored the Thrive Model for Healthy Minds at the 7 February 2024 meeting.")],
        ),
        (
            "Every school uses the Living Well Schools offer",
            "",
            "coordinator_mg",
            "Bradford Council Public Health",
            2,
            "at_risk",
            40,
            [(15, "Two schools have not yet taken up the offer.")],
        ),
        (
            "Develop a School Health Hub for Bradford West at Dixons Allerton Academy",
            "A base for co-located, integrated services, nearer to where families live.",
            "coordinator_mg",
            "Dixons Allerton Academy",
            6,
            "on_track",
            150,
            [
                (
                    700,
                    "Joint funding bid through to the final stage of the NHS Charities Together Innovation Challenge.",
                )
            ],
        ),
        (
            "School governors oversee and champion mental health",
            "Encouraging take up of the offers in every school.",
            "coordinator_mg",
            "Dixons Academies Trust",
            4,
            "not_started",
            -10,
            [],
        ),
        (
            "Hear from young people about what they want and need",
            "Through Bradford Citizens Alliance and the convening partnership.",
            "community",
            "Girlington Centre",
            1,
            "on_track",
            60,
            [(1080, "Input from young people at the December 2023 meeting.")],
        ),
    ],
}


def load_demo(context) -> None:
    today = timezone.localdate()
    now = timezone.now()
    for slug, rows in ACTIONS.items():
        partnership = context.partnerships[slug]
        outcomes = {
            o.order: o for o in partnership.focus_issues.get(status="active").outcomes.all()
        }
        for title, description, owner, org, outcome, status, due_in, notes in rows:
            action = services.create_action(
                partnership=partnership,
                title=title,
                description=description,
                owner=context.people[owner],
                owner_organisation=context.organisations[org] if org else None,
                due_on=today + datetime.timedelta(days=due_in),
                status=status,
                outcome=outcomes[outcome],
                by=context.by,
            )
            services.add_progress(
                action=action,
                status=status,
                note=ILLUSTRATIVE,
                at=now - datetime.timedelta(days=1100),
                by=context.by,
            )
            for days_ago, text in notes:
                services.add_progress(
                    action=action,
                    status=status,
                    note=text,
                    at=now - datetime.timedelta(days=days_ago),
                    by=context.people[owner],
                )
