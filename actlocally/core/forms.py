"""Renders every Django form with GOV.UK Design System markup, so no form writes its own HTML."""

from django import forms
from django.core.exceptions import ValidationError
from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext_lazy as _

from .text import single_line

# The GOV.UK class each widget needs, with the modifier used when the field has an error.
WIDGET_CLASSES = {
    forms.Textarea: ("govuk-textarea", "govuk-textarea--error"),
    forms.Select: ("govuk-select", "govuk-select--error"),
    forms.SelectMultiple: ("govuk-select", "govuk-select--error"),
    # Before RadioSelect: Django's CheckboxSelectMultiple is a subclass of it.
    forms.CheckboxSelectMultiple: ("govuk-checkboxes__input", ""),
    forms.RadioSelect: ("govuk-radios__input", ""),
    forms.CheckboxInput: ("govuk-checkboxes__input", ""),
    forms.FileInput: ("govuk-file-upload", "govuk-file-upload--error"),
    forms.widgets.Input: ("govuk-input", "govuk-input--error"),
}


class GovUKFormRenderer(TemplatesSetting):
    form_template_name = "govuk/forms/form.html"
    field_template_name = "govuk/forms/field.html"


def widget_classes(widget: forms.Widget, *, has_error: bool) -> str:
    for widget_type, (base, error) in WIDGET_CLASSES.items():
        if isinstance(widget, widget_type):
            return f"{base} {error}".strip() if has_error else base
    return ""


DEFAULT_REQUIRED = forms.Field.default_error_messages["required"]

# Labels that already carry their own determiner read wrongly after "the" ("Enter the your name").
OWN_DETERMINERS = ("your ", "the ", "a ", "an ", "their ", "its ", "this ", "who ", "what ")


def required_message(label: str, *, choosing: bool) -> str:
    """GOV.UK's "Enter the name" / "Choose the sector", built from a field's label.

    A label written as a question ("What did the commissioner say?") cannot be turned into an
    instruction by rule, so it gets the plain "Choose an answer"; a form that wants better sets
    the field's own "required" message, which this leaves alone.
    """
    label = label.strip()
    if label.endswith("?"):
        return str(_("Choose an answer") if choosing else _("Enter an answer"))
    what = label[0].lower() + label[1:] if label[1:2].islower() else label
    if not what.lower().startswith(OWN_DETERMINERS):
        what = _("the %(what)s") % {"what": what}
    return str(_("Choose %(what)s") if choosing else _("Enter %(what)s")) % {"what": what}


class SingleLineCharField(forms.CharField):
    """A one-line text field: line breaks and other control characters become spaces.

    Browsers send no line break from a text input, but a crafted request can, and a name with
    one breaks every email whose subject quotes it.
    """

    def to_python(self, value):
        value = super().to_python(value)
        return single_line(value) if isinstance(value, str) else value


def make_single_line(field: forms.Field) -> None:
    """Give a form's text field (not a textarea) SingleLineCharField's cleaning."""
    if not isinstance(field, forms.CharField) or isinstance(field, SingleLineCharField):
        return
    if isinstance(field.widget, forms.Textarea | forms.PasswordInput):
        return
    to_python = field.to_python

    def to_one_line(value):
        value = to_python(value)
        return single_line(value) if isinstance(value, str) else value

    field.to_python = to_one_line


def prepare_fields(form: forms.BaseForm) -> None:
    """GOV.UK habits Django does not have: radios without a blank "---------" option, a
    "required" message that names what is missing ("Choose the sector", "Enter the name"), and
    one-line text fields that keep no line breaks or control characters."""
    for field in form.fields.values():
        make_single_line(field)
        choosing = isinstance(
            field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple | forms.Select
        )
        # Django's CheckboxSelectMultiple is a subclass of RadioSelect; only true radios have
        # a blank choice to drop.
        radio = isinstance(field.widget, forms.RadioSelect) and not isinstance(
            field.widget, forms.CheckboxSelectMultiple
        )
        if radio and field.required:
            if isinstance(field, forms.ModelChoiceField):
                # Never read a model field's choices here: the form sets its queryset after
                # this runs, and reading now would freeze the choices of the class's queryset.
                field.empty_label = None
            elif hasattr(field, "choices"):
                field.choices = [(value, label) for value, label in field.choices if value != ""]
        if field.error_messages.get("required") == DEFAULT_REQUIRED and field.label:
            field.error_messages["required"] = required_message(str(field.label), choosing=choosing)


class GovUKForm(forms.Form):
    """A form whose widgets carry GOV.UK classes and whose errors are linked from the summary."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        prepare_fields(self)
        style_widgets(self)

    def full_clean(self):
        super().full_clean()
        style_widgets(self)


class GovUKModelForm(forms.ModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        prepare_fields(self)
        style_widgets(self)

    def full_clean(self):
        super().full_clean()
        style_widgets(self)


def style_widgets(form: forms.BaseForm) -> None:
    errors = getattr(form, "_errors", None) or {}
    for name, field in form.fields.items():
        widget = field.widget
        # GOV.UK: hints, not placeholders (placeholders vanish as people type).
        widget.attrs.pop("placeholder", None)
        extra = widget.attrs.get("data-extra-class", "")
        classes = widget_classes(widget, has_error=name in errors)
        widget.attrs["class"] = f"{classes} {extra}".strip()
        if name in errors:
            # The same ids the field template gives the hint and the error message.
            auto_id = form[name].auto_id
            described = [f"{auto_id}_helptext"] if field.help_text else []
            widget.attrs["aria-describedby"] = " ".join([*described, f"{auto_id}-error"])


def add_errors(form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form, against its field where it names one."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)
