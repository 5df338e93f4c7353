"""Every write of the places app a person makes: defining an area of focus, mapping, changing and
removing an asset."""

import json
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Max, Min
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from shapely.errors import ShapelyError
from shapely.geometry import Point, shape

from actlocally.core.audit import acting_as
from actlocally.journey.blueprint import StepKey, assets_mapped
from actlocally.journey.models import Status
from actlocally.journey.services import record_evidence

from .models import LSOA, Asset, FocusArea, Geography, Release


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
            step_key=StepKey.IDENTIFY_AREA_OF_FOCUS,
            evidence_label=_("Area of focus: %(n)s LSOAs") % {"n": len(chosen)},
            evidence_url=reverse("area_profile", kwargs={"slug": partnership.slug}),
            on=timezone.localdate(area.defined_at),
            by=by,
        )
    return area


def set_quoted_release(*, partnership, release: Release | None, by) -> FocusArea:
    """Choose the release the partnership quotes on its area page and in its Statement of
    Intent (None: always the newest)."""
    area = FocusArea.objects.filter(partnership=partnership).first()
    if area is None:
        raise ValidationError(
            {"release": _("Define the area of focus first: the release is quoted for it.")}
        )
    with transaction.atomic(), acting_as(by):
        area.release = release
        area.save(update_fields=["release"])
    return area


def _check_lsoa(partnership, area: FocusArea | None, lsoa: LSOA | None) -> None:
    if lsoa is None:
        return
    if area is not None:
        if not area.lsoas.filter(pk=lsoa.pk).exists():
            raise ValidationError({"lsoa": _("Choose one of the LSOAs in the area of focus.")})
    elif lsoa.la_code != partnership.local_authority.code:
        raise ValidationError(
            {"lsoa": _("Choose an LSOA in %(la)s.") % {"la": partnership.local_authority.name}}
        )


def _lsoa_at(partnership, area: FocusArea | None, latitude: float, longitude: float) -> LSOA | None:
    """The LSOA of the partnership's local authority a position falls in (on the area's geography).

    Refuses a position outside the local authority: an asset is in the area or near it. Where no
    boundaries are loaded, the LSOAs' centres give the authority's extent; with no LSOAs at all
    there is nothing to check against."""
    la = partnership.local_authority
    lsoas = LSOA.objects.filter(la_code=la.code)
    if area is not None:
        lsoas = lsoas.filter(geography=area.geography)
    outside = ValidationError(
        {
            "latitude": _(
                "That position is outside %(la)s, the partnership's local authority. Click the "
                "map at the asset's place, or enter a latitude and longitude in %(la)s."
            )
            % {"la": la.name}
        }
    )
    shapes = list(lsoas.exclude(geometry="").values_list("pk", "geometry"))
    if shapes:
        point = Point(longitude, latitude)
        for pk, geometry in shapes:
            try:
                if shape(json.loads(geometry)).covers(point):
                    return LSOA.objects.get(pk=pk)
            except (ValueError, TypeError, AttributeError, KeyError, ShapelyError):
                continue  # a malformed boundary cannot place anything
        raise outside
    extent = lsoas.exclude(latitude=None).aggregate(
        south=Min("latitude"), north=Max("latitude"), west=Min("longitude"), east=Max("longitude")
    )
    if extent["south"] is not None:
        margin = 0.02  # about 2 km: an LSOA's centre is inside it, its edge is not
        if not (
            extent["south"] - margin <= latitude <= extent["north"] + margin
            and extent["west"] - margin <= longitude <= extent["east"] + margin
        ):
            raise outside
    return None


def _place(partnership, *, latitude, longitude, lsoa):
    """Check where an asset is and fill in what follows: the LSOA a position falls in, or the
    centre of the LSOA chosen without a map."""
    if (latitude is None) != (longitude is None):
        raise ValidationError(
            {"longitude": _("Give both the latitude and the longitude, or neither.")}
        )
    area = FocusArea.objects.filter(partnership=partnership).first()
    _check_lsoa(partnership, area, lsoa)
    if latitude is not None:
        found = _lsoa_at(partnership, area, latitude, longitude)
        if (
            lsoa is None
            and found is not None
            and (area is None or area.lsoas.filter(pk=found.pk).exists())
        ):
            lsoa = found
    elif lsoa is not None and lsoa.latitude is not None:
        # Only the LSOA was chosen (no map): the asset is shown at the LSOA's centre.
        latitude, longitude = lsoa.latitude, lsoa.longitude
    return latitude, longitude, lsoa


def _check_person(kind: str, person_agreed: bool) -> None:
    if kind == Asset.Kind.PERSON and not person_agreed:
        raise ValidationError(
            {
                "person_agreed": _(
                    "Ask the person first: only name someone who has agreed to be named here."
                )
            }
        )


def _record_assets_evidence(partnership, by) -> None:
    """Tick "Map area assets and allies" when enough is mapped (the rule is in the blueprint);
    until then the step is in progress and says how many there are."""
    counts = Asset.objects.filter(partnership=partnership).aggregate(
        n=Count("pk"), kinds=Count("kind", distinct=True), last=Max("added_at")
    )
    assets = ngettext("%(n)s asset", "%(n)s assets", counts["n"]) % {"n": counts["n"]}
    kinds = ngettext("%(n)s kind", "%(n)s kinds", counts["kinds"]) % {"n": counts["kinds"]}
    record_evidence(
        partnership=partnership,
        step_key=StepKey.MAP_ASSETS_AND_ALLIES,
        evidence_label=_("Asset map: %(assets)s of %(kinds)s") % {"assets": assets, "kinds": kinds},
        evidence_url=reverse("area_assets", kwargs={"slug": partnership.slug}),
        # The map stands as it did when its latest asset was added.
        on=timezone.localdate(counts["last"]) if counts["last"] else timezone.localdate(),
        status=Status.DONE
        if assets_mapped(assets=counts["n"], kinds=counts["kinds"])
        else Status.IN_PROGRESS,
        by=by,
    )


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
    """Map a local asset or ally, in the partnership's local authority. Enough of them tick
    "Map area assets and allies"."""
    _check_person(kind, person_agreed)
    latitude, longitude, lsoa = _place(
        partnership, latitude=latitude, longitude=longitude, lsoa=lsoa
    )
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
        _record_assets_evidence(partnership, by)
    return asset


def update_asset(
    *,
    asset: Asset,
    kind: str,
    name: str,
    description: str = "",
    latitude: float | None = None,
    longitude: float | None = None,
    lsoa: LSOA | None = None,
    person_agreed: bool = False,
    by,
) -> Asset:
    """Change what is known about a mapped asset, with the same checks as adding it."""
    _check_person(kind, person_agreed)
    latitude, longitude, lsoa = _place(
        asset.partnership, latitude=latitude, longitude=longitude, lsoa=lsoa
    )
    asset.kind = kind
    asset.name = name.strip()
    asset.description = description.strip()
    asset.latitude, asset.longitude, asset.lsoa = latitude, longitude, lsoa
    asset.person_agreed = kind == Asset.Kind.PERSON and person_agreed
    asset.full_clean(exclude=["added_by"])
    with transaction.atomic(), acting_as(by):
        asset.save()
        _record_assets_evidence(asset.partnership, by)
    return asset


def remove_asset(*, asset: Asset, by) -> None:
    """Take an asset off the map (a person who no longer wants to be named, a group that has
    closed). The journey step keeps its tick: the hook never moves a step backwards."""
    with transaction.atomic(), acting_as(by):
        asset.delete()
