"""The ranking as a CSV file: for one local authority (at once, from the ranking page) and for
all of England (by a background job, see tasks.export_ranking)."""

import io
from decimal import Decimal

from actlocally.core.csv import writer


def write_ranking_csv(out, rows) -> None:
    """The ranking as CSV; names come from uploads, so every cell goes through the safe writer."""
    csv_out = writer(out)
    csv_out.writerow(
        [
            "code",
            "name",
            "score",
            "rank",
            "lsoas",
            "lsoas_in_decile_1",
            "share_in_decile_1",
            "population",
            "decile",
        ]
    )
    for r in rows:
        csv_out.writerow(
            [
                r.code,
                r.name,
                # Numbers stay numbers: a negative domain score is not a formula.
                "" if r.score is None else Decimal(f"{r.score:.3f}"),
                r.rank,
                r.lsoas,
                r.lsoas_in_decile_1,
                Decimal(f"{r.share_in_decile_1:.3f}"),
                r.population if r.population is not None else "",
                r.decile or "",
            ]
        )


def ranking_csv_bytes(rows) -> bytes:
    """The whole file, as Excel opens it as UTF-8 (byte order mark first)."""
    out = io.StringIO()
    out.write("\ufeff")
    write_ranking_csv(out, rows)
    return out.getvalue().encode()
