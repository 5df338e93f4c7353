"""Reads for the theory of change page: the diagram's columns and what links to each outcome."""

from actlocally.partnerships.models import FocusIssue, Partnership

from .links import links_for
from .models import CHAIN, HINTS, Kind, TheoryOfChange


def active_focus(partnership: Partnership) -> FocusIssue | None:
    return (
        partnership.focus_issues.filter(status=FocusIssue.Status.ACTIVE)
        .prefetch_related("outcomes")
        .first()
    )


def theory_for(focus: FocusIssue | None) -> TheoryOfChange | None:
    if focus is None:
        return None
    return (
        TheoryOfChange.objects.filter(focus_issue=focus)
        .select_related("updated_by")
        .prefetch_related("elements__intended_outcome")
        .first()
    )


def diagram(partnership: Partnership, theory: TheoryOfChange | None) -> dict:
    """The columns of the chain in order, each with its boxes; outcome boxes carry their links."""
    elements = list(theory.elements.all()) if theory else []
    outcome_ids = [e.intended_outcome_id for e in elements if e.intended_outcome_id]
    links = links_for(partnership, outcome_ids)
    for e in elements:
        e.links = links.get(e.intended_outcome_id, []) if e.intended_outcome_id else []
    columns = [
        {
            "kind": kind.value,
            "label": kind.label,
            "hint": HINTS[kind],
            "elements": sorted(
                (e for e in elements if e.kind == kind), key=lambda e: (e.order, e.pk)
            ),
        }
        for kind in CHAIN
    ]
    assumptions = sorted(
        (e for e in elements if e.kind == Kind.ASSUMPTION), key=lambda e: (e.order, e.pk)
    )
    return {
        "columns": columns,
        "assumptions": assumptions,
        "has_outcomes": bool(columns[3]["elements"]),
        "is_empty": not elements,
    }


def search_theory(partnership: Partnership, words: list[str], limit: int) -> list:
    """Boxes of the current theory of change (the one its page shows) with every word."""
    from django.urls import reverse

    from actlocally.search.registry import Result, matching

    from .models import Element

    url = reverse("theory_of_change", kwargs={"slug": partnership.slug})
    found = (
        Element.objects.filter(
            theory__partnership=partnership,
            theory__focus_issue__status=FocusIssue.Status.ACTIVE,
        )
        .filter(matching(words, "text", "intended_outcome__text"))
        .select_related("intended_outcome")
        .order_by("kind", "order", "pk")[:limit]
    )
    return [
        Result(
            title=(e.intended_outcome.text if e.intended_outcome else e.text),
            url=url,
            detail=e.get_kind_display(),
        )
        for e in found
    ]
