"""The site's URL map: each app brings its own urls module."""

from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path

from actlocally.api import urls as api_urls
from actlocally.core import csp, health
from actlocally.grants import urls as grants_urls
from actlocally.hubs import urls as hubs_urls
from actlocally.meetings import urls as meetings_urls
from actlocally.places import urls as places_urls
from actlocally.review import urls as review_urls

# The admin signs in through the same page as everything else, with its limits and its MFA
# (before admin.site.urls below reads the login view).
admin.site.login = secure_admin_login(admin.site.login)

urlpatterns = [
    path("accounts/", include("actlocally.accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("accounts/profile/api-tokens/", include(api_urls.token_urlpatterns)),
    # The public Open Referral UK API of the local offer (hubs), beside the platform's own.
    path("api/oruk/", include("actlocally.hubs.api_urls")),
    path("api/", include(api_urls)),
    path("organisations/", include("actlocally.organisations.urls")),
    path("", include("actlocally.partnerships.urls")),
    path("", include("actlocally.board.urls")),
    path("partnerships/<slug:slug>/journey/", include("actlocally.journey.urls")),
    path("partnerships/<slug:slug>/actions/", include("actlocally.actions.urls")),
    path("partnerships/<slug:slug>/theory-of-change/", include("actlocally.theory.urls")),
    path("partnerships/<slug:slug>/meetings/", include("actlocally.meetings.urls")),
    path("calendar/", include(meetings_urls.calendar_urlpatterns)),
    path("partnerships/<slug:slug>/statement-of-intent/", include("actlocally.statements.urls")),
    path("", include("actlocally.symposia.urls")),
    path("places/", include("actlocally.places.urls")),
    path("partnerships/<slug:slug>/area/", include(places_urls.area_urlpatterns)),
    path("partnerships/<slug:slug>/search/", include("actlocally.search.urls")),
    path("partnerships/<slug:slug>/measurement/", include("actlocally.measurement.urls")),
    path("partnerships/<slug:slug>/local-offer/", include("actlocally.hubs.urls")),
    path("areas/<slug:slug>/", include(hubs_urls.public_urlpatterns)),
    path("partnerships/<slug:slug>/review/", include("actlocally.review.urls")),
    path("partnerships/<slug:slug>/community-budget/", include("actlocally.grants.urls")),
    path("outputs/", include("actlocally.outputs.urls")),
    path("", include(grants_urls.public_urlpatterns)),
    path("", include(review_urls.public_urlpatterns)),
    path("", include("actlocally.pages.urls")),
    path("access-audit/", include("actlocally.accessaudit.urls")),
    path("jobs/", include("actlocally.jobs.urls")),
    path("connected-data/", include("actlocally.linkage.urls")),
    path("privacy/", include("actlocally.privacy.urls")),
    path("notifications/", include("actlocally.notifications.urls")),
    path("healthz", health.healthz, name="healthz"),
    # Browsers' Content-Security-Policy violation reports (settings.CSP_REPORT_URL).
    path("csp-report/", csp.report, name="csp_report"),
    path("admin/", admin.site.urls),
]

admin.site.site_header = "Act Locally administration"
admin.site.site_title = "Act Locally"

# Error pages in the site's layout (templates 400.html, 403.html, 404.html; 500 without the request).
handler500 = "actlocally.core.views.server_error"
