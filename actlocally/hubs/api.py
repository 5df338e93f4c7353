"""The public, read-only Open Referral UK API at /api/oruk/, as the shipped OpenAPI describes
it, so a council's Family Hub directory or the DfE's ORUK checker can read the local offer.
Only published services; no sign-in. Each answer costs a fixed number of queries."""

import datetime
import math
import uuid

from django.conf import settings
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle
from rest_framework.views import APIView

from . import oruk, selectors

DEFAULT_PER_PAGE = 50
MOST_PER_PAGE = 200
# Past this a page number is a mistake, and would overflow the database's OFFSET.
MOST_PAGE = 1_000_000


class AddressRateThrottle(AnonRateThrottle):
    """ORUK_API_RATE requests per client address, kept in the default cache (Redis in
    production, so it holds across processes). Over it: 429 with a JSON `detail` and
    Retry-After, DRF's answer."""

    scope = "oruk"

    def get_rate(self):
        # Read at each request rather than at import, so the setting can change (tests do).
        return settings.ORUK_API_RATE

    def allow_request(self, request, view):
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)

    def get_ident(self, request):
        # The address the server saw (as the platform uses elsewhere), not X-Forwarded-For,
        # which any client can write to dodge the limit.
        return request.META.get("REMOTE_ADDR", "")


class OrukView(APIView):
    """Open to anyone, reading only: no authentication (so no CSRF or token checks), and not in
    the platform's own API description (its description is ORUK's, served below). Limited per
    client address."""

    authentication_classes: list = []
    permission_classes = [AllowAny]
    throttle_classes = [AddressRateThrottle]
    schema = None


def _whole_number(request, name: str, default: int, most: int) -> int:
    raw = request.query_params.get(name)
    if raw in (None, ""):
        return default
    try:
        number = int(raw)
    except ValueError:
        raise ValidationError({name: "A whole number."}) from None
    if not 1 <= number <= most:
        raise ValidationError({name: f"From 1 to {most}."})
    return number


def _uuid(request, name: str) -> uuid.UUID | None:
    raw = request.query_params.get(name)
    if raw in (None, ""):
        return None
    try:
        return uuid.UUID(raw)
    except ValueError:
        raise ValidationError({name: "A UUID."}) from None


def _datetime(request, name: str) -> datetime.datetime | None:
    raw = request.query_params.get(name)
    if raw in (None, ""):
        return None
    try:
        moment = datetime.datetime.fromisoformat(raw.replace(" ", "+"))
    except ValueError:
        raise ValidationError({name: "A date and time, such as 2026-01-31T09:00:00Z."}) from None
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment, datetime.UTC)
    return moment


def page_of(request, queryset, serialise) -> dict:
    """ORUK's page: total_items, total_pages, page_number, size, first_page, last_page, empty
    and contents. Two queries: the count and the page."""
    page = _whole_number(request, "page", 1, MOST_PAGE)
    per_page = _whole_number(request, "per_page", DEFAULT_PER_PAGE, MOST_PER_PAGE)
    total = queryset.count()
    start = (page - 1) * per_page
    contents = [serialise(item) for item in queryset[start : start + per_page]] if total else []
    total_pages = math.ceil(total / per_page)
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": page,
        "size": len(contents),
        "first_page": page == 1,
        "last_page": page >= total_pages,
        "empty": not contents,
        "contents": contents,
    }


class Root(OrukView):
    def get(self, request):
        return Response(
            {
                "version": oruk.VERSION,
                "profile": oruk.PROFILE,
                "openapi_url": request.build_absolute_uri(reverse("oruk:openapi")),
            }
        )


class OpenApi(OrukView):
    def get(self, request):
        return HttpResponse(
            (oruk.STANDARD / "schema" / "openapi.json").read_bytes(),
            content_type="application/json",
        )


class Services(OrukView):
    def get(self, request):
        services = selectors.public_services(
            text=(request.query_params.get("text") or request.query_params.get("search") or "")[
                :200
            ],
            taxonomy_term_id=_uuid(request, "taxonomy_term_id"),
            taxonomy_id=_uuid(request, "taxonomy_id"),
            modified_after=_datetime(request, "modified_after"),
        )
        return Response(page_of(request, services, oruk.service_summary_json))


class ServiceDetail(OrukView):
    def get(self, request, pk: uuid.UUID):
        service = selectors.public_service(pk)
        if service is None:
            raise Http404
        return Response(oruk.service_json(service))


class Taxonomies(OrukView):
    def get(self, request):
        return Response(page_of(request, selectors.taxonomies(), oruk.taxonomy_json))


class TaxonomyDetail(OrukView):
    def get(self, request, pk: uuid.UUID):
        taxonomy = selectors.taxonomies().filter(oruk_id=pk).first()
        if taxonomy is None:
            raise Http404
        return Response(oruk.taxonomy_json(taxonomy))


class TaxonomyTerms(OrukView):
    def get(self, request):
        terms = selectors.taxonomy_terms(taxonomy_id=_uuid(request, "taxonomy_id"))
        return Response(page_of(request, terms, oruk.term_json))


class TaxonomyTermDetail(OrukView):
    def get(self, request, pk: uuid.UUID):
        term = selectors.taxonomy_terms().filter(oruk_id=pk).first()
        if term is None:
            raise Http404
        return Response(oruk.term_json(term))


class ServiceAtLocations(OrukView):
    def get(self, request):
        found = selectors.public_service_at_locations(
            text=(request.query_params.get("search") or request.query_params.get("text") or "")[
                :200
            ],
            taxonomy_term_id=_uuid(request, "taxonomy_term_id"),
            taxonomy_id=_uuid(request, "taxonomy_id"),
        )
        return Response(page_of(request, found, oruk.service_at_location_summary_json))


class ServiceAtLocationDetail(OrukView):
    def get(self, request, pk: uuid.UUID):
        at = selectors.public_service_at_location(pk)
        if at is None:
            raise Http404
        return Response(oruk.service_at_location_detail_json(at))
