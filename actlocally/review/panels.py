"""What the review app shows on other apps' pages: the area's public page lists its published
impact reports."""

from .models import ImpactReport


def published_reports(*, partnership, user) -> dict | None:
    reports = list(ImpactReport.objects.filter(partnership=partnership, published_on__isnull=False))
    return {"reports": reports} if reports else None
