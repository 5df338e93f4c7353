"""`{% term "LSOA" %}`: a word of the glossary, with its meaning on hover and a link to it."""

from django import template
from django.urls import reverse
from django.utils.html import format_html

from actlocally.pages.glossary import BY_KEY

register = template.Library()


@register.simple_tag
def term(key: str, text: str = ""):
    """An abbreviation renders as <abbr title="what it stands for">; any term links to its entry
    in the glossary. `text` replaces the words shown (for a plural, say)."""
    entry = BY_KEY.get(key.lower())
    if entry is None:
        raise template.TemplateSyntaxError(f"{key!r} is not in the glossary (pages/glossary.py)")
    url = reverse("glossary") + f"#{entry.anchor}"
    shown = text or key
    if entry.expansion:
        return format_html(
            '<a class="govuk-link app-term" href="{}"><abbr title="{}">{}</abbr></a>',
            url,
            entry.expansion,
            shown,
        )
    return format_html(
        '<a class="govuk-link app-term" href="{}" title="{}">{}</a>', url, entry.short, shown
    )


@register.inclusion_tag("pages/_terms.html")
def terms(*keys: str):
    """A line under a page's heading: the glossary words the page uses, each with its hint."""
    return {"links": [term(key) for key in keys]}
