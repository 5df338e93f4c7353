"""A released table as indicator data: each ward's row (by the ward's name) and the table's
total (as the partnership's area) become data points of an indicator the partnership measures,
through measurement's own service. Only released, rounded figures are used; withheld cells
are left out, never estimated."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from actlocally.authorization import has_permission
from actlocally.measurement.models import GeographyType, PartnershipIndicator
from actlocally.measurement.services import add_data_point
from actlocally.places.models import Ward

from .disclosure import TOTAL
from .models import OutputRequest


def count_columns(output: OutputRequest) -> list[str]:
    result = output.result
    n = result.get("label_columns", 1)
    status = result.get("status") or [[]]
    return [
        c for i, c in enumerate(result.get("columns", [])) if i >= n and status[0][i] != "ratio"
    ]


def to_indicator(
    *,
    output: OutputRequest,
    chosen: PartnershipIndicator,
    numerator: str,
    denominator: str,
    period: str,
    by,
) -> tuple[int, list[str]]:
    """Data points from the released table; returns how many were saved and the rows left out
    (withheld, or not a ward of the local authority). All or nothing."""
    partnership = output.project.partnership
    if by is not None and not has_permission(by, "measurement.add_data", partnership):
        raise PermissionDenied
    if output.status != OutputRequest.Status.RELEASED:
        raise ValidationError(_("Only a released table can become indicator data."))
    if chosen.partnership_id != partnership.pk:
        raise ValidationError({"indicator": _("Choose one of the partnership's indicators.")})
    columns = output.result["columns"]
    counts = count_columns(output)
    if numerator not in counts or (denominator and denominator not in counts):
        raise ValidationError({"numerator": _("Choose columns of the released table.")})
    wards = {
        w.name.lower(): w.code
        for w in Ward.objects.filter(la_code=partnership.local_authority.code)
    }
    ni = columns.index(numerator)
    di = columns.index(denominator) if denominator else None
    saved, left_out = 0, []
    with transaction.atomic():
        for row in output.result["rows"]:
            label = str(row[0])
            num = row[ni]
            den = row[di] if di is not None else None
            if label == TOTAL:
                geography, code = GeographyType.AREA, ""
            elif label.lower() in wards:
                geography, code = GeographyType.WARD, wards[label.lower()]
            else:
                left_out.append(
                    _("%(row)s: not a ward of %(la)s")
                    % {"row": label, "la": partnership.local_authority.name}
                )
                continue
            if num is None or (di is not None and den is None):
                left_out.append(_("%(row)s: withheld") % {"row": label})
                continue
            add_data_point(
                partnership=partnership,
                indicator=chosen.indicator,
                geography=geography,
                code=code,
                period=period,
                numerator=float(num),
                denominator=float(den) if den is not None else None,
                value=None,
                note=_("Released output: %(title)s") % {"title": output.title[:400]},
                by=by,
            )
            saved += 1
        if not saved:
            raise ValidationError(
                _("No row of the table is a ward or the total with its figures released.")
            )
    return saved, left_out
