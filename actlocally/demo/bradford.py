"""The three Bradford Act Locally partnerships, as the public source material describes them.

Source: shared/seeds/002 ("Background and Context") and 003 ("Conditions to Success"). Focus
issues, data statements, intended outcomes, journey timelines and early impact are quoted or
lightly tidied (typos fixed). Where the material is cut off or contradicts itself, the comment says
what was done. No identifiers (URNs, charity numbers) are given: the material names none.
"""

import datetime as dt

D = dt.date

LOCAL_AUTHORITY = {"code": "E08000032", "name": "Bradford"}

BOARD = {
    "name": "Education Alliance for Life Chances Partnership Board",
    "purpose": (
        "A cross-sector, multi-agency strategic partnership of system leaders from schools and the "
        "public and voluntary sector, which provides the permissions, resources and vision needed "
        "to connect services around families via schools. Expanded to 20 representative "
        "organisations from across Bradford."
    ),
}

# name, sector, description
ORGANISATIONS = [
    (
        "Education Alliance for Life Chances",
        "vcse",
        "A collective impact organisation connecting the major organisations concerned with children's "
        "wellbeing with Bradford's schools. Hosted by Bradford Birth to 19. The backbone for Act Locally.",
    ),
    (
        "Centre for Applied Education Research",
        "research",
        "CAER: the research and development arm for the Bradford District, connecting academic research "
        "with practitioners.",
    ),
    (
        "Born in Bradford",
        "research",
        "Research programme following the health and wellbeing of Bradford families.",
    ),
    ("Age of Wonder", "research", "Born in Bradford's research with Bradford's young people."),
    (
        "University of Leeds",
        "research",
        "Led the ActEarly: Holme Wood project; runs the LIDA Open Data Science for Schools project.",
    ),
    ("City of Bradford Metropolitan District Council", "local_authority", "The local authority."),
    ("Bradford Council Public Health", "local_authority", "Public Health at the local authority."),
    ("Bradford Youth Service", "local_authority", "The local authority's youth service."),
    (
        "Bradford Family Hubs and Early Help",
        "local_authority",
        "Family Hub and Early Help services.",
    ),
    (
        "Bradford Children and Families Trust",
        "local_authority",
        "Children's social care for the district.",
    ),
    ("West Yorkshire Police", "police", ""),
    ("NHS West Yorkshire Integrated Care Board", "health", "The ICB: commissions NHS services."),
    (
        "Bradford District Care NHS Foundation Trust",
        "health",
        "Community and mental health services.",
    ),
    ("NHS England", "health", ""),
    (
        "Bradford District and Craven Health and Care Partnership",
        "health",
        "Gave the Celebrate as One awards.",
    ),
    ("Dixons Academies Trust", "trust", ""),
    ("Dixons Allerton Academy", "school", "Base of the School Health Hub for Bradford West."),
    ("Oastlers School", "school", ""),
    ("Oasis Lister Academy Community Group", "community", ""),
    ("Girlington Centre", "community", "Community centre in Girlington."),
    ("Zarach", "vcse", "Charity working with families in Holme Wood."),
    ("The VCS Alliance", "vcse", "Trains and supports partnerships in Participatory Grant Making."),
    ("Bradford Citizens Alliance", "community", ""),
    ("Sustainable Food Places", "vcse", "Network behind the Keighley Food Conversation."),
]

# The partners every convening partnership names ("Our convening partnership includes …").
COMMON_PARTNERS = [
    "City of Bradford Metropolitan District Council",
    "Bradford Children and Families Trust",
    "Bradford Council Public Health",
    "NHS West Yorkshire Integrated Care Board",
    "Bradford Youth Service",
    "Bradford Family Hubs and Early Help",
    "Born in Bradford",
    "Age of Wonder",
]

# The shared history every area's journey starts with.
SHARED_HISTORY = [
    (
        D(2018, 1, 1),
        D(2022, 1, 1),
        "year",
        "milestone",
        "Bradford Opportunity Area",
        "Delivery of our £15m DfE funded predecessor programme to improve the social mobility of Bradford's children and young people.",
    ),
    (
        D(2019, 1, 1),
        D(2022, 1, 1),
        "year",
        "milestone",
        "ActEarly: Holme Wood project",
        "Empowered the community and stakeholders to incorporate data science into public services and policy.\n"
        "Created a replicable model (Act Locally) to better align and target services based on local circumstances.",
    ),
    (
        D(2022, 1, 1),
        D(2022, 7, 1),
        "month",
        "milestone",
        "Partnership Board commitment secured",
        "Secured Bradford Opportunity Area Partnership Board commitment to continue to work together and develop legacy plans.\n"
        "Agreed to focus on delivering data driven, whole system, place based approaches in Bradford.",
    ),
    (
        D(2022, 8, 1),
        None,
        "month",
        "document",
        "12 point plan published",
        "Our 12 point plan to improve social mobility and lessons learned from the Bradford Opportunity Area programme.",
    ),
    (
        D(2022, 7, 1),
        None,
        "month",
        "milestone",
        "Education Alliance for Life Chances launched",
        "Launch of our ambition and intent to tackle structural inequalities and improve social mobility through a partnership vehicle.",
    ),
    (
        D(2022, 8, 1),
        D(2023, 5, 1),
        "month",
        "milestone",
        "EALC strategic mission set",
        "Secured EALC's governance and aligned with the Centre for Applied Education Research.\n"
        "Expanded our partnership board to 20 representative organisations from across Bradford.",
    ),
]

PARTNERSHIPS = [
    {
        "slug": "keighley",
        "name": "Act Locally: Keighley",
        "area_name": "Keighley Central",
        "area_description": (
            "Central Keighley, in Keighley Central ward. Chosen for its levels of multiple deprivation: "
            "one of the most deprived areas in the Bradford district."
        ),
        "summary": (
            "Our first Act Locally partnership is working with schools and community leaders to respond "
            "to food insecurity, poor diet and oral health concerns in one of Bradford's most deprived areas."
        ),
        "partners": [
            *COMMON_PARTNERS,
            "West Yorkshire Police",
            "Sustainable Food Places",
            "University of Leeds",
        ],
        "focus": {
            "title": "Tackling food insecurity, poor diet and nutrition",
            "started_on": D(2023, 10, 6),
            "summary": (
                "Central Keighley is one of the most deprived areas in the Bradford district. Over half of "
                "families living in the area are classed as living in a low income household (recipient of "
                "two or more welfare benefits).\n"
                "8.2% of adults experienced hunger in 2021 and on average nearly 20% of families struggled "
                "to access food. 11% of adults described themselves as 'worrying' about not having enough food.\n"
                "Keighley has a 6.5% higher level of obesity than the national average and a 6.4% lower level "
                "of healthy eating (5 portions of fruit and vegetables a day)."
            ),
            "outcomes": [
                "Young people and children in central Keighley are food secure and have their nutritional needs met (eating regular balanced meals).",
                "Our work is recognised as a place based contribution to supporting Bradford's Good Food Strategy.",
                "Keighley schools find the local offer (schools signposting resource) helpful in signposting families to local support beyond the school gates.",
                "School absence due to dental reasons is reduced compared to 2022/23 data.",
                "Local businesses support our ambition for Keighley pupils and families to be food secure.",
                "Further research is produced that references our local action.",
                "Increase the take up of Keighley families eligible for government vouchers, schemes or further support.",
                "Evaluation provided by CAER/Age of Wonder enables us to monitor the success and take up of our work.",
            ],
        },
        "timeline": [
            (
                D(2022, 4, 1),
                D(2022, 6, 1),
                "month",
                "engagement",
                "Place based engagement to identify key issues in Keighley",
                "Key priorities:\nFood insecurity, diet and nutrition\nLack of aspiration and role models\nSupporting neurodiverse children",
            ),
            (
                D(2023, 10, 6),
                None,
                "day",
                "symposium",
                "Learning symposium on our key priority: food insecurity, diet and nutrition",
                "To agree a set of local actions and recommendations for commissioners",
            ),
            (
                D(2023, 10, 19),
                None,
                "day",
                "recognition",
                "Highly Commended at the Celebrate as One Awards",
                "Awarded by the Bradford District and Craven Health and Care Partnership, Research Initiative of the Year",
            ),
            (D(2023, 11, 24), None, "day", "meeting", "Convening partnership meeting", ""),
            (
                D(2024, 2, 23),
                None,
                "day",
                "meeting",
                "Convening partnership meeting",
                "Focus: supervised tooth brushing (BRUSH) and recording school absences for dental reasons",
            ),
            (
                D(2024, 4, 26),
                None,
                "day",
                "meeting",
                "Convening partnership meeting",
                "Focus: community dental service, Healthy Start vouchers, Bradford Food Survey",
            ),
            (
                D(2024, 10, 7),
                None,
                "day",
                "meeting",
                "Convening partnership meeting",
                "Feedback from session with commissioners and next steps\nFeedback from Keighley Food Conversation\nOur convening partnership capability analysis",
            ),
        ],
        "early_impact": [
            "Working to develop a Keighley campaign for supervised tooth brushing",
            "Offering Keighley schools and practitioners Healthy Start Champions training",
            "Keighley schools agree to record school absences due to dental reasons",
            "'Keighley Food Conversation' event to be held in autumn 2024 on behalf of Sustainable Food Places",
            "Purchased over 2,500 tooth brushing kits for nursery and primary school pupils",
            "Achieved Highly Commended in the 'Celebrate as One' Bradford District Healthcare Awards 2023 for research initiative of the year",
            "Collaborated with academic experts from Born in Bradford, the university and more",
            "LIDA Open Data Science for Schools Project (LODSS) running for its second year",
            "Increasing provision of activity outside the school gate (e.g. Coding Club)",
        ],
        # step key -> (status, date, evidence) from the source material
        "journey": {
            "secure-board-backing": (
                "done",
                D(2022, 7, 1),
                "Board commitment secured, January to July 2022",
            ),
            "identify-area-of-focus": (
                "done",
                D(2022, 6, 1),
                "Identified on levels of multiple deprivation",
            ),
            "map-assets-and-allies": (
                "in_progress",
                None,
                "Schools signposting resource (local offer) in development",
            ),
            "plan-monitoring-evaluation": (
                "in_progress",
                None,
                "Evaluation by CAER and Age of Wonder",
            ),
            "hold-learning-symposium": (
                "done",
                D(2023, 10, 6),
                "Learning symposium, 6 October 2023",
            ),
            "share-challenges": (
                "done",
                D(2022, 6, 1),
                "Place based engagement, April to June 2022",
            ),
            "agree-three-priorities": (
                "done",
                D(2022, 6, 1),
                "Food insecurity; lack of aspiration and role models; supporting neurodiverse children",
            ),
            "develop-statement-of-intent": ("done", None, "Statement of Intent agreed"),
            "develop-action-plan": (
                "done",
                None,
                "Action plan developed from the Statement of Intent",
            ),
            "set-meeting-dates": ("done", D(2023, 11, 24), "Termly convening partnership meetings"),
            "involve-commissioners": ("done", D(2024, 10, 7), "Session with commissioners"),
            "capability-analysis": (
                "done",
                D(2024, 10, 7),
                "Capability analysis at the October 2024 meeting",
            ),
            "collect-feedback": (
                "in_progress",
                D(2024, 10, 7),
                "Feedback from the session with commissioners",
            ),
        },
    },
    {
        "slug": "holme-wood",
        "name": "Act Locally: Holme Wood",
        "area_name": "Holme Wood",
        "area_description": (
            "The Holme Wood estate, in Tong ward: one of the most deprived areas in the Bradford district, "
            "and home of the ActEarly: Holme Wood project (2019 to 2022)."
        ),
        "summary": (
            "Schools are leading a cross-sector response to support children and young people vulnerable "
            "to crime and antisocial behaviour, with a focus on early intervention and community-led action."
        ),
        "partners": [*COMMON_PARTNERS, "West Yorkshire Police", "Zarach", "University of Leeds"],
        "focus": {
            "title": "Children and young people vulnerable to crime and antisocial behaviour",
            "started_on": D(2023, 11, 22),
            "summary": (
                "Holme Wood is one of the most deprived areas in the Bradford district, with 47% of families "
                "classed as living in a low income household (recipient of two or more welfare benefits) and "
                "high rates of children living in care (130 in every 10,000).\n"
                "It has the third highest crime rate of any area in the Bradford district: 243 crimes per 1,000 "
                "people, 52% higher than the average for Bradford.\n"
                "48% more adults in Holme Wood have no qualifications than in Bradford as a whole. 29.9% of "
                "people aged 15 and over are regular smokers (highest in Bradford) and 14.3% are obese "
                "(third highest)."
            ),
            "outcomes": [
                "Young people feel a sense of community pride and belonging to Holme Wood.",
                "Our Holme Wood community feel engaged and part of the conversation about suggesting solutions.",
                "Young people and children vulnerable to crime and antisocial behaviour get the right support to tackle issues earlier.",
                "The number of children and young people involved in crime and antisocial behaviour reduces compared to 2022/23 data.",
                "Our local schools and VCSE organisations work together (as a network) to find solutions and understand each other's work.",
                "Schools and local agencies better understand the vulnerabilities and patterns of risk that lead to children and young people being involved with crime and antisocial behaviour locally.",
                "Develop a local support offer that is joined up and co-ordinated, with sharing information between agencies not a barrier.",
                "Schools and local agencies are trauma informed in their understanding of the issue and in the support they provide to children and families.",
                "Inward investment develops support and interventions that better meet local needs.",
                "Evaluation provided by CAER/Age of Wonder enables us to monitor the success and take up of our work.",
            ],
        },
        "timeline": [
            (
                D(2022, 2, 1),
                D(2022, 6, 1),
                "month",
                "engagement",
                "Place based engagement to identify key issues in Holme Wood",
                "Key priorities:\nCrime and antisocial behaviour\nSupporting neurodiverse children",
            ),
            # The source names this symposium's priority as food insecurity, evidently copied from
            # Keighley's; Holme Wood's focus is crime and antisocial behaviour, so it is left out.
            (
                D(2023, 11, 22),
                None,
                "day",
                "symposium",
                "Learning symposium on our key priority",
                "To agree a set of local actions and recommendations for commissioners",
            ),
            (
                D(2024, 1, 24),
                None,
                "day",
                "engagement",
                "Schools and VCSE networking lunch",
                "Understand how to better work together\nExploring early help for 6 year olds",
            ),
            (
                D(2024, 2, 20),
                None,
                "day",
                "meeting",
                "Convening partnership meeting",
                "Review actions",
            ),
            (
                D(2024, 4, 25),
                None,
                "day",
                "meeting",
                "Convening partnership meeting",
                "Review actions\nResident led problem based learning session",
            ),
            (
                D(2024, 5, 21),
                None,
                "day",
                "meeting",
                "Task and finish group",
                "Act Locally model\nNational Lottery bid\nSchool Hub development",
            ),
            (
                D(2024, 6, 13),
                None,
                "day",
                "meeting",
                "Convening partnership meeting",
                "Review actions",
            ),
            # The source dates this meeting 20 February 2024, but lists it after June 2024 and it
            # reviews the summer consultation: read as 20 February 2025.
            (
                D(2025, 2, 20),
                None,
                "day",
                "meeting",
                "Convening partnership meeting",
                "Review of summer consultation on school health hub\nWork of the Holme Wood Community Safety Partnership\n"
                "Planning our Holme Wood one stop health shop\nConvening partnership capability analysis",
            ),
        ],
        # Some lines are cut off in the source; they are completed from the timeline above.
        "early_impact": [
            "Schools and VCSE networking lunch held for better joint working",
            "Increasing provision of activity outside the school gate (e.g. Coding Club)",
            "Local residents involved in a problem based learning exercise to generate solutions",
            "Parents' consultation for the School Hub of Health completed (250+ responses)",
            "Early Help team agreed to provide targeted support for 6 year olds",
            "Working with Zarach in Holme Wood",
            "Delivering bespoke trauma informed training to schools",
        ],
        "journey": {
            "secure-board-backing": (
                "done",
                D(2022, 7, 1),
                "Board commitment secured, January to July 2022",
            ),
            "identify-area-of-focus": (
                "done",
                D(2022, 6, 1),
                "Identified on levels of multiple deprivation",
            ),
            "map-assets-and-allies": (
                "in_progress",
                D(2024, 1, 24),
                "Schools and VCSE networking lunch",
            ),
            "plan-monitoring-evaluation": (
                "in_progress",
                None,
                "Evaluation by CAER and Age of Wonder",
            ),
            "hold-learning-symposium": (
                "done",
                D(2023, 11, 22),
                "Learning symposium, 22 November 2023",
            ),
            "share-challenges": (
                "done",
                D(2022, 6, 1),
                "Place based engagement, February to June 2022",
            ),
            "agree-three-priorities": (
                "in_progress",
                D(2022, 6, 1),
                "Two key priorities agreed so far",
            ),
            "develop-statement-of-intent": ("done", None, "Statement of Intent agreed"),
            "develop-action-plan": ("done", None, "Action plan reviewed at each meeting"),
            "set-meeting-dates": ("done", D(2024, 2, 20), "Termly convening partnership meetings"),
            "identify-school-health-hub": (
                "in_progress",
                None,
                "Parents' consultation on the School Hub of Health (250+ responses)",
            ),
            "plan-hub-offer": (
                "in_progress",
                D(2025, 2, 20),
                "Planning our Holme Wood one stop health shop",
            ),
            "capability-analysis": (
                "done",
                D(2025, 2, 20),
                "Capability analysis at the February 2025 meeting",
            ),
        },
    },
    {
        "slug": "manningham-girlington",
        "name": "Act Locally: Manningham & Girlington",
        "area_name": "Manningham & Girlington",
        "area_description": (
            "Manningham ward and Girlington, a defined area in City ward: neighbours, often talked about "
            "together, both in the Bradford West constituency. Manningham is the most deprived ward in the "
            "district by the 2019 Index of Multiple Deprivation."
        ),
        "summary": (
            "This partnership is focusing on the mental health of female pupils and parents, bringing "
            "together education, health and community services to co-ordinate support and raise awareness."
        ),
        "partners": [
            *COMMON_PARTNERS,
            "NHS England",
            "Bradford District Care NHS Foundation Trust",
            "Dixons Academies Trust",
            "Dixons Allerton Academy",
            "Oastlers School",
            "Oasis Lister Academy Community Group",
            "Girlington Centre",
            "Bradford Citizens Alliance",
        ],
        "focus": {
            "title": "Tackling poor mental health of female pupils and parents",
            "started_on": D(2023, 7, 1),
            "summary": (
                "Manningham is ranked as the most deprived ward in the District by the 2019 Index of Multiple "
                "Deprivation.\n"
                "In 2019 Manningham ward had the lowest life expectancy in the Bradford district for both males "
                "and females: 10 years less than in Wharfedale, the most affluent area of the District.\n"
                "Manningham and Girlington has the highest infant mortality rates across the Bradford District.\n"
                "Manningham has the second highest level of mothers screened for depression at 6 to 8 weeks after birth."
            ),
            "outcomes": [
                "Young people have their mental health needs met. They are engaged in our conversation (through Bradford Citizens Alliance and our convening partnership) about what they want and need.",
                "All schools in Manningham & Girlington use the Living Well Schools offer.",
                "All schools in Manningham & Girlington access the 'Healthy Minds' offer (e.g. Mental Health Senior Leads Training, Mental Health Champions in Schools, Healthy Minds Chartermark and Directory of Services).",
                "School governors oversee and champion mental health in schools, encouraging take up.",
                "Our community voices and representatives are reflected through our VCSE partners supporting engagement and conversation.",
                "Families access support that is nearer to where they live and better co-ordinated through our Hub of integrated, co-located services.",
                "Success is measured with the support of CAER/Age of Wonder evaluation, to monitor the take up and impact of this work.",
            ],
        },
        "timeline": [
            (
                D(2022, 3, 1),
                D(2022, 6, 1),
                "month",
                "engagement",
                "Place based engagement to identify key issues in Manningham & Girlington",
                "Key priorities:\nMental health of women and girls\nSchool attendance\nSupporting neurodiverse children",
            ),
            (
                D(2023, 7, 1),
                None,
                "month",
                "symposium",
                "Learning symposium on our key priority: mental health",
                "Agreed a set of local actions and recommendations for commissioners",
            ),
            (
                D(2023, 8, 1),
                None,
                "month",
                "document",
                "Statement of Intent developed",
                "Contextualising the issue, the data, our understanding, our actions and recommendations for commissioners",
            ),
            (
                D(2023, 12, 1),
                None,
                "month",
                "meeting",
                "Convening partnership meeting",
                "Input from young people\nReviewed and updated action plan",
            ),
            (
                D(2024, 2, 7),
                None,
                "day",
                "meeting",
                "Convening partnership meeting",
                "Reviewed actions from previous meetings\nExplored the Thrive Model for Healthy Minds",
            ),
            (
                D(2024, 6, 4),
                None,
                "day",
                "meeting",
                "Task and finish group",
                "Act Locally model\nNational Lottery bid\nSchool Hub development",
            ),
            (
                D(2024, 6, 12),
                None,
                "day",
                "meeting",
                "Convening partnership meeting",
                "Input from Oasis Lister Academy Community Group",
            ),
            (
                D(2024, 6, 1),
                D(2024, 10, 1),
                "month",
                "milestone",
                "Joint funding bid",
                "Collaborative work with EALC, Bradford District Care Trust, Dixons Academy and Oastlers on a funding bid\n"
                "Through to the final stage of the NHS Charities Together Innovation Challenge",
            ),
            (
                D(2024, 9, 12),
                None,
                "day",
                "meeting",
                "Convening partnership meeting",
                "Input from Girlington Centre\nReview of impact over the last academic year\n"
                "Feedback from south Asian girls and neurodiversity project\nConvening partnership capability analysis",
            ),
        ],
        "early_impact": [
            "Held focus groups to better understand the needs of the area and how a better system can be developed",
            "Developing a School Health Hub for Bradford West based at Dixons Allerton Academy",
            "Increasing provision of activity outside the school gate (e.g. Coding Club)",
        ],
        "journey": {
            "secure-board-backing": (
                "done",
                D(2022, 7, 1),
                "Board commitment secured, January to July 2022",
            ),
            "identify-area-of-focus": (
                "done",
                D(2022, 6, 1),
                "Identified on levels of multiple deprivation",
            ),
            "map-assets-and-allies": (
                "in_progress",
                None,
                "Partners include local schools and community groups",
            ),
            "plan-monitoring-evaluation": (
                "in_progress",
                None,
                "Evaluation support from CAER and Age of Wonder",
            ),
            "hold-learning-symposium": ("done", D(2023, 7, 1), "Learning symposium, July 2023"),
            "share-challenges": (
                "done",
                D(2022, 6, 1),
                "Place based engagement, March to June 2022",
            ),
            "agree-three-priorities": (
                "done",
                D(2022, 6, 1),
                "Mental health of women and girls; school attendance; supporting neurodiverse children",
            ),
            "develop-statement-of-intent": (
                "done",
                D(2023, 8, 1),
                "M&G Statement of Intent, August 2023",
            ),
            "develop-action-plan": (
                "done",
                D(2023, 12, 1),
                "Action plan reviewed and updated, December 2023",
            ),
            "set-meeting-dates": ("done", D(2023, 12, 1), "Termly convening partnership meetings"),
            "identify-school-health-hub": ("done", None, "Dixons Allerton Academy"),
            "capability-analysis": (
                "done",
                D(2024, 9, 12),
                "Capability analysis at the September 2024 meeting",
            ),
        },
    },
]

# persona key -> (partnership slug, role, organisation name)
MEMBERSHIPS = [
    ("coordinator", "keighley", "coordinator", "Education Alliance for Life Chances"),
    ("coordinator_hw", "holme-wood", "coordinator", "Education Alliance for Life Chances"),
    (
        "coordinator_mg",
        "manningham-girlington",
        "coordinator",
        "Education Alliance for Life Chances",
    ),
    ("researcher", "keighley", "research_partner", "Centre for Applied Education Research"),
    ("researcher", "holme-wood", "research_partner", "Centre for Applied Education Research"),
    (
        "researcher",
        "manningham-girlington",
        "research_partner",
        "Centre for Applied Education Research",
    ),
    ("member", "keighley", "member", None),
    ("commissioner", "keighley", "commissioner", "NHS West Yorkshire Integrated Care Board"),
    ("police", "holme-wood", "member", "West Yorkshire Police"),
    ("young_person", "holme-wood", "young_person", None),
    ("community", "manningham-girlington", "community_rep", "Girlington Centre"),
    ("observer", "manningham-girlington", "observer", None),
]

# persona key -> (board role, organisation name)
BOARD_MEMBERSHIPS = [
    ("backbone", "backbone", "Education Alliance for Life Chances"),
    ("board", "chair", "City of Bradford Metropolitan District Council"),
]
