"""API endpoints of shared measurement, for the research partner's scripts: the partnership's
indicators with their latest judgements, one indicator's data, and writing data points (all or
nothing, with the same checks as an uploaded file). Small numbers are suppressed as on the pages."""

import csv
import io

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.response import Response
from rest_framework.status import HTTP_201_CREATED, HTTP_400_BAD_REQUEST

from actlocally.api.endpoints import SLUG_PARAMETER, PartnershipScopedMixin
from actlocally.authorization import has_permission

from . import selectors
from .importers import ImportRefused, import_figures
from .models import PartnershipIndicator, Unit
from .statistics import Comparison, Polarity

MAX_POINTS = 10_000


class FigureSerializer(serializers.Serializer):
    period = serializers.CharField()
    value = serializers.FloatField(allow_null=True)
    lower_95 = serializers.FloatField(source="lower", allow_null=True)
    upper_95 = serializers.FloatField(source="upper", allow_null=True)
    numerator = serializers.FloatField(allow_null=True)
    denominator = serializers.FloatField(allow_null=True)
    suppressed = serializers.BooleanField(
        help_text=_(
            "True when the count is below the small-number threshold: the figures are hidden."
        )
    )
    lsoas = serializers.IntegerField(
        help_text=_(
            "For the partnership's area: how many LSOA rows it was summed from (0: its own row)."
        )
    )
    note = serializers.CharField()


class JudgementSerializer(serializers.Serializer):
    result = serializers.ChoiceField(choices=[c.value for c in Comparison])
    sentence = serializers.CharField()


class IndicatorDefinitionSerializer(serializers.Serializer):
    key = serializers.CharField()
    name = serializers.CharField()
    definition = serializers.CharField()
    numerator_definition = serializers.CharField()
    denominator_definition = serializers.CharField()
    unit = serializers.ChoiceField(choices=Unit.choices)
    polarity = serializers.ChoiceField(choices=[p.value for p in Polarity])
    period_type = serializers.CharField()
    source = serializers.CharField()
    licence = serializers.CharField()
    illustrative = serializers.BooleanField(help_text=_("True for made-up demonstration values."))


class IndicatorSummarySerializer(serializers.Serializer):
    id = serializers.IntegerField(source="chosen.pk")
    indicator = IndicatorDefinitionSerializer()
    baseline_period = serializers.CharField(source="chosen.baseline_period")
    baseline_value = serializers.FloatField(source="chosen.baseline_value", allow_null=True)
    target_period = serializers.CharField(source="chosen.target_period")
    target_value = serializers.FloatField(source="chosen.target_value", allow_null=True)
    latest = FigureSerializer(allow_null=True)
    compared_with_local_authority = JudgementSerializer(source="vs_local_authority")
    compared_with_england = JudgementSerializer(source="vs_england")


class IndicatorDataRowSerializer(serializers.Serializer):
    period = serializers.CharField()
    area = FigureSerializer(allow_null=True)
    local_authority = FigureSerializer(allow_null=True)
    england = FigureSerializer(allow_null=True)


class IndicatorDataSerializer(IndicatorSummarySerializer):
    data = IndicatorDataRowSerializer(source="table", many=True)


class IndicatorList(PartnershipScopedMixin, generics.GenericAPIView):
    """The partnership's indicators, each with its latest figure for the partnership's area and
    how it compares with the local authority and England (95% confidence)."""

    schema_tag = "measurement"
    permission_required = "measurement.view_measurement"
    serializer_class = IndicatorSummarySerializer
    model = PartnershipIndicator
    pagination_class = None

    def get_partnership_queryset(self, partnership):
        return PartnershipIndicator.objects.filter(partnership=partnership)

    @extend_schema(parameters=[SLUG_PARAMETER], responses=IndicatorSummarySerializer(many=True))
    def get(self, request, *args, **kwargs):
        page = selectors.indicators_page(self.partnership, request.user)
        return Response(IndicatorSummarySerializer(page["rows"], many=True).data)


class IndicatorData(PartnershipScopedMixin, generics.GenericAPIView):
    """One of the partnership's indicators with its data for every period: the partnership's
    area, the local authority and England."""

    schema_tag = "measurement"
    permission_required = "measurement.view_measurement"
    serializer_class = IndicatorDataSerializer
    model = PartnershipIndicator

    def get_partnership_queryset(self, partnership):
        return PartnershipIndicator.objects.filter(partnership=partnership)

    @extend_schema(
        parameters=[SLUG_PARAMETER],
        responses=IndicatorDataSerializer,
    )
    def get(self, request, *args, **kwargs):
        page = selectors.indicator_page(self.partnership, kwargs["pk"], request.user)
        if page is None:
            raise NotFound
        return Response(IndicatorDataSerializer(page).data)


class DataPointInput(serializers.Serializer):
    indicator = serializers.CharField(max_length=60, help_text=_("The indicator's short name."))
    period = serializers.CharField(max_length=20, help_text=_("For example 2022/23."))
    area_code = serializers.CharField(
        max_length=20,
        help_text=_(
            "An LSOA, ward, local authority or England code, or 'area' for the partnership's area."
        ),
    )
    numerator = serializers.FloatField(required=False, allow_null=True)
    denominator = serializers.FloatField(required=False, allow_null=True)
    value = serializers.FloatField(required=False, allow_null=True)
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=500)


class DataPointsInput(serializers.Serializer):
    data_points = DataPointInput(many=True, max_length=MAX_POINTS, allow_empty=False)


class DataPointsSaved(serializers.Serializer):
    saved = serializers.IntegerField()


def _as_csv(points: list[dict]) -> str:
    out = io.StringIO()
    # The plain csv module: these cells go straight back into the checker, never to a person.
    w = csv.writer(out)
    w.writerow(["indicator", "period", "area code", "numerator", "denominator", "value", "note"])
    for p in points:
        w.writerow(
            [
                p["indicator"],
                p["period"],
                p["area_code"],
                *(
                    "" if p.get(k) is None else repr(float(p[k]))
                    for k in ("numerator", "denominator", "value")
                ),
                p.get("note", ""),
            ]
        )
    return out.getvalue()


class DataPointProblem(serializers.Serializer):
    index = serializers.IntegerField(allow_null=True, help_text=_("Which data point, from 0."))
    field = serializers.CharField()
    message = serializers.CharField()


class DataPointsRefused(serializers.Serializer):
    data_points = DataPointProblem(many=True)


FIELD_OF = {"area code": "area_code"}


class DataPoints(PartnershipScopedMixin, generics.GenericAPIView):
    """Save data points for indicators of the local authority's library: all or nothing. A
    refused request lists every problem by the index of the data point and its field. A point
    already saved for the same indicator, place and period is replaced. Needs a read and write
    token."""

    schema_tag = "measurement"
    # Seeing the partnership lets a person reach the endpoint; saving needs add_data (below).
    partnership_permission = "measurement.view_measurement"
    permission_required = "measurement.add_data"
    serializer_class = DataPointsInput
    model = PartnershipIndicator

    def get_partnership_queryset(self, partnership):
        return PartnershipIndicator.objects.filter(partnership=partnership)

    @extend_schema(
        parameters=[SLUG_PARAMETER], request=DataPointsInput, responses={201: DataPointsSaved}
    )
    def post(self, request, *args, **kwargs):
        if not has_permission(request.user, self.permission_required, self.partnership):
            raise PermissionDenied(_("Your role in this partnership does not let you add data."))
        given = DataPointsInput(data=request.data)
        given.is_valid(raise_exception=True)
        text = _as_csv(given.validated_data["data_points"])
        try:
            saved = import_figures(
                data=text.encode(), name="request", partnership=self.partnership, by=request.user
            )
        except ImportRefused as e:
            # A Response, not ValidationError, so the index stays a number.
            return Response(
                {
                    "data_points": [
                        {
                            "index": (x.row - 2) if x.row else None,
                            "field": FIELD_OF.get(x.column, x.column),
                            "message": x.message,
                        }
                        for x in e.errors[:200]
                    ]
                },
                status=HTTP_400_BAD_REQUEST,
            )
        return Response({"saved": saved}, status=HTTP_201_CREATED)
