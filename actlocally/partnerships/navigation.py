"""The sections and overview panels of a partnership. Each app adds its own from its AppConfig.ready(),
so a new capability appears in the partnership's sub-navigation without editing this app."""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise


@dataclass(frozen=True)
class Section:
    label: str | Promise
    url_name: str  # takes the partnership's slug as its only argument
    order: int
    # A restricted section names the permission (from the permission table) its page checks,
    # so nobody is shown a tab that would answer 403.
    permission: str | None = None


_SECTIONS: dict[str, Section] = {}


def register_section(*, label, url_name: str, order: int, permission: str | None = None) -> None:
    _SECTIONS[url_name] = Section(
        label=label, url_name=url_name, order=order, permission=permission
    )


def _allowed(user, permission: str | None, partnership) -> bool:
    from actlocally.authorization import has_permission

    return permission is None or has_permission(user, permission, partnership)


def sections_for(partnership, current_path: str, user=None) -> list[dict]:
    items = []
    for section in sorted(_SECTIONS.values(), key=lambda s: s.order):
        if not _allowed(user, section.permission, partnership):
            continue
        url = reverse(section.url_name, kwargs={"slug": partnership.slug})
        # The overview is current only on its own page; other sections on every page below them.
        current = current_path == url if section.order == 0 else current_path.startswith(url)
        items.append({"label": section.label, "url": url, "current": current})
    return items


@dataclass(frozen=True)
class Panel:
    """A summary an app shows on one of the partnership's pages (the overview unless it says
    otherwise, e.g. "focus_issue"): a template and a function that returns its context (or None
    to show nothing), in a fixed number of queries."""

    template_name: str
    context: Callable[..., dict | None]
    order: int
    page: str = "overview"
    permission: str | None = None  # as for a section: shown only to those who hold it


_PANELS: dict[str, Panel] = {}


def register_panel(
    *,
    key: str,
    template_name: str,
    context: Callable[..., dict | None],
    order: int,
    page: str = "overview",
    permission: str | None = None,
) -> None:
    _PANELS[key] = Panel(
        template_name=template_name,
        context=context,
        order=order,
        page=page,
        permission=permission,
    )


def panels_for(partnership, user, page: str = "overview") -> list[tuple[str, dict]]:
    panels = []
    for panel in sorted((p for p in _PANELS.values() if p.page == page), key=lambda p: p.order):
        if not _allowed(user, panel.permission, partnership):
            continue
        context = panel.context(partnership=partnership, user=user)
        if context is not None:
            panels.append((panel.template_name, {"partnership": partnership, **context}))
    return panels
