"""Loads the five-phase blueprint's steps, so every database starts with them."""

from django.db import migrations


def load(apps, schema_editor):
    from actlocally.journey.blueprint import PHASES

    Phase = apps.get_model("journey", "Phase")
    Step = apps.get_model("journey", "Step")
    for data in PHASES:
        phase, _ = Phase.objects.update_or_create(
            number=data["number"], defaults={"title": data["title"], "summary": data["summary"]}
        )
        for order, (key, title, hint, ticked_by) in enumerate(data["steps"], start=1):
            Step.objects.update_or_create(
                key=key,
                defaults={
                    "phase": phase,
                    "order": order,
                    "title": title,
                    "hint": hint,
                    "ticked_by": ticked_by,
                },
            )


class Migration(migrations.Migration):
    dependencies = [("journey", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
