"""Named analyses over a project's linked, pseudonymised tables, and the analyst's SQL mode.

Every result is a table of counts (`AnalysisTable`): what an analyst may submit for release
through output checking. No result holds a person id or one child's row.
"""

import re
import threading
from dataclasses import dataclass, field

import duckdb
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from . import store

# How a partnership's area is found among the LSOAs (2011) of the school census, by ward. The
# partnerships' areas (places.yaml) follow wards; Holme Wood is a cluster inside Tong ward and
# Girlington the City ward LSOAs bordering Manningham, approximated here by the whole wards.
AREAS = {
    "keighley": (_("Keighley"), ("Keighley Central",)),
    "holme-wood": (_("Holme Wood (Tong ward)"), ("Tong",)),
    "manningham-girlington": (_("Manningham & Girlington"), ("Manningham", "City")),
    "bradford": (_("Bradford District"), ()),
}
DIMENSIONS = {
    "lsoa": _("LSOA"),
    "school_name": _("School"),
    "year_group": _("Year group"),
    "fsm": _("Free school meals"),
    "send": _("Special educational needs (SEND)"),
    "eal": _("English as an additional language"),
}


@dataclass
class AnalysisTable:
    title: str
    columns: list[str]
    rows: list[list] = field(default_factory=list)
    # Which columns are counts of children (output checking suppresses and rounds those).
    count_columns: list[str] = field(default_factory=list)
    notes: str = ""

    def for_release(self) -> dict:
        """The table as output checking takes it: the grouping label and the counts of
        children only (sums of sessions are not counts of people), without row totals (the
        count columns overlap: children, and some of them)."""
        keep = [0, *[i for i, c in enumerate(self.columns) if c in self.count_columns]]
        return {
            "columns": [self.columns[i] for i in keep],
            "label_columns": 1,
            "rows": [
                ["" if r[0] is None else str(r[0]), *[r[i] for i in keep[1:]]] for r in self.rows
            ],
            "row_totals": False,
        }


@dataclass(frozen=True)
class Analysis:
    slug: str
    title: str
    area: str
    sql: str  # over the views; {by} is the grouping column, {area} the LSOA filter
    columns: tuple[str, ...]
    counts: tuple[str, ...]
    needs: tuple[str, ...]  # views it reads


ANALYSES = {
    a.slug: a
    for a in [
        Analysis(
            "dental-absence",
            _("Dental-reason absence and dental registration"),
            "keighley",
            """
            SELECT CAST(c.{by} AS VARCHAR) AS grp, COUNT(*) AS children,
                COUNT(*) FILTER (a.missed_dental > 0) AS children_missing_for_dental,
                SUM(a.missed_dental) AS dental_sessions_missed,
                SUM(a.sessions_possible) AS sessions_possible,
                COUNT(*) FILTER (h.dental_registered) AS dental_registered,
                COUNT(*) FILTER (h.person_id IS NOT NULL AND NOT h.dental_registered)
                    AS not_dental_registered
            FROM children c JOIN attendance a USING (person_id)
            LEFT JOIN health h USING (person_id)
            WHERE {area} GROUP BY 1 ORDER BY 1
            """,
            (
                "children",
                "children_missing_for_dental",
                "dental_sessions_missed",
                "sessions_possible",
                "dental_registered",
                "not_dental_registered",
            ),
            (
                "children",
                "children_missing_for_dental",
                "dental_registered",
                "not_dental_registered",
            ),
            ("children", "attendance", "health"),
        ),
        Analysis(
            "police-attendance",
            _("Police contact against attendance and early help"),
            "holme-wood",
            """
            WITH a AS (
                SELECT person_id, 1 - (missed_illness + missed_medical + missed_dental
                    + missed_other_authorised + missed_unauthorised) / sessions_possible AS rate
                FROM attendance
            )
            SELECT CAST(c.{by} AS VARCHAR) AS grp, COUNT(*) AS children,
                COUNT(p.person_id) AS police_contact,
                COUNT(*) FILTER (a.rate < 0.9) AS persistently_absent,
                COUNT(*) FILTER (a.rate < 0.9 AND p.person_id IS NOT NULL)
                    AS police_contact_and_persistently_absent,
                COUNT(e.person_id) AS early_help,
                COUNT(*) FILTER (e.person_id IS NOT NULL AND p.person_id IS NOT NULL)
                    AS police_contact_and_early_help
            FROM children c JOIN a USING (person_id)
            LEFT JOIN (SELECT DISTINCT person_id FROM police) p USING (person_id)
            LEFT JOIN (SELECT DISTINCT person_id FROM early_help) e USING (person_id)
            WHERE {area} GROUP BY 1 ORDER BY 1
            """,
            (
                "children",
                "police_contact",
                "persistently_absent",
                "police_contact_and_persistently_absent",
                "early_help",
                "police_contact_and_early_help",
            ),
            (
                "children",
                "police_contact",
                "persistently_absent",
                "police_contact_and_persistently_absent",
                "early_help",
                "police_contact_and_early_help",
            ),
            ("children", "attendance", "police", "early_help"),
        ),
        Analysis(
            "mental-health-take-up",
            _("Mental-health support take-up"),
            "manningham-girlington",
            """
            SELECT CAST(c.{by} AS VARCHAR) AS grp, COUNT(*) AS children,
                COUNT(*) FILTER (h.mh_support_referred) AS referred,
                COUNT(*) FILTER (h.mh_support_attended) AS took_up
            FROM children c JOIN health h USING (person_id)
            WHERE {area} GROUP BY 1 ORDER BY 1
            """,
            ("children", "referred", "took_up"),
            ("children", "referred", "took_up"),
            ("children", "health"),
        ),
    ]
}


def _area_lsoas(area: str) -> list[str]:
    from actlocally.linkage.synth.generate import _read

    wards = AREAS[area][1]
    return [r["LSOA11CD"] for r in _read("LSOA11_WD19_LAD19_EW_LU.csv") if r["WD19NM"] in wards]


class NotLinked(Exception):
    """The project has no linked tables (yet) for this analysis."""


def analysis_table(
    project_id: int, slug: str, *, by: str, area: str | None = None
) -> AnalysisTable:
    """A named analysis as a table of counts, grouped by `by` (one of DIMENSIONS), for `area`
    (one of AREAS; the analysis's own by default)."""
    analysis = ANALYSES[slug]
    if by not in DIMENSIONS:
        raise ValueError(f"unknown grouping {by!r}")
    area = area or analysis.area
    if area not in AREAS:
        raise ValueError(f"unknown area {area!r}")
    lsoas = _area_lsoas(area) if AREAS[area][1] else []
    where = "c.lsoa IN (SELECT UNNEST(?))" if lsoas else "TRUE"
    try:
        con = store.connect_data(project_id, read_only=True)
    except FileNotFoundError as e:
        raise NotLinked from e
    with con:
        views = {
            r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()
        }
        if not set(analysis.needs) <= views:
            raise NotLinked
        rows = con.execute(
            analysis.sql.format(by=by, area=where), [lsoas] if lsoas else []
        ).fetchall()
    return AnalysisTable(
        title=f"{analysis.title}, {AREAS[area][0]}, by {DIMENSIONS[by]}",
        columns=[str(DIMENSIONS[by]), *analysis.columns],
        rows=[list(r) for r in rows],
        count_columns=list(analysis.counts),
        notes=str(
            _(
                "Synthetic data. Counts of children from the linked, pseudonymised tables; "
                "not checked for disclosure until released."
            )
        ),
    )


class QueryRefused(Exception):
    pass


SMALL = 10
PSEUDONYM = re.compile(r"^[0-9a-f]{32}$")


def run_query(project_id: int, sql: str) -> AnalysisTable:
    """The analyst's SQL (one SELECT) over the project's views: read-only, no files, at most
    LINKAGE_QUERY_SECONDS and LINKAGE_QUERY_ROWS rows. Its result must count children in a
    column `n`; rows with n under 10 are withheld from the page."""
    sql = sql.strip().rstrip(";")
    if not sql:
        raise QueryRefused(_("Write a query."))
    if ";" in sql:
        raise QueryRefused(_("Write one query, without semicolons."))
    try:
        con = store.connect_data(project_id, read_only=True)
    except FileNotFoundError as e:
        raise QueryRefused(_("Link the project's extracts first.")) from e
    limit = settings.LINKAGE_QUERY_ROWS
    timer = threading.Timer(settings.LINKAGE_QUERY_SECONDS, con.interrupt)
    try:
        # No reading or writing files, no attaching databases, and no changing that back.
        con.execute("SET enable_external_access = false")
        con.execute("SET lock_configuration = true")
        timer.start()
        cursor = con.execute(f"SELECT * FROM ({sql}) LIMIT {limit + 1}")
        columns = [d[0] for d in cursor.description]
        rows = cursor.fetchall()
    except duckdb.InterruptException as e:
        raise QueryRefused(
            _("The query took longer than %(s)s seconds and was stopped.")
            % {"s": settings.LINKAGE_QUERY_SECONDS}
        ) from e
    except duckdb.Error as e:
        raise QueryRefused(_("DuckDB could not run the query: %(e)s") % {"e": str(e)[:300]}) from e
    finally:
        timer.cancel()
        con.close()
    if "n" not in columns:
        raise QueryRefused(
            _(
                "Count the children in each row in a column named n (COUNT(*) AS n): only tables "
                "of counts are shown."
            )
        )
    if any(isinstance(v, str) and PSEUDONYM.match(v) for r in rows for v in r):
        raise QueryRefused(_("The result holds person ids or record pseudonyms: group and count."))
    at = columns.index("n")
    shown = [list(r) for r in rows[:limit] if isinstance(r[at], int) and r[at] >= SMALL]
    hidden = len(rows[:limit]) - len(shown)
    notes = [] if hidden == 0 else [_("%(n)s rows with n under 10 are not shown.") % {"n": hidden}]
    if len(rows) > limit:
        notes.append(_("Only the first %(n)s rows were read.") % {"n": limit})
    return AnalysisTable(
        title=str(_("Query result")),
        columns=columns,
        rows=shown,
        count_columns=["n"],
        notes=" ".join(str(n) for n in notes),
    )
