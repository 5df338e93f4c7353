"""Recommendation references become R1, R2 … per statement instead of random codes ("R-EF3425").

A reference names one recommendation in every version of its statement and in the tracker, so
all of them are renamed together. This is the one change ever made to agreed versions: the
random codes meant nothing to anyone, and the words of the documents are untouched. The freeze
trigger is lifted for the rename and put back straight after, in the same transaction."""

import importlib
import re

from django.db import migrations

SEQUENTIAL = re.compile(r"R(\d+)")
freeze = importlib.import_module("actlocally.statements.migrations.0002_freeze_agreed_versions")


def _renames(versions, tracker_keys) -> dict[str, str]:
    """Old key -> new key: sequential keys stay; others get the next numbers, in the order they
    first appear (oldest version first, then the tracker)."""
    seen = []
    for version in versions:
        for row in (version.content or {}).get("recommendations", []):
            if row.get("key") and row["key"] not in seen:
                seen.append(row["key"])
    seen += [k for k in tracker_keys if k not in seen]
    numbers = [int(m[1]) for k in seen if (m := SEQUENTIAL.fullmatch(k))]
    next_number = max(numbers, default=0) + 1
    renames = {}
    for key in seen:
        if not SEQUENTIAL.fullmatch(key):
            renames[key] = f"R{next_number}"
            next_number += 1
    return renames


def forwards(apps, schema_editor):
    Statement = apps.get_model("statements", "Statement")
    StatementVersion = apps.get_model("statements", "StatementVersion")
    Recommendation = apps.get_model("statements", "Recommendation")
    plans = []
    for statement in Statement.objects.all():
        versions = list(StatementVersion.objects.filter(statement=statement).order_by("number"))
        recs = list(Recommendation.objects.filter(statement=statement).order_by("pk"))
        renames = _renames(versions, [r.key for r in recs])
        if renames:
            plans.append((versions, recs, renames))
    if not plans:
        return
    freeze.drop(apps, schema_editor)
    for versions, recs, renames in plans:
        for version in versions:
            rows = (version.content or {}).get("recommendations", [])
            if any(r.get("key") in renames for r in rows):
                version.content["recommendations"] = [
                    {**r, "key": renames.get(r.get("key"), r.get("key"))} for r in rows
                ]
                StatementVersion.objects.filter(pk=version.pk).update(content=version.content)
        for rec in recs:
            if rec.key in renames:
                Recommendation.objects.filter(pk=rec.pk).update(key=renames[rec.key])
    freeze.create(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [("statements", "0002_freeze_agreed_versions")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
