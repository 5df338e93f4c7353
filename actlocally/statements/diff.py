"""What changed between two versions, section by section: rows added, removed or changed, and
within a changed row the words taken out and put in (difflib)."""

import difflib
import re
from dataclasses import dataclass, field

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .document import PARTS, SECTIONS, item_text

# Words with the spaces after them, so a run of changed words reads as one change.
WORDS = re.compile(r"\S+\s*|\s+")


@dataclass
class Row:
    kind: str  # same | added | removed | changed
    # (op, text) pieces: op is "same", "del" or "ins"
    pieces: list[tuple[str, str]] = field(default_factory=list)

    @property
    def label(self) -> str | Promise:
        return ROW_LABELS[self.kind]


ROW_LABELS = {
    "same": _("Unchanged"),
    "added": _("Added"),
    "removed": _("Removed"),
    "changed": _("Changed"),
}


@dataclass
class SectionDiff:
    key: str
    heading: str | Promise
    rows: list[Row]

    @property
    def changed(self) -> bool:
        return any(r.kind != "same" for r in self.rows)

    @property
    def counts(self) -> dict[str, int]:
        return {kind: sum(1 for r in self.rows if r.kind == kind) for kind in ROW_LABELS}


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    a, b = WORDS.findall(old), WORDS.findall(new)
    pieces: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            pieces.append(("same", "".join(a[i1:i2])))
            continue
        if op in ("delete", "replace"):
            pieces.append(("del", "".join(a[i1:i2])))
        if op in ("insert", "replace"):
            pieces.append(("ins", "".join(b[j1:j2])))
    return pieces


def _diff_lines(old: list[str], new: list[str]) -> list[Row]:
    rows: list[Row] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            rows.extend(Row("same", [("same", line)]) for line in old[i1:i2])
        elif op == "delete":
            rows.extend(Row("removed", [("del", line)]) for line in old[i1:i2])
        elif op == "insert":
            rows.extend(Row("added", [("ins", line)]) for line in new[j1:j2])
        else:
            # Pair rows up in order: a reworded row reads best as one changed row.
            olds, news = old[i1:i2], new[j1:j2]
            for k in range(max(len(olds), len(news))):
                if k < len(olds) and k < len(news):
                    rows.append(Row("changed", word_diff(olds[k], news[k])))
                elif k < len(olds):
                    rows.append(Row("removed", [("del", olds[k])]))
                else:
                    rows.append(Row("added", [("ins", news[k])]))
    return rows


def compare(old: dict, new: dict) -> list[SectionDiff]:
    """Every section of the document, in order, with its rows marked as changed or not."""
    sections = [
        SectionDiff(
            "introduction",
            dict(PARTS)["problem"],
            _diff_lines(
                _paragraphs(old.get("introduction", "")), _paragraphs(new.get("introduction", ""))
            ),
        )
    ]
    for section in SECTIONS:
        sections.append(
            SectionDiff(
                section.key,
                section.heading,
                _diff_lines(
                    [item_text(section.key, r) for r in old.get(section.key, [])],
                    [item_text(section.key, r) for r in new.get(section.key, [])],
                ),
            )
        )
    return sections


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.splitlines() if p.strip()]
