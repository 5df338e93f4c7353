"""The dashboard's indicator rows as HTML, built in Python: through the template engine, 30
partnerships × 20 indicators took about 300 ms to render, and even format_html spends most of its
time in its lazy-string wrappers. Every value put into the markup goes through `html.escape`
(names are typed by people), and only the joined result is marked safe. The markup is the
measurement pages' own."""

import html
from dataclasses import dataclass

from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

ROW = (
    '<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">'
    '<a class="govuk-link" href="{}">{}</a>{}</th>'
    '<td class="govuk-table__cell" data-label="{}">{}</td>'
    + (
        '<td class="govuk-table__cell" data-label="{}"><strong class="govuk-tag {}">{}</strong>'
        '<p class="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0">{}</p></td>'
    )
    * 4
    + "</tr>"
)


# An indicator without a baseline: a grey tag saying so, and no sentence.
NO_BASELINE = {"tag_class": "govuk-tag--grey", "words": "", "sentence": ""}


def labels(local_authority_name: str) -> dict[str, str]:
    """The words every row repeats, translated once for the page."""
    return {
        "latest": _("Latest"),
        "local_authority": _("Compared with %(la)s") % {"la": local_authority_name},
        "england": _("Compared with England"),
        "trend": _("Trend"),
        "change": _("Since the baseline"),
        "no_baseline": _("No baseline set."),
        "illustrative": _("Illustrative"),
        "illustrative_words": _("Made-up demonstration values, not real data."),
        "no_data": _("No data yet."),
        "suppressed": _("Suppressed: the count is too small to show."),
    }


def _e(value) -> str:
    return html.escape(str(value), quote=True)


def _latest(i: dict, words: dict) -> str:
    latest = i["latest"]
    if latest is None:
        return _e(words["no_data"])
    if latest.suppressed:
        return f"{_e(words['suppressed'])} ({_e(latest.period)})"
    return (
        f"<strong>{_e(i['latest_value'])}</strong> "
        f'<span class="govuk-body-s">({_e(latest.period)})</span>'
    )


def _cells(i: dict, words: dict) -> tuple:
    la, england, trend = i["vs_local_authority"], i["vs_england"], i["trend_summary"]
    change = i["change"] or NO_BASELINE
    return (
        i["url"],
        i["indicator"].name,
        words["latest"],
        words["local_authority"],
        la.tag_class,
        la.words,
        la.sentence,
        words["england"],
        england.tag_class,
        england.words,
        england.sentence,
        words["trend"],
        trend["tag_class"],
        trend["words"],
        trend["sentence"],
        words["change"],
        change["tag_class"],
        change["words"] or words["no_baseline"],
        change["sentence"],
    )


def indicator_rows(indicators: list[dict], words: dict) -> SafeString:
    illustrative = (
        f'<br><strong class="govuk-tag govuk-tag--orange">{_e(words["illustrative"])}</strong> '
        f'<span class="govuk-body-s">{_e(words["illustrative_words"])}</span>'
    )
    rows = []
    for i in indicators:
        url, name, latest_label, *judgements = map(_e, _cells(i, words))
        rows.append(
            ROW.format(
                url,
                name,
                illustrative if i["indicator"].illustrative else "",
                latest_label,
                _latest(i, words),
                *judgements,
            )
        )
    return mark_safe("\n".join(rows))  # noqa: S308 (every value above is escaped)


@dataclass(frozen=True)
class Card:
    """A partnership card's own words and links (plain text: the template escapes them)."""

    phase: str
    steps: str
    overdue: str
    caption: str
    home_url: str
    journey_url: str
    overdue_url: str


# A slug no partnership has, reversed once per page: every card's links are the same pattern.
_SLUG = "partnership-slug-placeholder"


def cards(page_rows: list) -> None:
    """Give each dashboard row its Card: a reverse() per page, not three per partnership, and
    each sentence's format translated once."""
    home, journey, plan = (
        reverse(name, kwargs={"slug": _SLUG}) for name in ("partnership", "journey", "action_plan")
    )
    phase_words = _("Phase %(number)s: %(title)s")
    steps_words = _("%(done)s of the blueprint's %(total)s steps done")
    caption_words = _("Indicators of %(name)s")
    for row in page_rows:
        p, phase = row.partnership, row.phase
        row.card = Card(
            phase=phase_words % {"number": phase.number, "title": phase.title},
            steps=steps_words % {"done": phase.done, "total": phase.total},
            overdue=ngettext("%(counter)s overdue", "%(counter)s overdue", row.overdue)
            % {"counter": row.overdue},
            caption=caption_words % {"name": p.name},
            home_url=home.replace(_SLUG, p.slug),
            journey_url=journey.replace(_SLUG, p.slug),
            overdue_url=f"{plan.replace(_SLUG, p.slug)}?status=overdue",
        )
