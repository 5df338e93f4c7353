"""What every rendering of a version shares: its page context, its details and its file name."""

from django.utils.text import slugify
from django.utils.translation import gettext as _

from ..charts import bar_chart_svg
from ..document import PARTS, SECTIONS_BY_KEY, display_figure, format_value
from ..evidence import resolve, thaw
from ..models import StatementVersion


def document_context(version: StatementVersion) -> dict:
    """Everything the document page, the PDF and the Word file show, shaped once."""
    statement = version.statement
    partnership = statement.partnership
    content = with_leads(version.content)
    charts = [
        {
            **chart,
            "id": f"chart-{n}",
            "svg": bar_chart_svg(chart, chart_id=f"chart-{n}"),
            "points": [
                {**p, "display": format_value(p["value"], chart.get("unit"))}
                for p in chart["points"]
            ],
        }
        for n, chart in enumerate(content.get("charts", []), start=1)
    ]
    facts = [{**f, "value": display_figure(f.get("value"))} for f in content.get("facts", [])]
    indicators = [
        {**row, "shown": shown_evidence(version, row["evidence"])}
        for row in content.get("indicators", [])
    ]
    parts = dict(PARTS)
    contents = [
        {
            "id": "problem",
            "label": parts["problem"],
            "children": [
                {"id": "data", "label": SECTIONS_BY_KEY["facts"].heading},
                {"id": "lived-experience", "label": SECTIONS_BY_KEY["quotes"].heading},
            ],
        },
        {"id": "actions", "label": parts["actions"], "children": []},
        {"id": "outcomes", "label": parts["outcomes"], "children": []},
        {"id": "recommendations", "label": parts["recommendations"], "children": []},
    ]
    return {
        "version": version,
        "statement": statement,
        "partnership": partnership,
        "focus_issue": statement.focus_issue,
        "content": content,
        "facts": facts,
        "introduction": [p for p in content.get("introduction", "").splitlines() if p.strip()],
        "charts": charts,
        "indicators": indicators,
        "contents": contents,
        "title": _("Statement of Intent"),
        "meta": meta_rows(version),
    }


def shown_evidence(version: StatementVersion, value: str):
    """An agreed version's figures as frozen when it was agreed; a draft's or a circulated
    version's, live. An agreed version from before figures were frozen has none kept, so its
    figures are live as they always were."""
    if version.is_agreed and value in version.figures:
        frozen = version.figures[value]
        return None if frozen is None else thaw(frozen, as_at=version.date_label)
    return resolve(version.statement.partnership, value)


def with_leads(content: dict) -> dict:
    """The content with every action's lead organisation named, or said to be not yet agreed,
    so no rendering shows a blank where a commissioner looks for who leads."""
    actions = [
        {**action, "lead": action.get("lead") or _("lead not yet agreed")}
        for action in content.get("actions", [])
    ]
    return {**content, "actions": actions}


def meta_rows(version: StatementVersion) -> list[tuple[str, str]]:
    partnership = version.statement.partnership
    rows = [
        (_("Area"), partnership.area_name),
        (_("Partnership"), partnership.name),
        (_("Local authority"), partnership.local_authority.name),
        (_("Focus issue"), version.statement.focus_issue.title),
        (_("Version"), str(version.number)),
        (_("Status"), version.get_status_display()),
        (_("Agreed on") if version.is_agreed else _("Last changed"), version.date_label),
    ]
    if version.is_agreed:
        rows.append((_("Agreed by"), version.agreed_by_whom))
    return rows


def file_name(version: StatementVersion, extension: str) -> str:
    partnership = version.statement.partnership
    return (
        f"statement-of-intent-{slugify(partnership.area_name)}-v{version.number}-"
        f"{version.status}.{extension}"
    )
