"""Places: deprivation data by small area, areas of focus, their profiles and their assets."""

from django.apps import AppConfig


class PlacesConfig(AppConfig):
    name = "actlocally.places"
    label = "places"

    def ready(self):
        from auditlog.registry import auditlog
        from django.utils.translation import gettext_lazy as _

        from actlocally.partnerships.navigation import register_section

        from . import models

        register_section(
            label=_("Area"), url_name="area_profile", order=5, permission="places.view_area"
        )
        auditlog.register(models.FocusArea, m2m_fields={"lsoas"})
        auditlog.register(models.Asset)

        # What the partnership's search page finds here (actlocally/search/registry.py).
        from actlocally.search.registry import register_searchable

        from . import selectors as found

        register_searchable(
            key="assets",
            label=_("Assets and allies"),
            order=60,
            permission="places.view_area",
            find=found.search_assets,
        )
