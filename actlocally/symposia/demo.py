"""A held learning symposium for each Bradford partnership, for the demo.

True to the source (shared/seeds/002, each area's journey timeline): the dates, the purpose and the
priorities each area's place-based engagement named, in the source's order, with the first being
the focus issue the foundation already seeded (so it is linked, not duplicated, and stays active).
Holme Wood's source names two priorities, so two are agreed there and the journey step stays in
progress. Everything else (venues aside from the area, contributions, candidate groupings and
ballots) is illustrative and every page of these symposia says so.
"""

import datetime
import hashlib
import secrets
from zoneinfo import ZoneInfo

from django.utils import timezone

from . import services
from .models import Ballot, Candidate, Contribution, Guest, Preference, Symposium

LONDON = ZoneInfo("Europe/London")
FOOD = "Tackling food insecurity, poor diet and nutrition"
CRIME = "Children and young people vulnerable to crime and antisocial behaviour"
MENTAL_HEALTH = "Tackling poor mental health of female pupils and parents"
NEURODIVERSE = "Supporting neurodiverse children"

SYMPOSIA = [
    {
        "slug": "keighley",
        "title": "Keighley learning symposium",
        "starts_at": datetime.datetime(2023, 10, 6, 9, 30, tzinfo=LONDON),
        "venue": "Central Keighley",
        "purpose": (
            "To focus on our key priority, food insecurity, diet and nutrition, and to agree a set "
            "of local actions and recommendations for commissioners."
        ),
        "members": ["coordinator", "member", "commissioner", "researcher"],
        # candidate title -> illustrative challenges merged into it
        "candidates": {
            FOOD: [
                "Children arrive at school hungry",
                "Families cannot afford a healthy diet",
                "Tooth decay is keeping young children off school",
            ],
            "Lack of aspiration and role models": [
                "Young people cannot see local role models in work they would like to do",
                "Few activities outside the school gate",
            ],
            NEURODIVERSE: [
                "Long waits for assessment of autism and ADHD",
                "Parents do not know where to turn while they wait",
            ],
            "Access to activities after school": ["Clubs cost too much for many families"],
        },
        "agreed": [FOOD, "Lack of aspiration and role models", NEURODIVERSE],
        # (number of ballots, ranking by candidate index in the order above)
        "ballots": [(7, [0, 1, 2]), (4, [0, 2, 1, 3]), (3, [1, 0, 3]), (3, [2, 0]), (2, [3, 1, 0])],
    },
    {
        "slug": "holme-wood",
        "title": "Holme Wood learning symposium",
        "starts_at": datetime.datetime(2023, 11, 22, 9, 30, tzinfo=LONDON),
        "venue": "Holme Wood",
        "purpose": (
            "To focus on our key priority and agree a set of local actions and recommendations for "
            "commissioners."
        ),
        "members": ["coordinator_hw", "police", "young_person", "researcher"],
        "candidates": {
            CRIME: [
                "Young people drawn into antisocial behaviour on the estate",
                "Children exploited by older young people",
                "Nowhere safe for teenagers to go in the evening",
            ],
            NEURODIVERSE: [
                "Schools struggle to support children waiting for an autism assessment",
                "Exclusions of neurodiverse pupils",
            ],
            "Community pride and belonging": ["Young people do not feel part of Holme Wood"],
        },
        "agreed": [CRIME, NEURODIVERSE],
        "ballots": [(8, [0, 1, 2]), (4, [1, 0]), (3, [0, 2, 1]), (2, [2, 0, 1])],
    },
    {
        "slug": "manningham-girlington",
        # The source gives only the month (July 2023): the 1st is shown, as on the timeline.
        "title": "Manningham & Girlington learning symposium",
        "starts_at": datetime.datetime(2023, 7, 1, 9, 30, tzinfo=LONDON),
        "venue": "Manningham & Girlington",
        "purpose": (
            "To focus on our key priority, mental health, and to agree a set of local actions and "
            "recommendations for commissioners. (The source gives the month only.)"
        ),
        "members": ["coordinator_mg", "community", "researcher"],
        "candidates": {
            MENTAL_HEALTH: [
                "Girls' anxiety is rising and they wait too long for help",
                "Mothers struggle with low mood after birth and do not ask for help",
                "Mental health is not talked about in some families",
            ],
            "School attendance": [
                "Persistent absence, especially after extended visits abroad",
                "Children miss school to care for family members",
            ],
            NEURODIVERSE: ["Long waits for assessment and little support meanwhile"],
            "Overcrowded housing": ["No quiet space at home to do homework"],
        },
        "agreed": [MENTAL_HEALTH, "School attendance", NEURODIVERSE],
        "ballots": [(9, [0, 1, 2]), (4, [1, 0, 2]), (3, [2, 0, 1]), (2, [3, 1])],
    },
]

# Illustrative contributions of the other three kinds, as guests at each event might put them.
OTHER_CONTRIBUTIONS = {
    "keighley": {
        Contribution.Kind.PEOPLE_PLACES: [
            "Keighley primary schools and nurseries",
            "The Healthy Start team",
            "Local food banks and community pantries",
            "Community dental service",
        ],
        Contribution.Kind.BARRIER: [
            "Families do not know they are eligible for Healthy Start",
            "Stigma about asking for food support",
        ],
        Contribution.Kind.PERMISSION: [
            "Permission for schools to record absences for dental reasons",
            "Funding for supervised tooth brushing kits",
        ],
    },
    "holme-wood": {
        Contribution.Kind.PEOPLE_PLACES: [
            "Zarach",
            "Neighbourhood policing team",
            "Youth service and the community centre",
        ],
        Contribution.Kind.BARRIER: [
            "Agencies cannot share information about children at risk",
            "Short-term funding for youth work",
        ],
        Contribution.Kind.PERMISSION: ["Trauma informed training for school staff"],
    },
    "manningham-girlington": {
        Contribution.Kind.PEOPLE_PLACES: [
            "Girlington Centre",
            "Oasis Lister Academy Community Group",
            "Bradford District Care NHS Foundation Trust",
        ],
        Contribution.Kind.BARRIER: [
            "Services are far from where families live",
            "Language barriers for some parents",
        ],
        Contribution.Kind.PERMISSION: [
            "Space in a school for co-located health services",
            "Access to the Healthy Minds offer for every school",
        ],
    },
}

GUEST_ROLES = ["parent", "school", "health", "community", "young_person", "care", "council"]


def _guest(symposium: Symposium, n: int) -> Guest:
    token = secrets.token_urlsafe(16)
    return Guest.objects.create(
        symposium=symposium,
        token_hash=hashlib.sha256(token.encode()).hexdigest(),
        role_type=GUEST_ROLES[n % len(GUEST_ROLES)],
    )


def _load_one(data: dict, context) -> None:
    partnership = context.partnerships[data["slug"]]
    coordinator = context.people[data["members"][0]]
    members = [context.people[k] for k in data["members"]]
    symposium = services.create_symposium(
        partnership=partnership,
        title=data["title"],
        starts_at=data["starts_at"],
        venue=data["venue"],
        purpose=data["purpose"],
        invited_groups=["schools", "health", "care", "police", "parents", "community"],
        invited_people=members,
        invited_organisations=list(partnership.partner_organisations.all()),
        is_illustrative=True,
        by=coordinator,
    )
    # Illustrative contributions from guests at the event (the demo has no working join code).
    guests = [_guest(symposium, n) for n in range(sum(n for n, _r in data["ballots"]))]
    texts = [
        (Contribution.Kind.CHALLENGE, text)
        for challenges in data["candidates"].values()
        for text in challenges
    ] + [
        (kind, text) for kind, items in OTHER_CONTRIBUTIONS[data["slug"]].items() for text in items
    ]
    Contribution.objects.bulk_create(
        Contribution(symposium=symposium, kind=kind, text=text, guest=guests[n % len(guests)])
        for n, (kind, text) in enumerate(texts)
    )
    for title, challenge_texts in data["candidates"].items():
        services.merge_challenges(
            symposium=symposium,
            challenges=symposium.contributions.filter(kind="challenge", text__in=challenge_texts),
            title=title,
            by=coordinator,
        )
    services.open_ranking(symposium=symposium, by=coordinator)
    candidates = {c.title: c for c in Candidate.objects.filter(symposium=symposium)}
    ordered = [candidates[t] for t in data["candidates"]]
    rankings = [ranking for count, ranking in data["ballots"] for _n in range(count)]
    for guest, ranking in zip(guests, rankings, strict=True):
        ballot = Ballot.objects.create(symposium=symposium, guest=guest)
        Preference.objects.bulk_create(
            Preference(ballot=ballot, candidate=ordered[i], place=place)
            for place, i in enumerate(ranking, start=1)
        )
    services.close_ranking(symposium=symposium, by=coordinator)
    services.agree_priorities(
        symposium=symposium,
        priorities=[candidates[t] for t in data["agreed"]],
        agreed_at=data["starts_at"] + datetime.timedelta(hours=5),
        by=coordinator,
    )
    # Back-date what the services stamped "now" to the day of the event.
    start = data["starts_at"]
    symposium.contributions.update(created_at=start + datetime.timedelta(hours=1))
    symposium.guests.update(joined_at=start)
    symposium.ballots.update(cast_at=start + datetime.timedelta(hours=4))
    Symposium.objects.filter(pk=symposium.pk).update(
        ranking_opened_at=start + datetime.timedelta(hours=3),
        ranking_closed_at=start + datetime.timedelta(hours=4, minutes=30),
        created_at=min(start, timezone.now()),
    )


def load_demo(context) -> None:
    for data in SYMPOSIA:
        _load_one(data, context)
