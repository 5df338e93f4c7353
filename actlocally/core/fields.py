"""Free-text form fields that say how long they may be: GOV.UK character count and error message."""

from django import forms
from django.utils import formats
from django.utils.translation import gettext as _


def _number(n: int) -> str:
    return formats.number_format(n, force_grouping=True)


class CharacterCountTextarea(forms.Textarea):
    """A textarea in GOV.UK's character count: the limit is stated as a hint without JavaScript,
    and counted down as people type with it. Needs the field's max_length (CharField sets it)."""

    template_name = "govuk/widgets/character_count.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        info_id = f"{widget['attrs'].get('id', name)}-info"
        described = widget["attrs"].get("aria-describedby", "")
        widget["attrs"]["aria-describedby"] = f"{described} {info_id}".strip()
        widget["attrs"]["class"] = f"{widget['attrs'].get('class', '')} govuk-js-character-count"
        widget["attrs"]["class"] = widget["attrs"]["class"].strip()
        widget["info_id"] = info_id
        widget["maxlength"] = widget["attrs"].get("maxlength")
        if widget["maxlength"]:
            widget["limit_message"] = _("You can enter up to %(count)s characters") % {
                "count": _number(int(widget["maxlength"]))
            }
        return context


class LimitedCharField(forms.CharField):
    """Text with a stated limit. `rows` makes it a textarea with a character count.

    Too long gives GOV.UK's "Your contribution must be 1,000 characters or less" (with `what`, or
    the label, naming the field), not Django's "Ensure this value has at most …".
    """

    def __init__(self, *, max_length: int, rows: int | None = None, what=None, **kwargs):
        if rows is not None:
            kwargs.setdefault("widget", CharacterCountTextarea(attrs={"rows": rows}))
        super().__init__(max_length=max_length, **kwargs)
        self.what = what

    def run_validators(self, value):
        what = str(self.what or self.label or _("The answer"))
        message = _("%(what)s must be %(count)s characters or less") % {
            "what": what,
            "count": _number(self.max_length),
        }
        # Django fills in the validator's own %(limit_value)s; a "%" typed in a label stays one.
        self.error_messages["max_length"] = message.replace("%", "%%")
        super().run_validators(value)
