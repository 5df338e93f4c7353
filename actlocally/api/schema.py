"""How drf-spectacular describes our endpoints: grouped by what they are about."""

from drf_spectacular.openapi import AutoSchema as SpectacularAutoSchema


class AutoSchema(SpectacularAutoSchema):
    def get_tags(self):
        # Every path starts /partnerships/, so the default (the first path segment) would put
        # everything under one heading; each view names its own instead.
        tag = getattr(self.view, "schema_tag", None)
        return [tag] if tag else super().get_tags()
