"""What every API endpoint is built from: the permission classes in front of it, the partnership
from the URL, and small shared serializers. Each app's `api.py` builds its endpoints on these."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import generics, serializers

from .access import ObjectPermission, PartnershipPermission, TokenScope

SLUG_PARAMETER = OpenApiParameter(
    "slug",
    OpenApiTypes.STR,
    OpenApiParameter.PATH,
    description=_("The partnership's short name, as in its web address, e.g. keighley."),
)


class PartnershipScopedMixin:
    """For endpoints under /partnerships/<slug>/. `permission_required` names a permission in
    the table; PartnershipPermission sets `self.partnership` once it holds."""

    permission_classes = [TokenScope, PartnershipPermission]
    permission_required: str
    # What the person must be allowed for the partnership itself, when `permission_required`
    # is about an object in it (e.g. updating an action they own).
    partnership_permission: str | None = None
    model = None

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema generator has no request
            return self.model.objects.none()
        return self.get_partnership_queryset(self.partnership)

    def get_partnership_queryset(self, partnership):
        raise NotImplementedError


class PartnershipScopedList(PartnershipScopedMixin, generics.ListAPIView):
    @extend_schema(parameters=[SLUG_PARAMETER])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class PartnershipScopedDetail(PartnershipScopedMixin, generics.RetrieveAPIView):
    @extend_schema(parameters=[SLUG_PARAMETER])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class VisibleObjectsMixin:
    """For endpoints whose queryset is itself the visibility filter (the partnerships list)."""

    permission_classes = [TokenScope, ObjectPermission]
    permission_required: str


class Reference(serializers.Serializer):
    """Another record named in a response: its id and its name."""

    id = serializers.IntegerField(read_only=True)
    name = serializers.CharField(read_only=True)


class PersonReference(serializers.Serializer):
    """A person named in a response: their id and name (never their email address)."""

    id = serializers.IntegerField(read_only=True)
    name = serializers.CharField(source="display_name", read_only=True)


@extend_schema_field(OpenApiTypes.URI)
class PageUrlField(serializers.Field):
    """The address of the object's page on the platform, for people to follow."""

    def __init__(self, **kwargs):
        kwargs.update(source="*", read_only=True)
        kwargs.setdefault("help_text", _("The web page of this on the platform, for people."))
        super().__init__(**kwargs)

    def to_representation(self, value):
        request = self.context.get("request")
        url = value.get_absolute_url()
        return request.build_absolute_uri(url) if request else url
