"""Template tags for forms that were not built on GovUKForm (django-allauth's)."""

from django import template

from actlocally.core.forms import style_widgets

register = template.Library()


@register.simple_tag
def govuk_fields(form):
    style_widgets(form)
    return form.render()
