"""The access audit's demo: names the demo's data guardian and writes the entries in
accessaudit.yaml (illustrative), dated back from today so they sit inside the retention period."""

from datetime import timedelta

from django.utils import timezone

from .models import Kind
from .services import appoint_data_guardian, record_access


def _object(spec: str, partnership, context):
    if spec == "partnership":
        return partnership
    if spec == "symposium":
        return partnership.symposia.order_by("pk").first()
    if spec.startswith("person:"):
        return context.people[spec.removeprefix("person:")]
    raise ValueError(f"accessaudit.yaml: unknown object {spec!r}")


def load_demo(context) -> None:
    data = context.section("accessaudit")
    if not data:
        return
    appoint_data_guardian(person=context.people[data["guardian"]], by=context.by)
    now = timezone.now()
    for entry in data.get("events", []):
        partnership = context.partnerships[entry["partnership"]]
        record_access(
            by=context.people[entry["person"]],
            kind=Kind(entry["kind"]),
            obj=_object(entry["object"], partnership, context),
            partnership=partnership,
            reason=entry.get("reason", ""),
            label=entry.get("label", ""),
            at=now - timedelta(days=entry["days_ago"]),
        )
