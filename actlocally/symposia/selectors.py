"""Reads for symposium pages, each in a fixed number of queries, and the counted result."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Case, Count, Prefetch, Q, When

from actlocally.partnerships.models import Partnership

from .counting import BordaResult, BordaRow, RunoffResult, borda, instant_runoff
from .models import Ballot, Candidate, Contribution, Preference, Symposium


def symposia_of(partnership: Partnership) -> list[Symposium]:
    return list(
        partnership.symposia.annotate(
            contribution_count=Count("contributions", distinct=True),
            ballot_count=Count("ballots", distinct=True),
        ).order_by("-starts_at")
    )


def symposium_detail(symposium: Symposium) -> dict:
    """The symposium page's reads. Contributions come as a queryset in the order of their kinds,
    so that the page fetches one page of them; `contribution_sections` groups that page."""
    kinds = [kind for kind, _label in Contribution.Kind.choices]
    counts = dict(
        symposium.contributions.values_list("kind").annotate(n=Count("pk")).values_list("kind", "n")
    )
    return {
        "contributions": symposium.contributions.select_related("guest", "candidate")
        .alias(kind_order=Case(*(When(kind=k, then=n) for n, k in enumerate(kinds))))
        .order_by("kind_order", "created_at", "pk"),
        "contribution_counts": counts,
        "candidates": candidates_with_challenges(symposium),
        "guest_count": symposium.guests.count(),
        "ballot_count": symposium.ballots.count(),
        "agreed": list(symposium.agreed_priorities.select_related("focus_issue")),
        "invited_people": list(symposium.invited_people.all()),
        "invited_organisations": list(symposium.invited_organisations.all()),
    }


def contribution_sections(contributions, counts: dict[str, int]) -> list[dict]:
    """Each kind of contribution with its total and those of its contributions on this page."""
    by_kind: dict[str, list[Contribution]] = defaultdict(list)
    for c in contributions:
        by_kind[c.kind].append(c)
    return [
        {"kind": kind, "label": label, "count": counts.get(kind, 0), "items": by_kind[kind]}
        for kind, label in Contribution.Kind.choices
    ]


def candidates_with_challenges(symposium: Symposium) -> list[Candidate]:
    return list(
        symposium.candidates.prefetch_related(
            Prefetch("challenges", queryset=Contribution.objects.order_by("created_at", "pk"))
        )
    )


def agreed_priorities(symposium: Symposium) -> list:
    """The agreed priorities, most urgent first, for anyone who took part (guests included)."""
    return list(symposium.agreed_priorities.order_by("urgency"))


def current_join_codes(symposium: Symposium):
    from django.utils import timezone

    return symposium.join_codes.filter(expires_at__gt=timezone.now()).annotate(
        guest_count=Count("guests")
    )


def guests_of(symposium: Symposium):
    """Who joined from a phone, for the co-ordinator: name if given, role, whether they ranked."""
    return symposium.guests.annotate(
        has_ranked=Count("ballot", distinct=True),
        contribution_count=Count("contributions", distinct=True),
    ).order_by("joined_at")


def ballots_of(symposium: Symposium) -> list[list[int]]:
    """Every ballot as a list of candidate ids, most urgent first (two queries' worth of rows)."""
    ballots: dict[int, list[int]] = {
        pk: [] for pk in symposium.ballots.order_by("pk").values_list("pk", flat=True)
    }
    for ballot_id, candidate_id in (
        Preference.objects.filter(ballot__symposium=symposium)
        .order_by("ballot_id", "place")
        .values_list("ballot_id", "candidate_id")
    ):
        ballots[ballot_id].append(candidate_id)
    return list(ballots.values())


@dataclass
class SymposiumResult:
    """The count of a symposium's ballots, with candidates in place of their ids."""

    candidates: dict[int, Candidate]
    borda: BordaResult[int]
    runoff: RunoffResult[int]

    @property
    def ballots(self) -> int:
        return self.borda.ballots

    @property
    def borda_rows(self) -> list[BordaRow]:
        return [
            BordaRow(self.candidates[r.candidate], r.places, r.points, r.position, r.tied)
            for r in self.borda.rows
        ]

    @property
    def ties(self) -> list[list[Candidate]]:
        return [[self.candidates[c] for c in group] for group in self.borda.ties]

    def top_ids(self, k: int) -> list[int]:
        return [r.candidate for r in self.borda.rows[:k]]

    def top_tied(self, k: int) -> bool:
        """Whether the first k places of the count are unsettled by a tie."""
        return any(r.tied and r.position <= k for r in self.borda.rows)

    @property
    def runoff_rounds(self) -> list[dict]:
        names = self.candidates
        return [
            {
                "number": r.number,
                "votes": [(names[c], n) for c, n in sorted(r.votes.items(), key=lambda kv: -kv[1])],
                "exhausted": r.exhausted,
                "eliminated": [names[c] for c in r.eliminated],
                "elected": names[r.elected] if r.elected is not None else None,
                "tie_settled_by_round": r.tie_settled_by_round,
                "tie_unsettled": r.tie_unsettled,
            }
            for r in self.runoff.rounds
        ]

    @property
    def runoff_winner(self) -> Candidate | None:
        w = self.runoff.winner
        return self.candidates[w] if w is not None else None

    @property
    def runoff_tied(self) -> list[Candidate]:
        return [self.candidates[c] for c in self.runoff.tied]

    @property
    def place_numbers(self) -> list[int]:
        return list(range(1, len(self.candidates) + 1))


def result_for(symposium: Symposium) -> SymposiumResult:
    candidates = {c.pk: c for c in symposium.candidates.order_by("title", "pk")}
    ids = list(candidates)
    ballots = ballots_of(symposium)
    return SymposiumResult(
        candidates=candidates, borda=borda(ids, ballots), runoff=instant_runoff(ids, ballots)
    )


def ballot_count(symposium: Symposium) -> int:
    return Ballot.objects.filter(symposium=symposium).count()


def member_has_voted(symposium: Symposium, user) -> bool:
    return Ballot.objects.filter(Q(symposium=symposium) & Q(member=user)).exists()
