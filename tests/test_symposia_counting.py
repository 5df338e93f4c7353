"""The counting methods on textbook examples, partial ballots and ties."""

import pytest

from actlocally.symposia.counting import BordaConvention, borda, instant_runoff

# The Tennessee capital example (Wikipedia, "Borda count" and "Instant-runoff voting"): 100 voters.
TENNESSEE = ["Memphis", "Nashville", "Chattanooga", "Knoxville"]
TENNESSEE_BALLOTS = (
    [["Memphis", "Nashville", "Chattanooga", "Knoxville"]] * 42
    + [["Nashville", "Chattanooga", "Knoxville", "Memphis"]] * 26
    + [["Chattanooga", "Knoxville", "Nashville", "Memphis"]] * 15
    + [["Knoxville", "Chattanooga", "Nashville", "Memphis"]] * 17
)


def points(result):
    return {row.candidate: row.points for row in result.rows}


def test_borda_classic_tennessee_matches_the_textbook():
    result = borda(TENNESSEE, TENNESSEE_BALLOTS, convention=BordaConvention.CLASSIC)
    assert points(result) == {
        "Nashville": 194,
        "Chattanooga": 173,
        "Memphis": 126,
        "Knoxville": 107,
    }


def test_borda_classic_tennessee_orders_nashville_first():
    result = borda(TENNESSEE, TENNESSEE_BALLOTS, convention=BordaConvention.CLASSIC)
    assert [r.candidate for r in result.rows] == [
        "Nashville",
        "Chattanooga",
        "Memphis",
        "Knoxville",
    ]


def test_borda_modified_on_full_ballots_adds_one_point_per_ballot():
    result = borda(TENNESSEE, TENNESSEE_BALLOTS)
    assert points(result) == {
        "Nashville": 294,
        "Chattanooga": 273,
        "Memphis": 226,
        "Knoxville": 207,
    }


def test_borda_counts_places_for_the_point_table():
    result = borda(TENNESSEE, TENNESSEE_BALLOTS)
    memphis = next(r for r in result.rows if r.candidate == "Memphis")
    assert memphis.places == (42, 0, 0, 58)


def test_borda_modified_partial_ballot_gives_unranked_nothing():
    result = borda(["A", "B", "C"], [["A"], ["B", "C"], ["C", "B", "A"]])
    assert points(result) == {"A": 2, "B": 4, "C": 4}


def test_borda_classic_partial_ballot_scores_by_number_of_candidates():
    result = borda(
        ["A", "B", "C"], [["A"], ["B", "C"], ["C", "B", "A"]], convention=BordaConvention.CLASSIC
    )
    assert points(result) == {"A": 2, "B": 3, "C": 3}


def test_borda_tie_shares_a_position_and_is_reported():
    result = borda(["A", "B", "C"], [["A"], ["B", "C"], ["C", "B", "A"]])
    assert [(r.candidate, r.position, r.tied) for r in result.rows] == [
        ("B", 1, True),
        ("C", 1, True),
        ("A", 3, False),
    ]


def test_borda_ties_lists_each_tied_group():
    result = borda(["A", "B", "C", "D"], [["A", "B"], ["B", "A"], ["C", "D"], ["D", "C"]])
    assert result.ties == [["A", "B", "C", "D"]]


def test_borda_with_no_ballots_ties_everyone_at_zero():
    result = borda(["A", "B"], [])
    assert [(r.points, r.position) for r in result.rows] == [(0, 1), (0, 1)]


def test_borda_refuses_a_ballot_ranking_a_candidate_twice():
    with pytest.raises(ValueError, match="Ballot 2 ranks a candidate more than once"):
        borda(["A", "B"], [["A"], ["B", "B"]])


def test_borda_refuses_an_unknown_candidate():
    with pytest.raises(ValueError, match="not a candidate"):
        borda(["A", "B"], [["Z"]])


def test_instant_runoff_tennessee_elects_knoxville():
    result = instant_runoff(TENNESSEE, TENNESSEE_BALLOTS)
    assert result.winner == "Knoxville"


def test_instant_runoff_tennessee_rounds_match_the_textbook():
    result = instant_runoff(TENNESSEE, TENNESSEE_BALLOTS)
    assert [(r.votes, r.eliminated, r.elected) for r in result.rounds] == [
        (
            {"Memphis": 42, "Nashville": 26, "Chattanooga": 15, "Knoxville": 17},
            ["Chattanooga"],
            None,
        ),
        ({"Memphis": 42, "Nashville": 26, "Knoxville": 32}, ["Nashville"], None),
        ({"Memphis": 42, "Knoxville": 58}, [], "Knoxville"),
    ]


def test_instant_runoff_settles_a_tie_for_last_by_the_earlier_round():
    ballots = [["A"]] * 5 + [["B"]] * 3 + [["C", "B"]] * 2 + [["D", "C", "B"]]
    result = instant_runoff(["A", "B", "C", "D"], ballots)
    second = result.rounds[1]
    assert (second.votes, second.eliminated, second.tie_settled_by_round) == (
        {"A": 5, "B": 3, "C": 3},
        ["C"],
        1,
    )


def test_instant_runoff_winner_after_a_settled_tie():
    ballots = [["A"]] * 5 + [["B"]] * 3 + [["C", "B"]] * 2 + [["D", "C", "B"]]
    assert instant_runoff(["A", "B", "C", "D"], ballots).winner == "B"


def test_instant_runoff_unsettled_tie_for_last_eliminates_both():
    ballots = [["A"]] * 3 + [["B"]] * 2 + [["C", "B"], ["D", "B"]]
    first = instant_runoff(["A", "B", "C", "D"], ballots).rounds[0]
    assert (first.eliminated, first.tie_unsettled) == (["C", "D"], True)


def test_instant_runoff_final_tie_has_no_winner():
    result = instant_runoff(["A", "B"], [["A", "B"], ["B", "A"]])
    assert (result.winner, result.tied, result.rounds[-1].tie_unsettled) == (None, ["A", "B"], True)


def test_instant_runoff_counts_exhausted_partial_ballots():
    ballots = [["A"]] * 3 + [["B"]] * 2 + [["C"]] * 2 + [["D"]]
    result = instant_runoff(["A", "B", "C", "D"], ballots)
    assert [r.exhausted for r in result.rounds] == [0, 1, 5]


def test_instant_runoff_majority_is_of_ballots_still_counting():
    ballots = [["A"]] * 3 + [["B"]] * 2 + [["C"]] * 2 + [["D"]]
    assert instant_runoff(["A", "B", "C", "D"], ballots).winner == "A"
