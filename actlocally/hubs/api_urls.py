"""The ORUK API's addresses, under /api/oruk/ (ORUK's own paths, without trailing slashes)."""

from django.urls import path

from . import api

app_name = "oruk"

urlpatterns = [
    path("", api.Root.as_view(), name="root"),
    path("openapi.json", api.OpenApi.as_view(), name="openapi"),
    path("services", api.Services.as_view(), name="services"),
    path("services/<uuid:pk>", api.ServiceDetail.as_view(), name="service"),
    path("service_at_locations", api.ServiceAtLocations.as_view(), name="service_at_locations"),
    path(
        "service_at_locations/<uuid:pk>",
        api.ServiceAtLocationDetail.as_view(),
        name="service_at_location",
    ),
    path("taxonomies", api.Taxonomies.as_view(), name="taxonomies"),
    path("taxonomies/<uuid:pk>", api.TaxonomyDetail.as_view(), name="taxonomy"),
    path("taxonomy_terms", api.TaxonomyTerms.as_view(), name="taxonomy_terms"),
    path("taxonomy_terms/<uuid:pk>", api.TaxonomyTermDetail.as_view(), name="taxonomy_term"),
]
