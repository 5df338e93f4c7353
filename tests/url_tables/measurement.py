"""Access rules and URLs of shared measurement (pages and API)."""

from tests import factories

from .foundation import MANAGERS, partnership_rule

ACCESS = {
    # The research partner manages indicators and data with those who run the partnership.
    "manage_measurement": partnership_rule(MANAGERS | {"research_partner"}),
}


def chosen(w):
    found = w.keighley.indicators.first()
    if found is None:
        found = factories.PartnershipIndicatorFactory(partnership=w.keighley)
        factories.DataPointFactory(indicator=found.indicator)
    return found


def slug(w):
    return {"slug": "keighley"}


def with_chosen(w):
    return {"slug": "keighley", "pk": chosen(w).pk}


def chart(kind):
    def kwargs(w):
        return {**with_chosen(w), "kind": kind}

    return kwargs


def with_library_indicator(w):
    chosen(w)
    return {"slug": "keighley"}


URLS = {
    "measurement": (with_library_indicator, "view"),
    "measurement_csv": (with_library_indicator, "view"),
    "measurement_indicator": (with_chosen, "view"),
    "measurement_indicator_csv": (with_chosen, "view"),
    "measurement_indicator_edit": (with_chosen, "manage_measurement"),
    "measurement_chart": (chart("trend"), "view"),
    "measurement_chart_csv": (chart("funnel"), "view"),
    "measurement_chart_spine": (with_library_indicator, "view"),
    "measurement_chart_spine_csv": (with_library_indicator, "view"),
    "measurement_choose": (slug, "manage_measurement"),
    "measurement_define": (slug, "manage_measurement"),
    "measurement_data_new": (with_library_indicator, "manage_measurement"),
    "measurement_upload": (with_library_indicator, "manage_measurement"),
    "measurement_template": (with_library_indicator, "manage_measurement"),
    "api:indicators": (with_library_indicator, "api_view"),
    "api:indicator_data": (with_chosen, "api_view"),
    "api:data_points": (slug, "api_write"),
}
