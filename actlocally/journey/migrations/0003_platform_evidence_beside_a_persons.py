"""Platform evidence beside a person's entry on a step; the evidence rules in ticked_by."""

from django.db import migrations, models


def resync_ticked_by(apps, schema_editor):
    """The blueprint now says what enough evidence is for assets and the action plan."""
    from actlocally.journey.blueprint import PHASES

    Step = apps.get_model("journey", "Step")
    for data in PHASES:
        for key, _title, _hint, ticked_by in data["steps"]:
            Step.objects.filter(key=key).update(ticked_by=ticked_by)


class Migration(migrations.Migration):
    dependencies = [
        ("journey", "0002_load_blueprint"),
    ]

    operations = [
        migrations.AddField(
            model_name="stepprogress",
            name="platform_evidence_label",
            field=models.CharField(
                blank=True, max_length=300, verbose_name="evidence recorded by the platform"
            ),
        ),
        migrations.AddField(
            model_name="stepprogress",
            name="platform_evidence_url",
            field=models.CharField(blank=True, max_length=500),
        ),
        migrations.RunPython(resync_ticked_by, migrations.RunPython.noop),
    ]
