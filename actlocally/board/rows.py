"""The dashboard's indicator rows as HTML, built in Python: through the template engine, 30
partnerships × 20 indicators took about 300 ms to render, and even format_html spends most of its
time in its lazy-string wrappers. Every value put into the markup goes through `html.escape`
(names are typed by people), and only the joined result is marked safe. The markup is the
measurement pages' own."""

import html

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

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
