"""The action plan's summary on the partnership overview: what needs attention."""

from django.db.models import Count, Q
from django.utils import timezone

from .models import CLOSED, Action


def overview(*, partnership, user) -> dict | None:
    today = timezone.localdate()
    open_actions = Q(~Q(status__in=CLOSED))
    counts = Action.objects.filter(partnership=partnership).aggregate(
        total=Count("pk"),
        open=Count("pk", filter=open_actions),
        overdue=Count("pk", filter=open_actions & Q(due_on__lt=today)),
        at_risk=Count("pk", filter=open_actions & Q(status="at_risk") & ~Q(due_on__lt=today)),
        mine=Count("pk", filter=open_actions & Q(owner=user)),
    )
    return {"counts": counts}
