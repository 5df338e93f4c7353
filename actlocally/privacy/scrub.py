"""Removing a person's name and email from every text column: minutes, snapshots of statement
versions, audit log changes and whatever a later app adds, found by column type, not by list."""

import json
import re

from django.apps import apps
from django.db import models
from django.db.models import Q

TEXT_FIELDS = (models.CharField, models.TextField, models.JSONField)
# Shorter strings would match inside ordinary words.
SHORTEST = 4
# Whole names and addresses only: erasing ann@example.org must leave joann@example.org (another
# person's sign-in) and "Ann Lee-Smith" alone.
_BOUNDED = r"(?<![\w.+@-]){}(?![\w@-]|\.\w)"


def _usable(identifiers: list[str]) -> list[str]:
    # Longest first: an email before the name inside it.
    found = {i.strip() for i in identifiers if len(i.strip()) >= SHORTEST}
    return sorted(found, key=len, reverse=True)


def _replace(value, patterns, replacement):
    if isinstance(value, str):
        for p in patterns:
            value = p.sub(replacement, value)
        return value
    if isinstance(value, list):
        return [_replace(v, patterns, replacement) for v in value]
    if isinstance(value, dict):
        return {
            _replace(k, patterns, replacement): _replace(v, patterns, replacement)
            for k, v in value.items()
        }
    return value


def _matching(field, identifiers: list[str]) -> Q:
    query = Q(pk__in=[])
    for ident in identifiers:
        query |= Q(**{f"{field.name}__icontains": ident})
        if isinstance(field, models.JSONField):
            # JSON stores non-ASCII letters escaped (Zoë as Zo\u00eb).
            query |= Q(**{f"{field.name}__icontains": json.dumps(ident)[1:-1]})
    return query


def scrub(*, identifiers: list[str], replacement: str, replacements: dict | None = None) -> dict:
    """Replace `identifiers` in every text and JSON column of every model; `replacements` gives
    a table its own wording (the audit log keeps a pseudonym). Returns rows changed per table.
    Updates go through querysets, so they leave no new audit entries carrying the name."""
    idents = _usable(identifiers)
    if not idents:
        return {}
    patterns = [re.compile(_BOUNDED.format(re.escape(i)), re.IGNORECASE) for i in idents]
    changed: dict[str, int] = {}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.proxy or not model._meta.managed:
            continue
        table = model._meta.db_table
        word = (replacements or {}).get(table, replacement)
        for field in model._meta.concrete_fields:
            if not isinstance(field, TEXT_FIELDS) or field.primary_key:
                continue
            rows = model._base_manager.filter(_matching(field, idents)).values_list(
                "pk", field.attname
            )
            for pk, value in list(rows):
                new = _replace(value, patterns, word)
                if new != value:
                    model._base_manager.filter(pk=pk).update(**{field.attname: new})
                    changed[table] = changed.get(table, 0) + 1
    return changed
