"""Which deprivation releases are loaded, which one a page or a partnership quotes, and deciles."""

from django.utils.translation import gettext as _

from ..models import FocusArea, Release, Ward


def releases() -> list[Release]:
    return list(Release.objects.all())


def choose_release(key: str | None) -> Release | None:
    """The release asked for, or the newest."""
    found = list(Release.objects.all())
    for release in found:
        if release.key == key:
            return release
    return found[0] if found else None


def quoted_release(partnership) -> Release | None:
    """The release a partnership quotes: the one chosen for its area, or the newest."""
    area = FocusArea.objects.filter(partnership=partnership).select_related("release").first()
    if area is not None and area.release is not None:
        return area.release
    return choose_release(None)


def release_reason(release: Release | None, asked: str | None, partnership=None) -> str:
    """Why the page shows the release it shows, in a sentence."""
    if release is None:
        return ""
    if asked == release.key:
        return _("%(release)s, as chosen.") % {"release": release.key}
    if partnership is not None:
        area = FocusArea.objects.filter(partnership=partnership).first()
        if area is not None and area.release_id == release.pk:
            return _(
                "%(release)s: the release this partnership quotes on its area page and in its "
                "Statement of Intent."
            ) % {"release": release.key}
    return _(
        "%(release)s: the newest release loaded. Partnerships may quote an earlier one (each "
        "chooses on its area page); choose another release to compare."
    ) % {"release": release.key}


def local_authorities() -> list[tuple[str, str]]:
    """(code, name) of every local authority with LSOAs loaded."""
    return list(
        Ward.objects.exclude(la_name="")
        .values_list("la_code", "la_name")
        .distinct()
        .order_by("la_name")
    )


def decile_of(release: Release, measure: str, score: float | None) -> int | None:
    """The national decile an average score falls in, on the LSOAs' scale."""
    thresholds = release.summary.get("thresholds", {}).get(measure)
    if score is None or not thresholds:
        return None
    for decile, low in enumerate(thresholds, start=1):
        if low is not None and score >= low:
            return decile
    return 10
