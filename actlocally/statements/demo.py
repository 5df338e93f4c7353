"""An agreed Statement of Intent for each Bradford partnership, true to "Background and Context"
(shared/seeds/002): its "data tells us" statements as facts, its intended outcomes as desired
outcomes and the actions its early impact names. The source quotes no one and does not list the
recommendations, so quotes and recommendations here are marked illustrative, as are the dates the
source does not give (only Manningham & Girlington's, August 2023, is in the source). Lead
organisations follow the source where it names one (the Early Help team, the hub at Dixons Allerton
Academy); elsewhere they are our reading of who would lead, and blank where no one fits."""

import datetime as dt

from actlocally.partnerships.models import DatePrecision

from . import services
from .models import Recommendation

SOURCE = "EALC Background and Context"
ILLUSTRATIVE_CONSENT = "Illustrative: not a real quote (the source material quotes no one)"

STATEMENTS = {
    "keighley": {
        "facts": [
            (
                "",
                "Central Keighley is one of the most deprived areas in the Bradford district.",
                None,
            ),
            (
                "Over half",
                "of families living in the area are classed as living in a low income household "
                "(recipient of two or more welfare benefits).",
                None,
            ),
            ("8.2%", "of adults experienced hunger.", 2021),
            ("Nearly 20%", "of families, on average, struggled to access food.", None),
            (
                "11%",
                "of adults described themselves as 'worrying' about not having enough food: food "
                "insecurity also affects mental health.",
                None,
            ),
            ("6.5% higher", "level of obesity in Keighley than the national average.", None),
            (
                "6.4% lower",
                "level of healthy eating (5 portions of fruit and vegetables a day) than the rest "
                "of the UK.",
                None,
            ),
        ],
        "charts": [
            {
                "title": "Food insecurity in Keighley",
                "unit": "%",
                "source": SOURCE,
                "year": None,
                "points": [
                    {"label": "Adults who experienced hunger (2021)", "value": 8.2},
                    {"label": "Adults worried about having enough food", "value": 11},
                    {"label": "Families who struggled to access food (nearly)", "value": 20},
                ],
                "illustrative": False,
            }
        ],
        "quotes": [
            (
                "By the end of the month there isn't always enough for a proper tea, and the kids "
                "notice.",
                "parent, Keighley place-based engagement, 2022",
            ),
        ],
        "actions": [
            (
                "Develop a Keighley campaign for supervised tooth brushing in nurseries and "
                "primary schools.",
                "Bradford Council Public Health",
            ),
            (
                "Keighley schools record school absences due to dental reasons, so the 2022/23 "
                "baseline can be compared.",
                None,
            ),
            (
                "Offer Keighley schools and practitioners Healthy Start Champions training, and "
                "increase the take up of Healthy Start by eligible families.",
                "Bradford Family Hubs and Early Help",
            ),
            (
                "Keep the schools signposting resource (local offer) up to date so schools can "
                "signpost families to support beyond the school gates.",
                "Education Alliance for Life Chances",
            ),
        ],
        "recommendations": [
            (
                "Commission supervised tooth brushing for every nursery and primary school in "
                "central Keighley, with the kits and staff time it needs.",
                "Bradford Council Public Health",
            ),
            (
                "Make community dental service appointments easier to reach for Keighley "
                "children whose school absence is due to dental reasons.",
                "NHS West Yorkshire Integrated Care Board",
            ),
            (
                "Share data on families eligible for Healthy Start vouchers who have not applied, "
                "so schools and family hubs can help them to apply.",
                "Bradford Council Public Health",
            ),
        ],
        "agreed_on": (dt.date(2023, 11, 24), DatePrecision.MONTH),
        "agreed_by_whom": (
            "The Act Locally: Keighley convening partnership, after the learning symposium of "
            "6 October 2023 (month illustrative: the source does not date it)"
        ),
        # Keighley's journey has a session with commissioners (autumn 2024).
        "sent_on": dt.date(2024, 9, 16),
        "responses": {
            0: (
                Recommendation.Status.IN_DISCUSSION,
                "Illustrative: Public Health will consider supervised tooth brushing in "
                "Keighley alongside the district's oral health plan.",
                dt.date(2024, 10, 7),
            ),
        },
    },
    "holme-wood": {
        "facts": [
            (
                "47%",
                "of families in Holme Wood are classed as living in a low income household "
                "(recipient of two or more welfare benefits).",
                None,
            ),
            ("130 in every 10,000", "children live in care: a high rate.", None),
            (
                "243 per 1,000 people",
                "crimes committed: the third highest crime rate of any area in the Bradford "
                "district, 52% higher than the average for Bradford.",
                None,
            ),
            (
                "48% higher",
                "proportion of adults with no qualifications than the average for Bradford.",
                None,
            ),
            (
                "29.9%",
                "of people aged 15 and over are regular smokers (highest in Bradford).",
                None,
            ),
            ("14.3%", "of people are obese (the third highest in Bradford).", None),
        ],
        "charts": [
            {
                "title": "Crimes per 1,000 people",
                "unit": "",
                "source": SOURCE + " (Bradford average worked out from '52% higher': 243 ÷ 1.52)",
                "year": None,
                "points": [
                    {"label": "Holme Wood", "value": 243},
                    {"label": "Bradford average (derived)", "value": 160},
                ],
                "illustrative": False,
            }
        ],
        "quotes": [
            (
                "The younger ones need somewhere to go after school, or they end up hanging "
                "around where the trouble is.",
                "resident, Holme Wood place-based engagement, 2022",
            ),
        ],
        "actions": [
            (
                "Deliver bespoke trauma informed training to Holme Wood schools, so schools "
                "and local agencies are trauma informed in the support they give.",
                "Education Alliance for Life Chances",
            ),
            (
                "Provide targeted early help for 6 year olds showing early signs of risk.",
                "Bradford Family Hubs and Early Help",
            ),
            (
                "Build a network of local schools and VCSE organisations that meets to "
                "understand each other's work and find solutions together.",
                "Zarach",
            ),
        ],
        "recommendations": [
            (
                "Fund early help for 6 year olds in Holme Wood for at least three years, so the "
                "partnership can see whether it reduces later involvement in crime.",
                "Bradford Family Hubs and Early Help",
            ),
            (
                "Agree an information sharing arrangement between schools, police and early help "
                "so that sharing information is not a barrier to support.",
                "West Yorkshire Police",
            ),
        ],
        "agreed_on": (dt.date(2024, 2, 20), DatePrecision.MONTH),
        "agreed_by_whom": (
            "The Act Locally: Holme Wood convening partnership (month illustrative: the source "
            "does not date it)"
        ),
        "sent_on": None,
        "responses": {},
    },
    "manningham-girlington": {
        "facts": [
            (
                "Most deprived",
                "ward in the District: Manningham, by the 2019 Index of Multiple Deprivation.",
                2019,
            ),
            (
                "10 years",
                "difference in life expectancy between people living in Manningham and "
                "Wharfedale (the most affluent area of the District). Manningham ward has the "
                "lowest life expectancy for both males and females in the district.",
                2019,
            ),
            (
                "Highest",
                "infant mortality rates across the Bradford District: Manningham and Girlington.",
                None,
            ),
            (
                "Second highest",
                "level of mothers screened for depression at 6 to 8 weeks after birth: Manningham.",
                None,
            ),
        ],
        "charts": [],
        "quotes": [
            (
                "Girls carry a lot at home and at school, and they don't always know who they can "
                "talk to.",
                "school staff member, Manningham & Girlington learning symposium, July 2023",
            ),
        ],
        "actions": [
            (
                "Every school in Manningham & Girlington takes up the Healthy Minds offer "
                "(Mental Health Senior Leads training, Mental Health Champions, the Healthy Minds "
                "Chartermark and Directory of Services).",
                "Bradford District Care NHS Foundation Trust",
            ),
            (
                "Every school in Manningham & Girlington uses the Living Well Schools offer.",
                "Bradford Council Public Health",
            ),
            (
                "Develop a School Health Hub for Bradford West at Dixons Allerton Academy, with "
                "co-located, integrated services nearer to where families live.",
                "Dixons Allerton Academy",
            ),
            (
                "School governors oversee and champion mental health in schools, encouraging "
                "take up of the offers.",
                "Dixons Academies Trust",
            ),
        ],
        "recommendations": [
            (
                "Co-locate mental health practitioners at the School Health Hub at Dixons Allerton "
                "Academy, with one-stop-shop days for families.",
                "NHS West Yorkshire Integrated Care Board",
            ),
            (
                "Give every Manningham & Girlington school a named Healthy Minds contact and "
                "report take up to the partnership each term.",
                "Bradford District Care NHS Foundation Trust",
            ),
        ],
        "agreed_on": (dt.date(2023, 8, 1), DatePrecision.MONTH),
        "agreed_by_whom": (
            "The Act Locally: Manningham & Girlington convening partnership, after the learning "
            "symposium of July 2023"
        ),
        "sent_on": dt.date(2023, 9, 1),
        "responses": {
            0: (
                Recommendation.Status.ACCEPTED,
                "Illustrative: the ICB supports the hub and will work with the partnership on "
                "the co-located offer.",
                dt.date(2024, 6, 12),
            ),
        },
    },
}


def load_demo(context) -> None:
    orgs = context.organisations
    by = context.by
    for slug, data in STATEMENTS.items():
        partnership = context.partnerships[slug]
        focus = partnership.focus_issues.get(status="active")
        version = services.start_statement(focus_issue=focus, by=by)
        content = dict(version.content)
        content["facts"] = [
            {"value": value, "text": text, "source": SOURCE, "year": year}
            for value, text, year in data["facts"]
        ]
        content["charts"] = data["charts"]
        content["quotes"] = [
            {"text": text, "source": source, "consent": ILLUSTRATIVE_CONSENT, "illustrative": True}
            for text, source in data["quotes"]
        ]
        content["actions"] = [
            {"text": text, "lead": lead or "", "lead_id": orgs[lead].pk if lead else None}
            for text, lead in data["actions"]
        ]
        content["recommendations"] = [
            {
                "key": f"R{n}",
                "text": text,
                "to": to,
                "to_id": orgs[to].pk,
                "illustrative": True,
            }
            for n, (text, to) in enumerate(data["recommendations"], start=1)
        ]
        services.save_content(version=version, content=content, by=by)
        # The source's own history: its action plan is seeded by the actions demo.
        services.transition(version=version, name="circulate", by=by, as_history=True)
        agreed_on, precision = data["agreed_on"]
        services.transition(
            version=version,
            name="agree",
            agreed_on=agreed_on,
            agreed_on_precision=precision,
            agreed_by_whom=data["agreed_by_whom"],
            by=by,
            as_history=True,
        )
        recommendations = list(partnership.recommendations.order_by("key"))
        if data["sent_on"]:
            services.mark_recommendations_sent(
                recommendations=recommendations, sent_on=data["sent_on"], by=by
            )
        for index, (status, response, on) in data["responses"].items():
            services.record_response(
                recommendation=recommendations[index],
                status=status,
                response=response,
                responded_on=on,
                by=by,
            )
