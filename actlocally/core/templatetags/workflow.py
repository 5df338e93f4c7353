"""`{% allowed_transitions obj as steps %}`: the workflow steps the person viewing may take now."""

from django import template

from actlocally.core.workflow import Allowed, workflow_for

register = template.Library()


@register.simple_tag(takes_context=True)
def allowed_transitions(context, obj) -> Allowed:
    workflow = workflow_for(obj) if obj is not None else None
    user = context.get("user") or getattr(context.get("request"), "user", None)
    if workflow is None or user is None:
        return Allowed()
    return workflow.allowed(obj, user)
