"""The next partnership meeting, on the partnership overview."""

from django.utils import timezone

from .models import Meeting


def overview(*, partnership, user) -> dict:
    upcoming = (
        Meeting.objects.filter(
            partnership=partnership, status=Meeting.Status.SCHEDULED, ends_at__gt=timezone.now()
        )
        .order_by("starts_at")
        .first()
    )
    return {"next_meeting": upcoming}
