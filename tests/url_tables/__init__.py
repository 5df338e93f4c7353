"""Every app's URL access table, merged: url name -> (kwargs from the world, access rule)."""

import importlib
import pkgutil

ACCESS: dict = {}
URLS: dict = {}

for _module in pkgutil.iter_modules(__path__):
    _table = importlib.import_module(f"{__name__}.{_module.name}")
    ACCESS.update(getattr(_table, "ACCESS", {}))
    URLS.update(_table.URLS)

from .foundation import MEMBER_ROLES, ROLES  # noqa: E402

__all__ = ["ACCESS", "MEMBER_ROLES", "ROLES", "URLS"]
