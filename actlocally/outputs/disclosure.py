"""Statistical disclosure control: the one engine every output passes through before release.

Pure functions over plain data (no database), so the same check runs on a page, in a test and in
`make bench`. The rules, in the order they apply:

1. **Primary suppression**: a count below the profile's threshold is withheld (ONS SRS: under 10,
   the default; OpenSAFELY: 7 or fewer). Zero is a count like any other: a zero reveals that
   nobody in a group has an attribute, so it is withheld too.
2. **Totals are recomputed** from the cells (a table's own totals are never trusted) and checked
   like any count.
3. **Secondary suppression**: in every row or column that has a total, a lone withheld cell could
   be recovered by subtraction, so the smallest released cell of that line is withheld as well;
   likewise when the withheld cells of a line add up to a small group. Repeated until stable.
4. **Rounding**: every released count is rounded to the nearest 5, halves up, in integer
   arithmetic (Python's `round` rounds halves to even: 12.5 -> 12). A total whose line is fully
   released is the sum of its released cells, so the table adds up and reveals nothing more.
5. **Ratios** are recomputed from the released numerator and denominator (Decimal, halves up);
   a ratio over a withheld count is withheld.
6. **Differencing**: cells compared with earlier releases of the same table; a difference that is
   itself a small group is flagged for the checkers.

Signatures::

    check_table(table: dict, *, profile: Profile | str = ONS_SRS,
                earlier: Iterable[dict] = ()) -> CheckResult
    round_half_up(n: int, base: int = 5) -> int
    differences(new: dict, old: dict, *, profile: Profile) -> list[Flag]

A table is JSON-shaped::

    {"columns": ["LSOA", "Year group", "Dental absence", "Other absence"],
     "label_columns": 2,                 # the first N columns label a row; the rest are counts
     "rows": [["Bradford 001A", "Year 7", 12, 130], ...],
     "row_totals": true, "column_totals": true,      # add recomputed totals (default true)
     "ratios": [{"name": "Dental %", "numerator": "Dental absence",
                 "denominator": "Total", "per": 100}]}

A column or row already called "Total" in the input is dropped and recomputed.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils.translation import gettext as _

TOTAL = "Total"
SAFE, PRIMARY, SECONDARY = "released", "primary", "secondary"


@dataclass(frozen=True)
class Profile:
    key: str
    name: str
    # The smallest count that may be released (ONS SRS: 10; OpenSAFELY: 8, i.e. "7 or fewer").
    minimum: int
    rounding: int = 5

    @property
    def rule(self) -> str:
        return _("counts under %(n)s are withheld; every count is rounded to the nearest %(r)s") % {
            "n": self.minimum,
            "r": self.rounding,
        }


ONS_SRS = Profile(key="ons-srs", name="ONS SRS", minimum=10)
OPENSAFELY = Profile(key="opensafely", name="OpenSAFELY", minimum=8)
PROFILES = {p.key: p for p in (ONS_SRS, OPENSAFELY)}


class TableError(ValueError):
    """The table is not one the engine can check; the message says what to fix."""


@dataclass(frozen=True)
class Flag:
    """A cell whose difference from an earlier release would itself reveal a small group."""

    row: str
    column: str
    earlier: str
    difference: int

    @property
    def sentence(self) -> str:
        return _(
            "%(row)s, %(column)s differs from the release “%(earlier)s” by %(n)s, "
            "which would reveal a group of fewer than the threshold."
        ) % {"row": self.row, "column": self.column, "earlier": self.earlier, "n": self.difference}


@dataclass
class CheckResult:
    profile: Profile
    columns: list[str]
    label_columns: int
    # The released table: labels as given, counts rounded, withheld cells None.
    rows: list[list]
    # Per count cell (same shape as rows, labels ""): SAFE, PRIMARY or SECONDARY.
    status: list[list[str]]
    flags: list[Flag] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # The recomputed, unrounded counts (totals included), for later differencing checks only.
    raw: list[list] = field(default_factory=list)

    @property
    def primary(self) -> int:
        return sum(row.count(PRIMARY) for row in self.status)

    @property
    def secondary(self) -> int:
        return sum(row.count(SECONDARY) for row in self.status)

    @property
    def released_counts(self) -> list[int]:
        return [
            v
            for row, st in zip(self.rows, self.status, strict=True)
            for v, s in zip(row, st, strict=True)
            if s == SAFE and isinstance(v, int)
        ]

    def as_json(self) -> dict:
        return {
            "profile": self.profile.key,
            "columns": self.columns,
            "label_columns": self.label_columns,
            "rows": self.rows,
            "status": self.status,
            "raw": self.raw,
            "flags": [f.__dict__ for f in self.flags],
            "notes": self.notes,
        }


def round_half_up(n: int, base: int = 5) -> int:
    """n to the nearest multiple of base, a half going up (with base 10, 15 -> 20), in integer
    arithmetic: 12 -> 10, 13 -> 15, 7 -> 5, 8 -> 10."""
    if n < 0:
        raise TableError(_("A count cannot be negative: %(n)s.") % {"n": n})
    return (2 * n + base) // (2 * base) * base


def _count(value, row: int, column: str) -> int:
    if isinstance(value, bool):
        value = None
    if isinstance(value, int):
        n = value
    else:
        text = "" if value is None else str(value).strip().replace(",", "")
        try:
            number = Decimal(text)
        except InvalidOperation:
            number = None
        if number is None or not number.is_finite() or number != number.to_integral_value():
            raise TableError(
                _("Row %(row)s, %(column)s: “%(value)s” is not a whole number.")
                % {"row": row, "column": column, "value": str(value)[:40]}
            )
        n = int(number)
    if n < 0:
        raise TableError(
            _("Row %(row)s, %(column)s: a count cannot be negative.")
            % {"row": row, "column": column}
        )
    return n


def _parse(table: dict) -> tuple[list[str], list[str], list[list[str]], list[list[int]], list]:
    """Label column names, count column names, row labels, counts; totals dropped."""
    if not isinstance(table, dict):
        raise TableError(_("The table must have columns and rows."))
    columns = [str(c).strip() for c in table.get("columns") or []]
    rows = table.get("rows") or []
    n_labels = table.get("label_columns", 1)
    if not isinstance(n_labels, int) or isinstance(n_labels, bool) or n_labels < 0:
        raise TableError(_("Say how many of the first columns are labels."))
    if not columns or len(columns) <= n_labels:
        raise TableError(_("The table needs at least one column of counts."))
    if len(set(columns)) != len(columns):
        raise TableError(_("Two columns have the same name; give each a different name."))
    if not isinstance(rows, list) or not rows:
        raise TableError(_("The table has no rows."))
    keep = [i for i, c in enumerate(columns) if i < n_labels or c.lower() != TOTAL.lower()]
    label_names = columns[:n_labels]
    count_names = [columns[i] for i in keep[n_labels:]]
    if not count_names:
        raise TableError(_("The table needs at least one column of counts."))
    labels, counts = [], []
    for number, row in enumerate(rows, start=1):
        if not isinstance(row, list | tuple) or len(row) != len(columns):
            raise TableError(
                _("Row %(row)s has %(got)s cells; the table has %(want)s columns.")
                % {
                    "row": number,
                    "got": len(row) if isinstance(row, list | tuple) else 0,
                    "want": len(columns),
                }
            )
        label = ["" if row[i] is None else str(row[i]) for i in range(n_labels)]
        if n_labels and label[0].strip().lower() == TOTAL.lower():
            continue
        labels.append(label)
        counts.append([_count(row[i], number, columns[i]) for i in keep[n_labels:]])
    if not counts:
        raise TableError(_("The table has no rows."))
    return label_names, count_names, labels, counts, table.get("ratios") or []


def _suppress(grid: list[list[int]], minimum: int, row_totals: bool, column_totals: bool):
    """Primary then secondary suppression over the grid (totals in its last row and column when
    present). Returns the status grid."""
    n_rows, n_cols = len(grid), len(grid[0])
    status = [[PRIMARY if v < minimum else SAFE for v in row] for row in grid]
    # Each line: its interior cells and its total cell. Rows have a total when there is a total
    # column (the last); columns when there is a total row.
    lines: list[tuple[list[tuple[int, int]], tuple[int, int]]] = []
    body_rows = n_rows - 1 if column_totals else n_rows
    body_cols = n_cols - 1 if row_totals else n_cols
    if row_totals:
        for r in range(n_rows):
            lines.append(([(r, c) for c in range(body_cols)], (r, n_cols - 1)))
    if column_totals:
        for c in range(n_cols):
            lines.append(([(r, c) for r in range(body_rows)], (n_rows - 1, c)))
    if not lines:
        return status
    member: dict[tuple[int, int], list[int]] = {}
    for i, (cells, total) in enumerate(lines):
        for cell in (*cells, total):
            member.setdefault(cell, []).append(i)
    # Each line's interior cells, smallest first; `start` skips the ones already withheld.
    ordered = [sorted((grid[r][c], r, c) for r, c in cells) for cells, _t in lines]
    start = [0] * len(lines)
    # Per line: how many interior cells are withheld, and what they add up to.
    withheld = [
        [
            sum(1 for r, c in cells if status[r][c] != SAFE),
            sum(grid[r][c] for r, c in cells if status[r][c] != SAFE),
        ]
        for cells, _t in lines
    ]

    def hide(cell: tuple[int, int]) -> list[int]:
        r, c = cell
        status[r][c] = SECONDARY
        touched = member[cell]
        for j in touched:
            if cell != lines[j][1]:
                withheld[j][0] += 1
                withheld[j][1] += grid[r][c]
        return touched

    todo = list(range(len(lines)))
    queued = set(todo)
    while todo:
        i = todo.pop()
        queued.discard(i)
        cells, total = lines[i]
        hidden, hidden_sum = withheld[i]
        total_hidden = status[total[0]][total[1]] != SAFE
        exposed = (hidden + total_hidden == 1) or (
            hidden >= 2 and not total_hidden and hidden_sum < minimum
        )
        if not exposed:
            continue
        choice = _candidate(i, ordered[i], start, status, member, withheld, lines)
        if choice is not None:
            changed = hide(choice)
        elif not total_hidden:
            changed = hide(total)
        else:
            continue
        for j in changed:
            if j not in queued:
                queued.add(j)
                todo.append(j)
        if i not in queued:
            queued.add(i)
            todo.append(i)
    return status


def _candidate(i, ordered, start, status, member, withheld, lines, look=20):
    """The cell to withhold next in line i: the smallest released cell, unless one of the next
    few also mends (or at least does not expose) the other line it is in: greedy, so that
    fewer cells are lost."""
    while start[i] < len(ordered) and status[ordered[start[i]][1]][ordered[start[i]][2]] != SAFE:
        start[i] += 1
    first = None
    for _v, r, c in ordered[start[i] : start[i] + look]:
        if status[r][c] != SAFE:
            continue
        if first is None:
            first = (r, c)
        others = [j for j in member[(r, c)] if j != i and lines[j][1] != (r, c)]
        if all(withheld[j][0] >= 1 for j in others):
            return (r, c)
    return first


def _released(grid, status, base: int, row_totals: bool, column_totals: bool) -> list[list]:
    """Round every released count; a total whose line is fully released is the sum of its
    released cells (the grand total: of the row totals)."""
    out = [
        [round_half_up(v, base) if s == SAFE else None for v, s in zip(row, st, strict=True)]
        for row, st in zip(grid, status, strict=True)
    ]
    n_rows, n_cols = len(grid), len(grid[0])
    body_rows = n_rows - 1 if column_totals else n_rows
    body_cols = n_cols - 1 if row_totals else n_cols
    if row_totals:
        for r in range(body_rows):
            cells = out[r][:body_cols]
            if out[r][-1] is not None and None not in cells:
                out[r][-1] = sum(cells)
    if column_totals:
        for c in range(n_cols):
            cells = [out[r][c] for r in range(body_rows)]
            if out[-1][c] is not None and None not in cells:
                out[-1][c] = sum(cells)
    return out


def _ratio(numerator, denominator, per) -> str | None:
    if numerator is None or denominator in (None, 0):
        return None
    value = Decimal(numerator) * Decimal(per) / Decimal(denominator)
    return str(value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def check_table(
    table: dict, *, profile: "Profile | str" = ONS_SRS, earlier: Iterable[dict] = ()
) -> CheckResult:
    """Apply every rule to the table; raise TableError when it cannot be read. `earlier` is a
    list of {"title": ..., "result": CheckResult.as_json()} for earlier releases of this table."""
    if isinstance(profile, str):
        try:
            profile = PROFILES[profile]
        except KeyError:
            raise TableError(_("Unknown disclosure profile “%(p)s”.") % {"p": profile}) from None
    label_names, count_names, labels, grid, ratios = _parse(table)
    row_totals = bool(table.get("row_totals", True)) and len(count_names) > 1
    column_totals = bool(table.get("column_totals", True)) and len(grid) > 1
    grid = [list(row) for row in grid]
    if row_totals:
        for row in grid:
            row.append(sum(row))
        count_names = [*count_names, TOTAL]
    if column_totals:
        grid.append([sum(col) for col in zip(*grid, strict=True)])
        labels.append([TOTAL] + [""] * (len(label_names) - 1) if label_names else [])
    status = _suppress(grid, profile.minimum, row_totals, column_totals)
    released = _released(grid, status, profile.rounding, row_totals, column_totals)
    columns = [*label_names, *count_names]
    rows = [[*lab, *vals] for lab, vals in zip(labels, released, strict=True)]
    status_rows = [[""] * len(label_names) + st for st in status]
    raw = [[*lab, *vals] for lab, vals in zip(labels, grid, strict=True)]
    notes = []
    for spec in ratios:
        if not isinstance(spec, dict):
            raise TableError(_("Each ratio needs a name, a numerator and a denominator."))
        name = str(spec.get("name") or "").strip()
        num, den = spec.get("numerator"), spec.get("denominator")
        per = spec.get("per", 100)
        if not name or num not in count_names or den not in count_names:
            raise TableError(
                _("The ratio “%(name)s” must name two count columns of the table.")
                % {"name": name or "?"}
            )
        if not isinstance(per, int) or isinstance(per, bool) or per <= 0:
            raise TableError(_("A ratio is per a positive whole number (100 for a percentage)."))
        ni, di = columns.index(num), columns.index(den)
        columns.append(name)
        for row, st in zip(rows, status_rows, strict=True):
            row.append(_ratio(row[ni], row[di], per))
            st.append("ratio")
        for row in raw:
            row.append(None)
        notes.append(
            _("%(name)s is recomputed from the released, rounded counts.") % {"name": name}
        )
    result = CheckResult(
        profile=profile,
        columns=columns,
        label_columns=len(label_names),
        rows=rows,
        status=status_rows,
        raw=raw,
        notes=notes,
    )
    for release in earlier:
        result.flags.extend(differences(result.as_json(), release, profile=profile))
    return result


def _cells(result: dict) -> dict[tuple[str, str], tuple[int | None, int | None]]:
    """(row label, column) -> (released value, raw value), counts only."""
    n = result.get("label_columns", 1)
    columns = result.get("columns", [])
    raw_rows = result.get("raw") or [None] * len(result.get("rows", []))
    out = {}
    for row, st, raw in zip(
        result.get("rows", []), result.get("status", []), raw_rows, strict=False
    ):
        key = " / ".join(str(v) for v in row[:n])
        for i in range(n, len(columns)):
            if st[i] == "ratio":
                continue
            out[(key, columns[i])] = (row[i], raw[i] if raw else None)
    return out


def differences(new: dict, old: dict, *, profile: Profile) -> list[Flag]:
    """Flags for cells of `new` (a CheckResult.as_json) whose difference from the same cell of
    the earlier release `old` ({"title", "result"}) is a small group: between 1 and the
    threshold. Compared on the unrounded counts when both have them, else on released values."""
    title = str(old.get("title", ""))
    before = _cells(old.get("result") or {})
    flags = []
    for cell, (value, raw) in _cells(new).items():
        if cell not in before:
            continue
        old_value, old_raw = before[cell]
        if raw is not None and old_raw is not None:
            gap = abs(raw - old_raw)
        elif value is not None and old_value is not None:
            gap = abs(value - old_value)
        else:
            continue
        if 0 < gap < profile.minimum:
            flags.append(Flag(row=cell[0], column=cell[1], earlier=title, difference=gap))
    return flags
