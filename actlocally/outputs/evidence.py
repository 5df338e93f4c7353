"""Released outputs as evidence a Statement of Intent can embed (statements/evidence.py): only
released tables are offered, and only their checked, rounded figures are shown."""

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .models import OutputRequest

WITHHELD = "[c]"


def released(partnership):
    return OutputRequest.objects.filter(
        project__partnership=partnership, status=OutputRequest.Status.RELEASED
    ).select_related("project")


def choices(partnership) -> list[tuple[str, str]]:
    return [(str(o.pk), o.title) for o in released(partnership).order_by("title", "pk")]


def shown_rows(output: OutputRequest) -> tuple[list[str], list[list[str]]]:
    """The released table as text: withheld cells as [c] (the ONS symbol), labels as given."""
    result = output.result
    columns = [str(c) for c in result.get("columns", [])]
    rows = [
        [WITHHELD if cell is None else str(cell) for cell in row] for row in result.get("rows", [])
    ]
    return columns, rows


def embed(partnership, ref: str):
    from actlocally.statements.evidence import Evidence

    if not ref.isdigit():
        return None
    output = released(partnership).filter(pk=int(ref)).first()
    if output is None:
        return None
    columns, rows = shown_rows(output)
    labels = output.result.get("label_columns", 1)
    facts = [
        (
            " / ".join(row[:labels]) or _("All"),
            "; ".join(f"{c}: {v}" for c, v in zip(columns[labels:], row[labels:], strict=False)),
        )
        for row in rows
    ]
    facts.append(
        (
            _("How it was checked"),
            _(
                "Released on %(date)s after two independent output checkers approved it. "
                "Counts under the threshold are withheld ([c]) and every count is rounded to "
                "the nearest 5."
            )
            % {"date": date_format(output.released_at, "j F Y")},
        )
    )
    return Evidence(
        title=output.title,
        url=output.get_released_url(),
        facts=facts,
        illustrative=output.illustrative,
        chart_title=output.title,
        chart_columns=columns,
        chart_rows=rows,
    )
