"""Every write of the places app a person makes: defining an area of focus, mapping an asset."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from actlocally.core.audit import acting_as
from actlocally.journey.services import record_evidence

from .models import LSOA, Asset, FocusArea, Geography


def set_focus_area(
    *,
    partnership,
    geography: str,
    lsoas: Iterable[LSOA],
    method: str,
    how_chosen: str = "",
    by,
) -> FocusArea:
    """Define (or redefine) a partnership's area of focus as a set of LSOAs of one geography,
    and tick the journey step "Identify an area of focus"."""
    chosen = list(lsoas)
    if not chosen:
        raise ValidationError({"lsoas": _("Choose at least one LSOA.")})
    if any(lsoa.geography != geography for lsoa in chosen):
        raise ValidationError({"lsoas": _("Choose LSOAs of one geography.")})
    if geography not in Geography.values:
        raise ValidationError({"geography": _("Choose 2011 or 2021 LSOAs.")})
    with transaction.atomic(), acting_as(by):
        area, _created = FocusArea.objects.update_or_create(
            partnership=partnership,
            defaults={
                "geography": geography,
                "method": method,
                "how_chosen": how_chosen.strip(),
                "defined_by": by if getattr(by, "is_authenticated", False) else None,
            },
        )
        area.lsoas.set(chosen)
        record_evidence(
            partnership=partnership,
            step_key="identify-area-of-focus",
            evidence_label=_("Area of focus: %(n)s LSOAs") % {"n": len(chosen)},
            evidence_url=reverse("area_profile", kwargs={"slug": partnership.slug}),
            by=by,
        )
    return area


def add_asset(
    *,
    partnership,
    kind: str,
    name: str,
    description: str = "",
    latitude: float | None = None,
    longitude: float | None = None,
    lsoa: LSOA | None = None,
    organisation=None,
    person_agreed: bool = False,
    by,
) -> Asset:
    """Map a local asset or ally; the first one ticks "Map area assets and allies"."""
    if kind == Asset.Kind.PERSON and not person_agreed:
        raise ValidationError(
            {
                "person_agreed": _(
                    "Ask the person first: only name someone who has agreed to be named here."
                )
            }
        )
    if (latitude is None) != (longitude is None):
        raise ValidationError(_("Give both the latitude and the longitude, or neither."))
    if lsoa is not None and latitude is None and lsoa.latitude is not None:
        # Only the LSOA was chosen (no map): the asset is shown at the LSOA's centre.
        latitude, longitude = lsoa.latitude, lsoa.longitude
    asset = Asset(
        partnership=partnership,
        kind=kind,
        name=name.strip(),
        description=description.strip(),
        latitude=latitude,
        longitude=longitude,
        lsoa=lsoa,
        organisation=organisation,
        person_agreed=kind == Asset.Kind.PERSON and person_agreed,
        added_by=by if getattr(by, "is_authenticated", False) else None,
    )
    asset.full_clean(exclude=["added_by"])
    with transaction.atomic(), acting_as(by):
        asset.save()
        record_evidence(
            partnership=partnership,
            step_key="map-assets-and-allies",
            evidence_label=_("Asset map: %(name)s") % {"name": asset.name},
            evidence_url=reverse("area_assets", kwargs={"slug": partnership.slug}),
            by=by,
        )
    return asset


def remove_asset(*, asset: Asset, by) -> None:
    with transaction.atomic(), acting_as(by):
        asset.delete()
