"""The partnership sub-navigation, built from the sections apps register."""

from django import template

from ..navigation import sections_for

register = template.Library()


@register.inclusion_tag("partnerships/_sub_navigation.html", takes_context=True)
def partnership_sections(context, partnership):
    request = context["request"]
    sections = sections_for(partnership, request.path, request.user)
    # The longest match is the current one (a section's URL can start another's).
    current = max((s for s in sections if s["current"]), key=lambda s: len(s["url"]), default=None)
    return {"sections": sections, "current": current}


@register.simple_tag(takes_context=True)
def partnership_panels(context, partnership, page="overview"):
    from django.template.loader import render_to_string
    from django.utils.safestring import mark_safe

    from ..navigation import panels_for

    request = context["request"]
    return mark_safe(  # noqa: S308 (each panel is a template rendered with autoescaping)
        "".join(
            render_to_string(template_name, panel_context, request=request)
            for template_name, panel_context in panels_for(partnership, request.user, page)
        )
    )
