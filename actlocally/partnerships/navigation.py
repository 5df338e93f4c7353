"""The sections of a partnership's pages. Each app adds its own section from its AppConfig.ready(),
so a new capability appears in the partnership's sub-navigation without editing this app."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise


@dataclass(frozen=True)
class Section:
    label: str | Promise
    url_name: str  # takes the partnership's slug as its only argument
    order: int


_SECTIONS: dict[str, Section] = {}


def register_section(*, label, url_name: str, order: int) -> None:
    _SECTIONS[url_name] = Section(label=label, url_name=url_name, order=order)


def sections_for(partnership, current_path: str) -> list[dict]:
    items = []
    for section in sorted(_SECTIONS.values(), key=lambda s: s.order):
        url = reverse(section.url_name, kwargs={"slug": partnership.slug})
        # The overview is current only on its own page; other sections on every page below them.
        current = current_path == url if section.order == 0 else current_path.startswith(url)
        items.append({"label": section.label, "url": url, "current": current})
    return items
