"""CSV exports of a symposium: the count (point table and instant-runoff rounds) and contributions."""

from django.utils.translation import gettext as _

from actlocally.core.csv import to_text

from .models import Contribution, Symposium
from .selectors import SymposiumResult


def results_csv(symposium: Symposium, result: SymposiumResult) -> str:
    places = result.place_numbers
    rows: list[list] = [
        [_("Symposium"), symposium.title],
        [_("Ballots"), result.ballots],
        [_("Official method"), _("Modified Borda count")],
        [],
        [
            _("Position"),
            _("Candidate priority"),
            _("Points"),
            _("Tied"),
            *[_("Ranked %(n)s") % {"n": n} for n in places],
        ],
    ]
    for row in result.borda_rows:
        rows.append(
            [
                row.position,
                row.candidate.title,
                row.points,
                _("yes") if row.tied else _("no"),
                *row.places,
            ]
        )
    rows += [
        [],
        [_("Instant-runoff, for comparison")],
        [_("Round"), _("Candidate priority"), _("Votes"), _("Outcome")],
    ]
    for r in result.runoff_rounds:
        for candidate, votes in r["votes"]:
            outcome = (
                _("elected")
                if candidate == r["elected"]
                else _("eliminated")
                if candidate in r["eliminated"]
                else ""
            )
            rows.append([r["number"], candidate.title, votes, outcome])
        rows.append([r["number"], _("(exhausted ballots)"), r["exhausted"], ""])
    return to_text(rows)


def contributions_csv(symposium: Symposium) -> str:
    rows: list[list] = [
        [_("Kind"), _("Contribution"), _("From"), _("Candidate priority"), _("Added")]
    ]
    for c in symposium.contributions.select_related("guest", "candidate").order_by("kind", "pk"):
        rows.append(
            [
                Contribution.Kind(c.kind).label,
                c.text,
                c.guest.get_role_type_display() if c.guest_id else _("Partnership member"),
                c.candidate.title if c.candidate_id else "",
                c.created_at.date().isoformat(),
            ]
        )
    return to_text(rows)
