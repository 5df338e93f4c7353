"""The partnership sub-navigation, built from the sections apps register."""

from django import template

from ..navigation import sections_for

register = template.Library()


@register.inclusion_tag("partnerships/_sub_navigation.html", takes_context=True)
def partnership_sections(context, partnership):
    return {"sections": sections_for(partnership, context["request"].path)}
