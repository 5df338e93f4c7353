"""The disclosure-control engine: each rule, on the edge cases the issue names."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from actlocally.outputs.disclosure import (
    ONS_SRS,
    OPENSAFELY,
    PRIMARY,
    SAFE,
    SECONDARY,
    TableError,
    check_table,
    round_half_up,
)


def one_column(*counts, profile=ONS_SRS):
    """A table of one count column and no totals, so each cell stands alone."""
    table = {
        "columns": ["Group", "Children"],
        "rows": [[f"g{i}", n] for i, n in enumerate(counts)],
        "column_totals": False,
    }
    result = check_table(table, profile=profile)
    return [row[1] for row in result.rows]


@pytest.mark.parametrize(
    ("count", "released"),
    [(6, None), (7, None), (8, None), (9, None), (10, 10), (12, 10), (13, 15)],
)
def test_ons_srs_withholds_counts_under_ten_and_rounds_to_five(count, released):
    assert one_column(count) == [released]


@pytest.mark.parametrize(
    ("count", "released"),
    [(6, None), (7, None), (8, 10), (9, 10), (10, 10), (12, 10), (13, 15)],
)
def test_opensafely_withholds_seven_or_fewer(count, released):
    assert one_column(count, profile=OPENSAFELY) == [released]


def test_zero_is_withheld_like_any_small_count():
    assert one_column(0) == [None]


@pytest.mark.parametrize(
    ("n", "rounded"),
    [(0, 0), (2, 0), (3, 5), (7, 5), (8, 10), (12, 10), (13, 15), (15, 15), (17, 15), (18, 20)],
)
def test_rounding_is_to_the_nearest_five(n, rounded):
    assert round_half_up(n) == rounded


def test_a_half_rounds_up_not_to_even():
    # Python's round(2.5) is 2 and round(12.5) is 12; the engine's halves go up.
    assert round_half_up(25, base=10) == 30
    assert round_half_up(15, base=10) == 20


def test_a_total_that_would_reveal_a_withheld_cell_forces_a_second_one():
    table = {"columns": ["School", "Dental", "Other"], "rows": [["A", 9, 120], ["B", 40, 200]]}
    result = check_table(table)
    # Row A's total (129 -> 130) minus Other (120) would give the 9 back: Other is withheld too.
    assert result.rows[0] == ["A", None, None, 130]
    assert result.status[0][1:3] == [PRIMARY, SECONDARY]


def test_column_totals_are_protected_too():
    table = {
        "columns": ["School", "Dental", "Other"],
        "rows": [["A", 9, 120], ["B", 40, 200], ["C", 55, 230]],
    }
    result = check_table(table)
    dental = [row[1] for row in result.rows[:3]]
    assert dental.count(None) >= 2


def test_withheld_cells_whose_sum_is_small_are_not_enough():
    # 3 and 4 withheld in a row: the total would reveal their sum, 7, a small group.
    table = {
        "columns": ["Area", "A", "B", "C"],
        "rows": [["x", 3, 4, 100], ["y", 50, 60, 70]],
        "column_totals": False,
    }
    result = check_table(table)
    assert result.rows[0][1:4] == [None, None, None]


def test_a_fully_released_total_is_the_sum_of_its_released_cells():
    table = {"columns": ["Area", "A", "B"], "rows": [["x", 12, 13]], "column_totals": False}
    result = check_table(table)
    assert result.rows[0] == ["x", 10, 15, 25]


def test_given_totals_are_dropped_and_recomputed():
    table = {
        "columns": ["Area", "A", "B", "Total"],
        "rows": [["x", 20, 30, 999], ["y", 40, 50, 1], ["Total", 0, 0, 0]],
    }
    result = check_table(table)
    assert result.rows[-1] == ["Total", 60, 80, 140]


def test_ratios_are_recomputed_from_released_counts():
    table = {
        "columns": ["Area", "Dental", "Other"],
        "rows": [["x", 12, 88], ["y", 3, 97]],
        "column_totals": False,
        "ratios": [{"name": "Dental %", "numerator": "Dental", "denominator": "Total"}],
    }
    result = check_table(table)
    # x: 10 of 100 released (12 and 88 round to 10 and 90) -> 10.0; y's dental is withheld.
    assert result.rows[0][-1] == "10.0"
    assert result.rows[1][-1] is None


def test_a_small_difference_from_an_earlier_release_is_flagged():
    first = check_table({"columns": ["Year", "Children"], "rows": [["Y7", 120], ["Y8", 130]]})
    second = check_table(
        {"columns": ["Year", "Children"], "rows": [["Y7", 117], ["Y8", 130]]},
        earlier=[{"title": "Autumn", "result": first.as_json()}],
    )
    assert {(f.row, f.column, f.difference) for f in second.flags} == {
        ("Y7", "Children", 3),
        ("Total", "Children", 3),
    }


def test_a_large_difference_is_not_flagged():
    first = check_table({"columns": ["Year", "Children"], "rows": [["Y7", 120]]})
    second = check_table(
        {"columns": ["Year", "Children"], "rows": [["Y7", 160]]},
        earlier=[{"title": "Autumn", "result": first.as_json()}],
    )
    assert second.flags == []


@pytest.mark.parametrize(
    ("table", "says"),
    [
        ({"columns": ["A"], "rows": [["x"]]}, "column of counts"),
        ({"columns": ["A", "B"], "rows": []}, "no rows"),
        ({"columns": ["A", "B"], "rows": [["x", "lots"]]}, "not a whole number"),
        ({"columns": ["A", "B"], "rows": [["x", -1]]}, "negative"),
        ({"columns": ["A", "B"], "rows": [["x", 1, 2]]}, "has 3 cells"),
        ({"columns": ["A", "A"], "rows": [["x", 1]]}, "same name"),
    ],
)
def test_a_table_it_cannot_read_says_what_to_fix(table, says):
    with pytest.raises(TableError, match=says):
        check_table(table)


def _lines(result):
    """Each line with a total: its interior statuses and values, and its total's status."""
    grid = [row[result.label_columns :] for row in result.raw]
    status = [row[result.label_columns :] for row in result.status]
    n_rows, n_cols = len(grid), len(grid[0])
    for r in range(n_rows):
        yield [(status[r][c], grid[r][c]) for c in range(n_cols - 1)], status[r][-1]
    for c in range(n_cols):
        yield [(status[r][c], grid[r][c]) for r in range(n_rows - 1)], status[-1][c]


@settings(max_examples=150, deadline=None)
@given(
    st.integers(min_value=2, max_value=6).flatmap(
        lambda cols: st.lists(
            st.lists(st.integers(min_value=0, max_value=60), min_size=cols, max_size=cols),
            min_size=2,
            max_size=6,
        )
    )
)
def test_no_withheld_cell_can_be_recovered_from_its_line(counts):
    table = {
        "columns": ["Row", *[f"c{i}" for i in range(len(counts[0]))]],
        "rows": [[f"r{i}", *row] for i, row in enumerate(counts)],
    }
    result = check_table(table)
    for cells, total_status in _lines(result):
        hidden = [v for s, v in cells if s != SAFE]
        if total_status == SAFE:
            assert len(hidden) != 1
            assert not hidden or sum(hidden) >= ONS_SRS.minimum
        else:
            assert len(hidden) != 0
    for value in result.released_counts:
        assert value % 5 == 0 and value >= 10
