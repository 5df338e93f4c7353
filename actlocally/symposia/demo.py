"""The demo's held learning symposia: reads symposia.yaml of the demo's data folder (see
demo/loader.py). The first agreed priority is the focus issue the demo already set, so it is
linked, not duplicated, and stays active. Contributions, candidate groupings and ballots are
illustrative, and every page of these symposia says so (they are marked illustrative).
"""

import datetime
import hashlib
import secrets
from zoneinfo import ZoneInfo

from django.utils import timezone

from . import services
from .models import Ballot, Candidate, Contribution, Guest, Preference, Symposium

LONDON = ZoneInfo("Europe/London")

GUEST_ROLES = ["parent", "school", "health", "community", "young_person", "care", "council"]


def _guest(symposium: Symposium, n: int) -> Guest:
    token = secrets.token_urlsafe(16)
    return Guest.objects.create(
        symposium=symposium,
        token_hash=hashlib.sha256(token.encode()).hexdigest(),
        role_type=GUEST_ROLES[n % len(GUEST_ROLES)],
    )


def _load_one(data: dict, context) -> None:
    partnership = context.partnerships[data["partnership"]]
    coordinator = context.people[data["members"][0]]
    members = [context.people[k] for k in data["members"]]
    starts_at = data["starts_at"].replace(tzinfo=LONDON)
    symposium = services.create_symposium(
        partnership=partnership,
        title=data["title"],
        starts_at=starts_at,
        venue=data["venue"],
        purpose=data["purpose"],
        invited_groups=["schools", "health", "care", "police", "parents", "community"],
        invited_people=members,
        invited_organisations=list(partnership.partner_organisations.all()),
        is_illustrative=True,
        by=coordinator,
    )
    # Illustrative contributions from guests at the event (the demo has no working join code).
    guests = [_guest(symposium, n) for n in range(sum(b["count"] for b in data["ballots"]))]
    texts = [
        (Contribution.Kind.CHALLENGE, text)
        for candidate in data["candidates"]
        for text in candidate["challenges"]
    ] + [
        (Contribution.Kind(kind), text)
        for kind, items in data.get("other_contributions", {}).items()
        for text in items
    ]
    Contribution.objects.bulk_create(
        Contribution(symposium=symposium, kind=kind, text=text, guest=guests[n % len(guests)])
        for n, (kind, text) in enumerate(texts)
    )
    for candidate in data["candidates"]:
        services.merge_challenges(
            symposium=symposium,
            challenges=symposium.contributions.filter(
                kind="challenge", text__in=candidate["challenges"]
            ),
            title=candidate["title"],
            by=coordinator,
        )
    services.open_ranking(symposium=symposium, by=coordinator)
    candidates = {c.title: c for c in Candidate.objects.filter(symposium=symposium)}
    ordered = [candidates[c["title"]] for c in data["candidates"]]
    # A ballot's ranking names candidates by their number in the data's list, from 1.
    rankings = [b["ranking"] for b in data["ballots"] for _n in range(b["count"])]
    for guest, ranking in zip(guests, rankings, strict=True):
        ballot = Ballot.objects.create(symposium=symposium, guest=guest)
        Preference.objects.bulk_create(
            Preference(ballot=ballot, candidate=ordered[n - 1], place=place)
            for place, n in enumerate(ranking, start=1)
        )
    services.close_ranking(symposium=symposium, by=coordinator)
    services.agree_priorities(
        symposium=symposium,
        priorities=[candidates[t] for t in data["agreed"]],
        agreed_at=starts_at + datetime.timedelta(hours=5),
        by=coordinator,
    )
    # Back-date what the services stamped "now" to the day of the event.
    start = starts_at
    symposium.contributions.update(created_at=start + datetime.timedelta(hours=1))
    symposium.guests.update(joined_at=start)
    symposium.ballots.update(cast_at=start + datetime.timedelta(hours=4))
    Symposium.objects.filter(pk=symposium.pk).update(
        ranking_opened_at=start + datetime.timedelta(hours=3),
        ranking_closed_at=start + datetime.timedelta(hours=4, minutes=30),
        created_at=min(start, timezone.now()),
    )


def load_demo(context) -> None:
    data = context.section("symposia")
    for symposium in data["symposia"] if data else []:
        _load_one(symposium, context)
