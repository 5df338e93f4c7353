"""Who may see and do what. The checks live in `checks` (and a person's roles in `roles`); their
names are importable from here, as callers always have.

Django imports this package while it loads the apps, before any model can be imported, and
`checks` imports models at the top; so the names are looked up on first use (PEP 562), not here.
"""

from typing import TYPE_CHECKING

__all__ = [
    "forget_roles",
    "get_partnership_or_404",
    "has_permission",
    "require_permission",
    "roles_of",
    "visible_partnership_filter",
]

_FROM_ROLES = {"forget_roles", "roles_of"}

if TYPE_CHECKING:
    from .checks import (
        get_partnership_or_404,
        has_permission,
        require_permission,
        visible_partnership_filter,
    )
    from .roles import forget_roles, roles_of


def __getattr__(name: str):
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    if name in _FROM_ROLES:
        from . import roles as module
    else:
        from . import checks as module
    value = globals()[name] = getattr(module, name)  # found here directly from now on
    return value
