"""The content of one Statement of Intent version: its sections, their rows, and the validation that
keeps every stored version in the same shape (see docs/adr/0001-statement-versions-as-json.md)."""

import copy
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

SCHEMA_VERSION = 1
MAX_ROWS = 60
MAX_CHART_POINTS = 12
MAX_TEXT = 4000


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    kind: str = "text"  # text | bool | int | id | points
    required: bool = False


@dataclass(frozen=True)
class Section:
    """A list section of the document: `key` in the content, its heading and its row fields."""

    key: str
    heading: str
    part: str  # which part of the document it belongs to, for the contents list
    fields: tuple[Field, ...]
    row_label: str


SECTIONS: tuple[Section, ...] = (
    Section(
        "facts",
        _("What the data tells us"),
        "problem",
        (
            Field("value", _("Figure")),
            Field("text", _("What it tells us"), required=True),
            Field("source", _("Source")),
            Field("year", _("Year"), "int"),
        ),
        _("Fact"),
    ),
    Section(
        "charts",
        _("Charts"),
        "problem",
        (
            Field("title", _("Chart title"), required=True),
            Field("unit", _("Unit")),
            Field("source", _("Source")),
            Field("year", _("Year"), "int"),
            Field("points", _("Numbers"), "points", required=True),
            Field("illustrative", _("Illustrative"), "bool"),
        ),
        _("Chart"),
    ),
    # Evidence embedded from another app (evidence.py): which item, and its name when embedded.
    Section(
        "indicators",
        _("Indicators"),
        "problem",
        (
            Field("evidence", _("Indicator"), required=True),
            Field("title", _("Indicator")),
            Field("note", _("What it tells us")),
        ),
        _("Indicator"),
    ),
    Section(
        "quotes",
        _("Lived experience"),
        "problem",
        (
            Field("text", _("Quote"), required=True),
            Field("source", _("Who said it, and where"), required=True),
            Field("consent", _("Consent")),
            Field("illustrative", _("Illustrative"), "bool"),
        ),
        _("Quote"),
    ),
    Section(
        "actions",
        _("Agreed actions"),
        "actions",
        (
            Field("text", _("Action"), required=True),
            Field("lead", _("Lead organisation")),
            Field("lead_id", _("Lead organisation"), "id"),
        ),
        _("Action"),
    ),
    Section(
        "outcomes",
        _("Desired outcomes"),
        "outcomes",
        (Field("text", _("Outcome"), required=True),),
        _("Outcome"),
    ),
    Section(
        "recommendations",
        _("Recommendations for commissioners"),
        "recommendations",
        (
            Field("key", _("Reference"), required=True),
            Field("text", _("Recommendation"), required=True),
            Field("to", _("To"), required=True),
            Field("to_id", _("To"), "id"),
            Field("illustrative", _("Illustrative"), "bool"),
        ),
        _("Recommendation"),
    ),
)
SECTIONS_BY_KEY = {s.key: s for s in SECTIONS}

# The document's parts, in order, as the contents list shows them.
PARTS = (
    ("problem", _("The problem locally")),
    ("actions", _("Agreed actions")),
    ("outcomes", _("Desired outcomes")),
    ("recommendations", _("Recommendations for commissioners")),
)


def empty_content() -> dict:
    return {"schema": SCHEMA_VERSION, "introduction": "", **{s.key: [] for s in SECTIONS}}


RECOMMENDATION_KEY = re.compile(r"R(\d+)")


def next_recommendation_keys(used: Iterable[str], count: int) -> list[str]:
    """`count` new references for a statement's recommendations: R1, R2 … after the highest
    it has ever used, so a reference follows its recommendation from version to version and a
    dropped one is never given to another."""
    numbers = [int(m[1]) for key in used if (m := RECOMMENDATION_KEY.fullmatch(str(key)))]
    start = max(numbers, default=0) + 1
    return [f"R{n}" for n in range(start, start + count)]


def _clean_points(value, where: str) -> list[dict]:
    if not isinstance(value, list) or not value:
        raise ValidationError(_("%(where)s: give at least one number to chart.") % {"where": where})
    if len(value) > MAX_CHART_POINTS:
        raise ValidationError(
            ngettext(
                "%(where)s: a chart can show at most %(n)s number.",
                "%(where)s: a chart can show at most %(n)s numbers.",
                MAX_CHART_POINTS,
            )
            % {"where": where, "n": MAX_CHART_POINTS}
        )
    points = []
    for point in value:
        if not isinstance(point, dict) or not str(point.get("label", "")).strip():
            raise ValidationError(_("%(where)s: every number needs a label.") % {"where": where})
        try:
            number = Decimal(str(point.get("value")))
        except InvalidOperation:
            raise ValidationError(
                _("%(where)s: “%(value)s” is not a number.")
                % {"where": where, "value": point.get("value")}
            ) from None
        if not number.is_finite() or number < 0:
            raise ValidationError(
                _("%(where)s: chart numbers must be zero or more.") % {"where": where}
            )
        points.append({"label": str(point["label"]).strip()[:200], "value": float(number)})
    return points


def clean_content(raw: dict) -> dict:
    """A validated, normalised copy of `raw`, or a ValidationError that names the section and row."""
    if not isinstance(raw, dict):
        raise ValidationError(_("The document must be a set of sections."))
    content = empty_content()
    content["introduction"] = str(raw.get("introduction") or "").strip()[:MAX_TEXT]
    errors = []
    for section in SECTIONS:
        rows = raw.get(section.key) or []
        if not isinstance(rows, list):
            errors.append(_("%(section)s must be a list.") % {"section": section.heading})
            continue
        if len(rows) > MAX_ROWS:
            errors.append(
                ngettext(
                    "%(section)s can have at most %(n)s row.",
                    "%(section)s can have at most %(n)s rows.",
                    MAX_ROWS,
                )
                % {"section": section.heading, "n": MAX_ROWS}
            )
            continue
        for number, row in enumerate(rows, start=1):
            where = f"{section.heading}, {section.row_label.lower()} {number}"
            try:
                content[section.key].append(_clean_row(section, row, where))
            except ValidationError as error:
                errors.extend(error.messages)
    keys = [r["key"] for r in content["recommendations"]]
    if len(keys) != len(set(keys)):
        errors.append(_("Two recommendations have the same reference."))
    if errors:
        raise ValidationError(errors)
    return content


def _clean_row(section: Section, row, where: str) -> dict:
    if not isinstance(row, dict):
        raise ValidationError(_("%(where)s is not a row.") % {"where": where})
    clean = {}
    for field in section.fields:
        value = row.get(field.name)
        if field.kind == "bool":
            clean[field.name] = bool(value)
        elif field.kind == "id":
            clean[field.name] = int(value) if value not in (None, "") else None
        elif field.kind == "int":
            if value in (None, ""):
                clean[field.name] = None
            else:
                try:
                    clean[field.name] = int(value)
                except (TypeError, ValueError):
                    raise ValidationError(
                        _("%(where)s: %(field)s must be a whole number.")
                        % {"where": where, "field": field.label.lower()}
                    ) from None
        elif field.kind == "points":
            clean[field.name] = _clean_points(value, where)
        else:
            text = str(value or "").strip()
            if field.required and not text:
                raise ValidationError(
                    _("%(where)s: enter the %(field)s.")
                    % {"where": where, "field": field.label.lower()}
                )
            clean[field.name] = text[:MAX_TEXT]
    return clean


def copy_content(content: dict) -> dict:
    return copy.deepcopy(content)


def item_text(section_key: str, row: dict) -> str:
    """One row as one line of plain text: what the compare page diffs and exports fall back on."""
    if section_key == "facts":
        source = ", ".join(str(p) for p in (row.get("source"), row.get("year")) if p)
        text = f"{row.get('value', '')} {row['text']}".strip()
        return f"{text} ({source})" if source else text
    if section_key == "charts":
        unit = row.get("unit") or ""
        points = "; ".join(
            f"{p['label']}: {format_number(p['value'])}{unit}" for p in row["points"]
        )
        return f"{row['title']}: {points}"
    if section_key == "indicators":
        return f"{row['title']}: {row['note']}" if row.get("note") else row["title"]
    if section_key == "quotes":
        return f"“{row['text']}” – {row['source']}"
    if section_key == "actions":
        return f"{row['text']} (lead: {row['lead']})" if row.get("lead") else row["text"]
    if section_key == "recommendations":
        return f"{row['text']} (to: {row['to']})"
    return row["text"]


def format_number(value: float) -> str:
    return f"{value:,.1f}".rstrip("0").rstrip(".") if value != int(value) else f"{int(value):,}"


def format_value(value: float, unit: str = "") -> str:
    """A chart number with its unit: a symbol sticks to it ("8.2%"), a word is spaced ("8 LSOAs")."""
    unit = (unit or "").strip()
    joiner = " " if unit[:1].isalpha() else ""
    return f"{format_number(value)}{joiner}{unit}"


PLAIN_NUMBER = re.compile(r"(?P<number>\d+(?:\.\d+)?)(?P<rest>%?)")


def display_figure(value) -> str:
    """A fact's figure as people read it: a plain number gets thousands separators ("17,208");
    anything written in words ("over half", "1 in 5") is shown as it was typed."""
    text = str(value if value is not None else "").strip()
    match = PLAIN_NUMBER.fullmatch(text)
    if not match:
        return text
    return format_number(float(match["number"])) + match["rest"]
