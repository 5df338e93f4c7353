"""The API's addresses: the schema and docs at /api/, version 1 under /api/v1/, and the pages
where a person manages their tokens (under their profile)."""

from csp.constants import UNSAFE_INLINE
from csp.decorators import csp_update
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.permissions import AllowAny

from actlocally.actions import api as actions_api
from actlocally.measurement import api as measurement_api
from actlocally.meetings import api as meetings_api
from actlocally.partnerships import api as partnerships_api
from actlocally.statements import api as statements_api

from . import views

app_name = "api"

# The description of the API is public, like its source: it holds no one's data.
schema_view = SpectacularAPIView.as_view(permission_classes=[AllowAny])
# Swagger UI's own script is served from this address (?script), not inline; its page keeps a
# <style> element and React's inline styles, so this page alone allows inline styles (issue 14).
docs_view = csp_update({"style-src": [UNSAFE_INLINE]})(
    SpectacularSwaggerSplitView.as_view(url_name="api:schema", permission_classes=[AllowAny])
)

v1 = [
    path("partnerships/", partnerships_api.PartnershipList.as_view(), name="partnerships"),
    path(
        "partnerships/<slug:slug>/",
        partnerships_api.PartnershipDetail.as_view(),
        name="partnership",
    ),
    path(
        "partnerships/<slug:slug>/focus-issues/",
        partnerships_api.FocusIssueList.as_view(),
        name="focus_issues",
    ),
    path("partnerships/<slug:slug>/actions/", actions_api.ActionList.as_view(), name="actions"),
    path(
        "partnerships/<slug:slug>/actions/<int:pk>/",
        actions_api.ActionDetail.as_view(),
        name="action",
    ),
    path(
        "partnerships/<slug:slug>/actions/<int:pk>/progress/",
        actions_api.ActionProgress.as_view(),
        name="action_progress",
    ),
    path(
        "partnerships/<slug:slug>/indicators/",
        measurement_api.IndicatorList.as_view(),
        name="indicators",
    ),
    path(
        "partnerships/<slug:slug>/indicators/<int:pk>/data/",
        measurement_api.IndicatorData.as_view(),
        name="indicator_data",
    ),
    path(
        "partnerships/<slug:slug>/data-points/",
        measurement_api.DataPoints.as_view(),
        name="data_points",
    ),
    path("partnerships/<slug:slug>/meetings/", meetings_api.MeetingList.as_view(), name="meetings"),
    path(
        "partnerships/<slug:slug>/statements/",
        statements_api.AgreedStatementList.as_view(),
        name="statements",
    ),
]

urlpatterns = [
    path("schema/", schema_view, name="schema"),
    path("docs/", docs_view, name="docs"),
    path("v1/", include(v1)),
]

# Included at accounts/profile/api-tokens/ (outside the "api" namespace: they are pages).
token_urlpatterns = [
    path("new/", views.token_create, name="api_token_create"),
    path("<int:pk>/revoke/", views.token_revoke, name="api_token_revoke"),
]
